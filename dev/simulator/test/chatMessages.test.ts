/**
 * The simulator's describe_chat_messages over real HTTP: a live session's conversation in either order, an
 * ended session's history, paging with Limit and Offset, and 141004/141005.
 */
import { DEFAULT_CUSTOMER_SERVICE_ID, DEFAULT_PAGE_SIZE, SEED_SESSION_IDS, type RestEnvelope } from '..';
import { expectFail, expectOk } from '../../../test/helpers/deskAnswers';
import { OTHER_APP, PLAIN_APP, useSimulator } from './helpers';

const api = useSimulator(() => ({ apps: [OTHER_APP, PLAIN_APP], faults: { rateLimitPerSecond: 0 } }));
const { call } = api;

describe('describe_chat_messages', () => {
	it('answers a live session newest first by default, with roles and millisecond timestamps', async () => {
		const answer = await call('describe_chat_messages', { SessionId: SEED_SESSION_IDS.agent });
		expectOk(answer);
		expect(answer.TotalCount).toBe(3);
		const messages = answer.Messages as Array<{ FromAccount: string; FromAccountRole: string; MsgBody: unknown; Timestamp: number }>;
		expect(messages.map((m) => [m.FromAccountRole, m.FromAccount])).toEqual([
			['Agent', 'alice@example.com'],
			['User', 'user2'],
			['User', 'user2'],
		]);
		expect(messages[0].MsgBody).toEqual([{ MsgType: 'TIMTextElem', MsgContent: { Text: 'Hello, I am looking at your order now.' } }]);
		expect(Object.keys(messages[0]).sort()).toEqual(['FromAccount', 'FromAccountRole', 'MsgBody', 'Timestamp']);
		expect(messages[0].Timestamp).toBeGreaterThan(messages[1].Timestamp);
		expect(Math.abs(messages[0].Timestamp - Date.now())).toBeLessThan(3600_000);
	});

	it('answers oldest first with Order 1', async () => {
		const answer = await call('describe_chat_messages', { SessionId: SEED_SESSION_IDS.agent, Order: 1 });
		expect((answer.Messages as Array<{ FromAccountRole: string }>).map((m) => m.FromAccountRole)).toEqual(['User', 'User', 'Agent']);
	});

	it('answers the history of an ended session, and an empty list before it began', async () => {
		const ended = await call('describe_chat_messages', { SessionId: SEED_SESSION_IDS.ended, Order: 1 });
		expectOk(ended);
		expect((ended.Messages as Array<{ FromAccountRole: string; FromAccount: string }>).map((m) => [m.FromAccountRole, m.FromAccount])).toEqual([
			['User', 'user5'],
			['Robot', DEFAULT_CUSTOMER_SERVICE_ID],
		]);
		expect(await call('describe_chat_messages', { SessionId: SEED_SESSION_IDS.notInSession })).toMatchObject({ Messages: [], TotalCount: 0 });
	});

	it('pages with Limit (default 20) and Offset', async () => {
		const session = api.sim.sessions.create({ clientUserId: 'chatty' });
		api.sim.sessions.advance(session.sessionId, 'SessionBegin');
		const total = 45;
		for (let i = 0; i < total; i++) api.sim.sessions.advance(session.sessionId, { event: 'ChatBot.UserSendMsg', text: `m${i}`, time: Date.now() + i });
		const texts = (answer: RestEnvelope) => (answer.Messages as Array<{ MsgBody: Array<{ MsgContent: { Text: string } }> }>).map((m) => m.MsgBody[0].MsgContent.Text);
		const first = await call('describe_chat_messages', { SessionId: session.sessionId, Order: 1 });
		expect(first.TotalCount).toBe(total);
		expect(texts(first)).toEqual(Array.from({ length: DEFAULT_PAGE_SIZE }, (_, i) => `m${i}`));
		const last = await call('describe_chat_messages', { SessionId: session.sessionId, Order: 1, Offset: 40, Limit: 20 });
		expect(texts(last)).toEqual(['m40', 'm41', 'm42', 'm43', 'm44']);
		const newest = await call('describe_chat_messages', { SessionId: session.sessionId, Limit: 2, Offset: 1 });
		expect(texts(newest)).toEqual(['m43', 'm42']);
		expect(await call('describe_chat_messages', { SessionId: session.sessionId, Offset: total })).toMatchObject({ Messages: [], TotalCount: total });
		expect(texts(await call('describe_chat_messages', { SessionId: session.sessionId, Limit: 100 }))).toHaveLength(total);
	});

	it.each([
		[{}, 'SessionId'],
		[{ SessionId: 7 }, 'SessionId'],
		[{ SessionId: SEED_SESSION_IDS.agent, Limit: 0 }, 'Limit'],
		[{ SessionId: SEED_SESSION_IDS.agent, Limit: 101 }, 'Limit'],
		[{ SessionId: SEED_SESSION_IDS.agent, Offset: -1 }, 'Offset'],
		[{ SessionId: SEED_SESSION_IDS.agent, Order: 0 }, 'Order'],
	])('141004 names the parameter for %j', async (body, name) => {
		expectFail(await call('describe_chat_messages', body), 141004, name);
	});

	it('141005 for an unknown session or one of another app', async () => {
		expectFail(await call('describe_chat_messages', { SessionId: '00000000-0000-4000-8000-000000000000' }), 141005);
		const foreign = api.sim.sessions.create({ sdkAppId: OTHER_APP.sdkAppId });
		expectFail(await call('describe_chat_messages', { SessionId: foreign.sessionId }), 141005);
	});
});

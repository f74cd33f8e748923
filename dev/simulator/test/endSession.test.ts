/**
 * The simulator's end_session and end_queuing over real HTTP: what each success sends as callbacks (signed
 * like every callback) and leaves in get_session_state and the call records; each documented error code,
 * after which nothing changed and nothing was sent.
 */
import { createHash } from 'crypto';

import { SESSION_EVENT_COMMAND } from '../../../nodes/shared/events';
import { DEFAULT_CALLBACK_TOKEN, DEFAULT_CUSTOMER_SERVICE_ID, DEFAULT_SDK_APP_ID, SEED_SESSION_IDS } from '..';
import { expectFail, expectOk } from '../../../test/helpers/deskAnswers';
import { useDeskActions } from './actionSetup';
import { OTHER_APP, UNKNOWN_SESSION } from './helpers';

const desk = useDeskActions();
const { call, callbacks, events, state, sessionIn } = desk;

describe('end_session', () => {
	it('ends an Agent session with SessionAgentEnd then SessionEnd, signed like every callback', async () => {
		expectOk(await call('end_session', { SessionId: SEED_SESSION_IDS.agent }));
		const sent = await callbacks(SEED_SESSION_IDS.agent);
		expect(sent.map((body) => body.Event)).toEqual(['SessionAgentEnd', 'SessionEnd']);
		expect(sent[0]).toMatchObject({ CallbackCommand: SESSION_EVENT_COMMAND, AgentId: 'alice@example.com', ClientUserId: 'user2', CustomerServiceId: DEFAULT_CUSTOMER_SERVICE_ID });
		const { query } = desk.receiver.receivedFor(SEED_SESSION_IDS.agent)[0];
		expect(query).toMatchObject({ SdkAppid: String(DEFAULT_SDK_APP_ID), CallbackCommand: SESSION_EVENT_COMMAND });
		expect(query.Sign).toBe(createHash('sha256').update(DEFAULT_CALLBACK_TOKEN + query.RequestTime).digest('hex'));
		expectFail(await state(SEED_SESSION_IDS.agent), 141005);
	});

	it('keeps the ended session as history (messages and call record)', async () => {
		const messages = await call('describe_chat_messages', { SessionId: SEED_SESSION_IDS.agent });
		expect(messages.TotalCount).toBe(3);
		const now = Math.floor(Date.now() / 1000);
		const cdr = await call('describe_im_cdr_list', { StartTimestamp: now - 60, EndTimestamp: now + 60, Limit: 100 });
		expect((cdr.IMCdrList as Array<Record<string, unknown>>).find((record) => record.SessionId === SEED_SESSION_IDS.agent)).toMatchObject({
			EndStatus: 'SessionAgentEnd',
			AgentId: 'alice@example.com',
			AgentGroupId: 1,
			AgentGroupName: 'Pre-sales',
		});
	});

	it.each(['Chatbot', 'Queuing', 'WaitingForAgentAnswering'] as const)('ends a %s session with SessionEnd only (UNCONFIRMED)', async (phase) => {
		const sessionId = sessionIn(phase);
		expectOk(await call('end_session', { SessionId: sessionId }));
		expect(await events(sessionId)).toEqual(['SessionEnd']);
		expectFail(await state(sessionId), 141005);
		const now = Math.floor(Date.now() / 1000);
		const cdr = await call('describe_im_cdr_list', { StartTimestamp: now - 60, EndTimestamp: now + 60, Limit: 100 });
		expect((cdr.IMCdrList as Array<Record<string, unknown>>).find((record) => record.SessionId === sessionId)?.EndStatus).toBe('SessionEnd');
	});

	it('141005 for an unknown, already ended, not yet begun or foreign session, sending nothing', async () => {
		const ended = sessionIn('Ended');
		const notBegun = sessionIn('NotInSession');
		const foreign = desk.sim.sessions.create({ sdkAppId: OTHER_APP.sdkAppId }).sessionId;
		desk.sim.sessions.advance(foreign, 'SessionBegin');
		for (const sessionId of [UNKNOWN_SESSION, ended, notBegun, foreign]) {
			expectFail(await call('end_session', { SessionId: sessionId }), 141005, sessionId);
			expect(await events(sessionId)).toEqual([]);
		}
		expectFail(await call('end_session', { SessionId: SEED_SESSION_IDS.agent }), 141005);
		expect(desk.sim.sessions.get(notBegun)?.phase).toBe('NotInSession');
	});

	it.each([{}, { SessionId: 42 }, { SessionId: '' }, { SessionID: SEED_SESSION_IDS.chatbot }])('141004 names SessionId for %j', async (body) => {
		expectFail(await call('end_session', body), 141004, 'SessionId');
	});
});

describe('end_queuing', () => {
	it('takes a queuing session out of the queue: SessionPendingAutoFinishEnd, SessionEnd (UNCONFIRMED)', async () => {
		expect((await state(SEED_SESSION_IDS.queuing)).CurrentState).toBe('Queuing');
		expectOk(await call('end_queuing', { SessionID: SEED_SESSION_IDS.queuing }));
		const sent = await callbacks(SEED_SESSION_IDS.queuing);
		expect(sent.map((body) => body.Event)).toEqual(['SessionPendingAutoFinishEnd', 'SessionEnd']);
		expect(sent[0]).toMatchObject({ ChannelType: 'Web', ClientUserId: 'web_visitor_42' });
		expectFail(await state(SEED_SESSION_IDS.queuing), 141005);
		expectFail(await call('end_queuing', { SessionID: SEED_SESSION_IDS.queuing }), 141005);
	});

	it('141004 naming SessionID when only SessionId is sent, or nothing, or a non-string', async () => {
		const sessionId = sessionIn('Queuing');
		expectFail(await call('end_queuing', { SessionId: sessionId }), 141004, /SessionID .*capital ID/);
		expectFail(await call('end_queuing', {}), 141004, 'SessionID');
		expectFail(await call('end_queuing', { SessionID: 1 }), 141004, 'SessionID');
		expect((await state(sessionId)).CurrentState).toBe('Queuing');
	});

	it.each(['NotInSession', 'Chatbot', 'WaitingForAgentAnswering', 'Agent'] as const)('141027 for a %s session, which stays as it was', async (phase) => {
		const sessionId = sessionIn(phase);
		const before = await state(sessionId);
		expectFail(await call('end_queuing', { SessionID: sessionId }), 141027, sessionId);
		expect(await state(sessionId)).toEqual(before);
		expect(await events(sessionId)).toEqual([]);
	});

	it('141005 for an unknown or ended session', async () => {
		expectFail(await call('end_queuing', { SessionID: UNKNOWN_SESSION }), 141005);
		expectFail(await call('end_queuing', { SessionID: sessionIn('Ended') }), 141005);
	});
});

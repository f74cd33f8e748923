/**
 * The simulator's send_msg over real HTTP: as the agent or as the customer-service account depending on the
 * phase, with its callback and its place in describe_chat_messages; every malformed parameter (141004) and
 * 141005, after which nothing was sent.
 */
import { DEFAULT_CUSTOMER_SERVICE_ID, SEED_SESSION_IDS } from '..';
import { expectFail, expectOk } from '../../../test/helpers/deskAnswers';
import { useDeskActions } from './actionSetup';
import { UNKNOWN_SESSION } from './helpers';

const desk = useDeskActions();
const { call, callbacks, events, state, sessionIn } = desk;

describe('send_msg', () => {
	const text = (Text: string) => [{ MsgType: 'TIMTextElem', MsgContent: { Text } }];

	it('sends as the agent in the Agent phase: Human.AgentSendMsg, stored for describe_chat_messages', async () => {
		const sessionId = SEED_SESSION_IDS.agentSecond;
		const msgBody = [...text('Please update to 2.3.'), { MsgType: 'TIMCustomElem', MsgContent: { Data: '{"card":"update"}', Desc: 'card' } }];
		const before = Math.floor(Date.now() / 1000);
		const answer = await call('send_msg', { SessionId: sessionId, MsgRandom: 4294967295, MsgBody: msgBody, CloudCustomData: '{"ticket":7}' });
		expectOk(answer);
		expect(answer.MsgTime).toBeGreaterThanOrEqual(before);
		expect(answer.MsgTime).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));
		expect(answer.MsgKey).toEqual(expect.any(String));
		const sent = await callbacks(sessionId);
		expect(sent).toHaveLength(1);
		expect(sent[0]).toMatchObject({ Event: 'Human.AgentSendMsg', AgentId: 'grace@example.com', MsgKey: answer.MsgKey, MsgBody: msgBody, CloudCustomData: '{"ticket":7}' });
		const history = await call('describe_chat_messages', { SessionId: sessionId, Limit: 1 });
		expect(history.Messages).toEqual([{ FromAccount: 'grace@example.com', FromAccountRole: 'Agent', MsgBody: msgBody, Timestamp: (sent[0].EventTime as number) }]);
		expect((await state(sessionId)).CurrentState).toBe('Agent');
	});

	it.each(['Chatbot', 'Queuing', 'WaitingForAgentAnswering'] as const)('sends as the customer-service account in the %s phase: ChatBot.RobotSendMsg', async (phase) => {
		const sessionId = sessionIn(phase);
		const before = await state(sessionId);
		expectOk(await call('send_msg', { SessionId: sessionId, MsgRandom: 0, MsgBody: text('One moment, please.') }));
		const sent = await callbacks(sessionId);
		expect(sent.map((body) => [body.Event, body.CloudCustomData])).toEqual([['ChatBot.RobotSendMsg', '']]);
		const history = await call('describe_chat_messages', { SessionId: sessionId, Limit: 1 });
		expect((history.Messages as Array<Record<string, unknown>>)[0]).toMatchObject({ FromAccount: DEFAULT_CUSTOMER_SERVICE_ID, FromAccountRole: 'Robot', MsgBody: text('One moment, please.') });
		expect(await state(sessionId)).toEqual(before);
	});

	it.each([
		[{ MsgRandom: 1, MsgBody: text('x') }, /SessionId is required/],
		[{ FromAccount: 'a', ToAccount: 'b', MsgRandom: 1, MsgBody: text('x') }, /only SessionId is supported by the simulator/],
		[{ SessionId: 5, MsgRandom: 1, MsgBody: text('x') }, 'SessionId'],
		[{ SessionId: SEED_SESSION_IDS.chatbotSecond, MsgBody: text('x') }, 'MsgRandom'],
		[{ SessionId: SEED_SESSION_IDS.chatbotSecond, MsgRandom: -1, MsgBody: text('x') }, 'MsgRandom'],
		[{ SessionId: SEED_SESSION_IDS.chatbotSecond, MsgRandom: 4294967296, MsgBody: text('x') }, 'MsgRandom'],
		[{ SessionId: SEED_SESSION_IDS.chatbotSecond, MsgRandom: '1', MsgBody: text('x') }, 'MsgRandom'],
		[{ SessionId: SEED_SESSION_IDS.chatbotSecond, MsgRandom: 1 }, 'MsgBody'],
		[{ SessionId: SEED_SESSION_IDS.chatbotSecond, MsgRandom: 1, MsgBody: [] }, 'MsgBody'],
		[{ SessionId: SEED_SESSION_IDS.chatbotSecond, MsgRandom: 1, MsgBody: { MsgType: 'TIMTextElem' } }, 'MsgBody'],
		[{ SessionId: SEED_SESSION_IDS.chatbotSecond, MsgRandom: 1, MsgBody: ['hi'] }, 'MsgBody[0]'],
		[{ SessionId: SEED_SESSION_IDS.chatbotSecond, MsgRandom: 1, MsgBody: [{ MsgType: 'TIMBogusElem', MsgContent: {} }] }, 'MsgBody[0].MsgType'],
		[{ SessionId: SEED_SESSION_IDS.chatbotSecond, MsgRandom: 1, MsgBody: [{ MsgType: 'TIMTextElem' }] }, 'MsgBody[0].MsgContent'],
		[{ SessionId: SEED_SESSION_IDS.chatbotSecond, MsgRandom: 1, MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: 5 } }] }, 'MsgBody[0].MsgContent.Text'],
		[{ SessionId: SEED_SESSION_IDS.chatbotSecond, MsgRandom: 1, MsgBody: [...text('a'), { MsgType: 'TIMCustomElem', MsgContent: { Desc: 'no data' } }] }, 'MsgBody[1].MsgContent.Data'],
		[{ SessionId: SEED_SESSION_IDS.chatbotSecond, MsgRandom: 1, MsgBody: text('x'), CloudCustomData: 5 }, 'CloudCustomData'],
	])('141004 names the parameter for %j, sending nothing', async (body, detail) => {
		expectFail(await call('send_msg', body), 141004, detail);
		expect(await events(SEED_SESSION_IDS.chatbotSecond)).toEqual([]);
	});

	it('delivers a repeated MsgRandom again: Tencent documents no deduplication by it, so the simulator does none', async () => {
		const sessionId = sessionIn('Chatbot');
		for (let sent = 0; sent < 2; sent++) expectOk(await call('send_msg', { SessionId: sessionId, MsgRandom: 99, MsgBody: text('twice') }));
		expect((await callbacks(sessionId)).map((body) => body.Event)).toEqual(['ChatBot.RobotSendMsg', 'ChatBot.RobotSendMsg']);
	});

	it('141005 for an unknown, ended or not yet begun session', async () => {
		for (const sessionId of [UNKNOWN_SESSION, sessionIn('Ended'), sessionIn('NotInSession')]) {
			expectFail(await call('send_msg', { SessionId: sessionId, MsgRandom: 1, MsgBody: text('x') }), 141005, sessionId);
			expect(await events(sessionId)).toEqual([]);
		}
	});
});

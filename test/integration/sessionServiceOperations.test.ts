/**
 * The action node's Session → Transfer to Human, Contact User and Send Stream Message through execute()
 * against the simulator over real HTTP: the state and messages they leave, and their documented errors.
 */
import { DEFAULT_CUSTOMER_SERVICE_ID, EMPTY_SKILL_GROUP_ID, NO_FREE_AGENT_SKILL_GROUP_ID, SEED_CLIENT_USER_IDS, SEED_SESSION_IDS } from '../../dev/simulator';
import { byEmail, byId, session, useDeskOperations } from '../helpers/deskOperations';

jest.setTimeout(60_000);

const desk = useDeskOperations();
const { run, runExpectingError, stateOf } = desk;

const noPicker = { __rl: true, mode: 'list', value: '' };

describe('Session → Transfer to Human', () => {
	it('hands a chatbot session to a preferred agent', async () => {
		const { output } = await run(session('transferToHuman', { sessionId: SEED_SESSION_IDS.chatbot, skillGroup: noPicker, preferredAgents: 'grace@example.com' }));
		expect(output[0].json).toEqual({ SessionId: SEED_SESSION_IDS.chatbot, transferred: true, AgentId: 'grace@example.com', queued: false });
		expect(await stateOf(SEED_SESSION_IDS.chatbot)).toMatchObject({ CurrentState: 'Agent', AgentId: 'grace@example.com' });
	});

	it('queues the customer when no agent of the group is free', async () => {
		const { output } = await run(session('transferToHuman', { sessionId: SEED_SESSION_IDS.chatbotSecond, skillGroup: byId(NO_FREE_AGENT_SKILL_GROUP_ID), preferredAgents: '' }));
		expect(output[0].json).toMatchObject({ transferred: true, AgentId: '', queued: true });
		expect(await stateOf(SEED_SESSION_IDS.chatbotSecond)).toMatchObject({ CurrentState: 'Queuing' });
	});

	it('returns “no agent online” as data when asked, else fails with 141001; 141003 for a session an agent has', async () => {
		const parameters = { sessionId: SEED_SESSION_IDS.chatbot, skillGroup: byId(EMPTY_SKILL_GROUP_ID), preferredAgents: '' };
		const { output, context } = await run(session('transferToHuman', { ...parameters, options: { returnNoAgentOnlineAsData: true, sendTipIfNoAgentOnline: true } }));
		expect(output[0].json).toMatchObject({ transferred: false, errorCode: 141001 });
		expect(context.requests[0].body).toEqual({ SessionId: SEED_SESSION_IDS.chatbot, AgentGroupId: EMPTY_SKILL_GROUP_ID, SendTipIfNoAgentOnline: 1 });
		expect((await runExpectingError(session('transferToHuman', parameters))).error.message).toBe('Tencent Cloud Desk error 141001: No agent is online');
		const withAgent = await runExpectingError(session('transferToHuman', { ...parameters, sessionId: SEED_SESSION_IDS.agent, skillGroup: noPicker }));
		expect(withAgent.error.message).toBe('Tencent Cloud Desk error 141003: The session cannot be transferred to a live agent');
	});
});

describe('Session → Contact User', () => {
	it('starts a human session and returns its SessionId and agent', async () => {
		const user = SEED_CLIENT_USER_IDS.ended;
		const { output, context } = await run(
			session('contactUser', { account: byId(DEFAULT_CUSTOMER_SERVICE_ID), clientUserId: user, agent: byEmail('erin@example.com'), skillGroup: noPicker }),
		);
		expect(context.requests[0].body).toEqual({ IMAgentUserID: DEFAULT_CUSTOMER_SERVICE_ID, ClientUserID: user, MemberId: 'erin@example.com' });
		expect(output[0].json).toMatchObject({ ClientUserId: user, CustomerServiceId: DEFAULT_CUSTOMER_SERVICE_ID, MemberId: 'erin@example.com', contacted: true });
		expect(await stateOf(output[0].json.SessionId as string)).toMatchObject({ CurrentState: 'Agent', AgentId: 'erin@example.com' });
	});

	it('names 141016 for a user already with an agent and 141011 for an offline agent', async () => {
		const busy = await runExpectingError(session('contactUser', { account: byId(DEFAULT_CUSTOMER_SERVICE_ID), clientUserId: SEED_CLIENT_USER_IDS.agent, agent: noPicker, skillGroup: noPicker }));
		expect(busy.error.message).toBe('Tencent Cloud Desk error 141016: The user is already in a session with an agent');
		const offline = await runExpectingError(
			session('contactUser', { account: byId(DEFAULT_CUSTOMER_SERVICE_ID), clientUserId: SEED_CLIENT_USER_IDS.ended, agent: byEmail('frank@example.com'), skillGroup: noPicker }),
		);
		expect(offline.error.message).toBe('Tencent Cloud Desk error 141011: The agent is offline');
	});
});

describe('Session → Send Stream Message', () => {
	it('sends chunks chained by the returned MsgKey; the finished message is in the session', async () => {
		const sessionId = SEED_SESSION_IDS.chatbot;
		const first = (await run(session('sendStreamMessage', { sessionId, chunk: 'Hello, ', msgKey: '', finish: false }))).output[0].json;
		expect(first).toMatchObject({ SessionId: sessionId, finished: false, MsgKey: expect.any(String) });
		const last = await run(session('sendStreamMessage', { sessionId, chunk: 'world.', msgKey: first.MsgKey, finish: true }));
		expect(last.context.requests[0].body).toEqual({ SessionId: sessionId, Chunk: 'world.', MsgKey: first.MsgKey, Finish: 1 });
		const messages = await run(session('getMessages', { sessionId, returnAll: true }));
		expect(messages.output.map((item) => item.json.messageText)).toContain('Hello, world.');
	});

	it('names 141005 for an ended session', async () => {
		const { error } = await runExpectingError(session('sendStreamMessage', { sessionId: SEED_SESSION_IDS.ended, chunk: 'x', msgKey: '', finish: true }));
		expect(error.message).toBe('Tencent Cloud Desk error 141005: The session does not exist or has ended');
	});
});

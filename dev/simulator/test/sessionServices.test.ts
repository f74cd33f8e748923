/**
 * The simulator's transfer_to_human, contact_user and send_stream_msg over real HTTP: the state
 * get_session_state then reports, the callbacks each sends (the same path as transfer_session), and
 * their documented errors, after which nothing changed and nothing was sent.
 */
import { DEFAULT_CUSTOMER_SERVICE_ID, EMPTY_SKILL_GROUP_ID, NO_FREE_AGENT_SKILL_GROUP_ID, SEED_CLIENT_USER_IDS, SEED_IM_AGENTS } from '..';
import { expectFail, expectOk } from '../../../test/helpers/deskAnswers';
import { firstFree, useDeskActions } from './actionSetup';
import { UNKNOWN_SESSION } from './helpers';

const desk = useDeskActions();
const { call, callbacks, events, state, sessionIn } = desk;

describe('transfer_to_human', () => {
	it('hands a chatbot session to a preferred free agent: TransferringToHuman, TransferToHumanSuccess', async () => {
		const sessionId = sessionIn('Chatbot');
		const answer = await call('transfer_to_human', { SessionId: sessionId, AgentIdList: ['carol@example.com', 'grace@example.com'] });
		expectOk(answer);
		expect(answer).toMatchObject({ AgentId: 'grace@example.com', IsInQueue: 0 });
		expect((await callbacks(sessionId)).map((body) => [body.Event, body.AgentId])).toEqual([
			['TransferringToHuman', ''],
			['TransferToHumanSuccess', 'grace@example.com'],
		]);
		expect(await state(sessionId)).toMatchObject({ CurrentState: 'Agent', AgentId: 'grace@example.com' });
	});

	it('picks the first free agent by default', async () => {
		const sessionId = sessionIn('Chatbot');
		expect(await call('transfer_to_human', { SessionId: sessionId })).toMatchObject({ ErrorCode: 0, AgentId: firstFree() });
	});

	it('queues the user when the group’s agents are online but none is free', async () => {
		const sessionId = sessionIn('Chatbot');
		const answer = await call('transfer_to_human', { SessionId: sessionId, AgentGroupId: NO_FREE_AGENT_SKILL_GROUP_ID });
		expect(answer).toMatchObject({ ErrorCode: 0, AgentId: '', IsInQueue: 1 });
		expect(await events(sessionId)).toEqual(['TransferringToHuman', 'TransferringToHumanWait']);
		expect(await state(sessionId)).toMatchObject({ CurrentState: 'Queuing', AgentId: '' });
	});

	it('answers 141001 when nobody of the group is online, after the tip when asked for', async () => {
		const quiet = sessionIn('Chatbot');
		expectFail(await call('transfer_to_human', { SessionId: quiet, AgentGroupId: EMPTY_SKILL_GROUP_ID }), 141001);
		expect(await events(quiet)).toEqual([]);
		const tipped = sessionIn('Chatbot');
		expectFail(await call('transfer_to_human', { SessionId: tipped, AgentGroupId: EMPTY_SKILL_GROUP_ID, SendTipIfNoAgentOnline: 1 }), 141001);
		expect(await events(tipped)).toEqual(['ChatBot.RobotSendMsg']);
		expect(await state(tipped)).toMatchObject({ CurrentState: 'Chatbot' });
	});

	it('refuses a session not with the chatbot (141003), an ended one (141005), unknown group (141020) or agent (141010)', async () => {
		const withAgent = sessionIn('Agent');
		expectFail(await call('transfer_to_human', { SessionId: withAgent }), 141003, /is Agent/);
		expectFail(await call('transfer_to_human', { SessionId: UNKNOWN_SESSION }), 141005);
		const sessionId = sessionIn('Chatbot');
		expectFail(await call('transfer_to_human', { SessionId: sessionId, AgentGroupId: 99 }), 141020);
		expectFail(await call('transfer_to_human', { SessionId: sessionId, AgentIdList: ['nobody@example.com'] }), 141010);
		expectFail(await call('transfer_to_human', { SessionId: sessionId, SendTipIfNoAgentOnline: 2 }), 141004, /SendTipIfNoAgentOnline/);
		expect(await events(sessionId)).toEqual([]);
		expect(await state(sessionId)).toMatchObject({ CurrentState: 'Chatbot' });
	});
});

describe('contact_user', () => {
	const user = SEED_CLIENT_USER_IDS.ended;

	it('starts a human session with a named agent that get_session_state finds by user and account', async () => {
		const answer = await call('contact_user', { IMAgentUserID: DEFAULT_CUSTOMER_SERVICE_ID, ClientUserID: user, MemberId: 'erin@example.com' });
		expect(answer).toMatchObject({ ErrorCode: 0, MemberId: 'erin@example.com' });
		const found = await call('get_session_state', { ClientUserId: user, CustomerServiceId: DEFAULT_CUSTOMER_SERVICE_ID });
		expect(found).toMatchObject({ CurrentState: 'Agent', AgentId: 'erin@example.com' });
		const sent = await callbacks(found.SessionId as string);
		expect(sent.map((body) => body.Event)).toEqual(['SessionBegin', 'TransferringToHuman', 'TransferToHumanSuccess']);
		expect(sent.every((body) => body.IsContactUser === true)).toBe(true);
		// The user is now with an agent: a second contact is refused.
		expectFail(await call('contact_user', { IMAgentUserID: DEFAULT_CUSTOMER_SERVICE_ID, ClientUserID: user }), 141016);
	});

	it('accepts the table’s spelling and picks a free agent of the group', async () => {
		const answer = await call('contact_user', { IMAgentUserId: SEED_IM_AGENTS[0].userId, ClientUserId: 'customer_01', GroupId: 3 });
		expect(answer).toMatchObject({ ErrorCode: 0, MemberId: firstFree((agent) => agent.skillGroupIds.includes(3)) });
	});

	it('answers the documented codes for unknown users, offline or resting agents and no free agent', async () => {
		const contact = (extra: Record<string, unknown>) => call('contact_user', { IMAgentUserID: DEFAULT_CUSTOMER_SERVICE_ID, ClientUserID: 'customer_02', ...extra });
		expectFail(await contact({ ClientUserID: 'stranger' }), 141015);
		expectFail(await contact({ MemberId: 'frank@example.com' }), 141011);
		expectFail(await contact({ MemberId: 'dave@example.com' }), 141013);
		expectFail(await contact({ MemberId: 'nobody@example.com' }), 141010);
		expectFail(await contact({ GroupId: NO_FREE_AGENT_SKILL_GROUP_ID }), 141017);
		expectFail(await contact({ GroupId: EMPTY_SKILL_GROUP_ID }), 141001);
		expectFail(await contact({ IMAgentUserID: '@nobody' }), 141004, /not a customer service account/);
		expectFail(await contact({ ClientUserId: 'customer_03' }), 141004, /ClientUserID and ClientUserId differ/);
		expect(await call('get_session_state', { ClientUserId: 'customer_02', CustomerServiceId: DEFAULT_CUSTOMER_SERVICE_ID })).toMatchObject({ ErrorCode: 141005 });
	});

	it('answers 141012 when the agent already serves their reception limit', async () => {
		// ivan is only in group 3 (limit 4): fill it.
		for (let index = 0; index < 4; index++) desk.sim.sessions.advance(sessionIn('Queuing'), { event: 'TransferToHumanSuccess', agentId: 'ivan@example.com' });
		expectFail(await call('contact_user', { IMAgentUserID: DEFAULT_CUSTOMER_SERVICE_ID, ClientUserID: 'customer_04', MemberId: 'ivan@example.com' }), 141012);
	});
});

describe('send_stream_msg', () => {
	it('chains chunks by MsgKey and delivers one bot message on Finish', async () => {
		const sessionId = sessionIn('Chatbot');
		const first = await call('send_stream_msg', { SessionId: sessionId, Chunk: 'Hello, ' });
		expectOk(first);
		expect(first.MsgKey).toMatch(/^\d+_\d+_[0-9a-f]+$/);
		expect(await call('send_stream_msg', { SessionId: sessionId, Chunk: 'this is ', MsgKey: first.MsgKey })).toMatchObject({ MsgKey: first.MsgKey });
		expect(await events(sessionId)).toEqual([]);
		expectOk(await call('send_stream_msg', { SessionId: sessionId, Chunk: 'Tencent Cloud.', MsgKey: first.MsgKey, Finish: 1 }));
		const [message] = await callbacks(sessionId);
		expect(message).toMatchObject({ Event: 'ChatBot.RobotSendMsg', MsgKey: first.MsgKey, MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: 'Hello, this is Tencent Cloud.' } }] });
		// The stream is closed: its key no longer continues it.
		expectFail(await call('send_stream_msg', { SessionId: sessionId, Chunk: 'more', MsgKey: first.MsgKey }), 141004, /MsgKey/);
	});

	it('refuses a missing chunk, an ended session (141005) and a session an agent has', async () => {
		expectFail(await call('send_stream_msg', { SessionId: sessionIn('Chatbot') }), 141004, /Chunk is required/);
		expectFail(await call('send_stream_msg', { SessionId: sessionIn('Ended'), Chunk: 'x' }), 141005);
		expectFail(await call('send_stream_msg', { SessionId: sessionIn('Agent'), Chunk: 'x' }), 141004, /with an agent/);
	});
});

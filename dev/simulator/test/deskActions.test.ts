/**
 * The simulator's Desk actions over real HTTP: end_session, end_queuing, transfer_session,
 * send_msg and set_member_status. Each success changes what get_session_state (and the lists)
 * answer and sends the matching signed callbacks to the configured callback URL; each documented
 * error code is answered, and a failed action changes nothing and sends nothing.
 */
import { createHash } from 'crypto';
import http from 'http';

import { SESSION_EVENT_COMMAND } from '../../../nodes/shared/events';
import {
	callDeskApi,
	DEFAULT_CALLBACK_TOKEN,
	DEFAULT_CUSTOMER_SERVICE_ID,
	DEFAULT_SDK_APP_ID,
	EMPTY_SKILL_GROUP_ID,
	FALLBACK_SKILL_GROUP_ID,
	NO_FREE_AGENT_SKILL_GROUP_ID,
	SEED_AGENTS,
	SEED_SESSION_IDS,
	startDeskSimulator,
	WAITING_FOR_AGENT_STEP,
	type DeskSimulator,
	type RestEnvelope,
	type SessionStep,
} from '..';
import { expectFail, expectOk } from '../../../test/helpers/deskAnswers';

interface Received {
	query: Record<string, string>;
	body: Record<string, unknown>;
}

/** A stand-in for the app's callback URL: records every callback, acks with Desk's expected body. */
class Receiver {
	readonly received: Received[] = [];
	url = '';
	private readonly server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const url = new URL(req.url ?? '/', 'http://x');
			this.received.push({ query: Object.fromEntries(url.searchParams), body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
			res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0}');
		});
	});

	async start(): Promise<void> {
		await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
		this.url = `http://127.0.0.1:${(this.server.address() as { port: number }).port}/webhook/desk`;
	}

	forSession(sessionId: string): Array<Record<string, unknown>> {
		return this.received.filter((r) => r.body.SessionId === sessionId).map((r) => r.body);
	}

	close(): Promise<void> {
		return new Promise((resolve) => {
			this.server.close(() => resolve());
			this.server.closeAllConnections();
		});
	}
}

const OTHER_APP = { sdkAppId: 1400000003, secretKey: 'e'.repeat(64) };
const receiver = new Receiver();
let sim: DeskSimulator;

beforeAll(async () => {
	await receiver.start();
	sim = await startDeskSimulator({ apps: [OTHER_APP], callbackUrl: receiver.url, faults: { rateLimitPerSecond: 0 } });
});

afterAll(async () => {
	await sim.close();
	await receiver.close();
});

const call = (command: string, body: unknown = {}, target = sim) => callDeskApi(target.url, `desk_http_svc/${command}`, body);


/** The callbacks the session got, once every action callback has been delivered. */
async function callbacks(sessionId: string): Promise<Array<Record<string, unknown>>> {
	await sim.callbacksSettled();
	return receiver.forSession(sessionId);
}

async function events(sessionId: string): Promise<string[]> {
	return (await callbacks(sessionId)).map((body) => body.Event as string);
}

async function state(sessionId: string, target = sim): Promise<RestEnvelope> {
	return call('get_session_state', { SessionId: sessionId }, target);
}

const TO_AGENT: Record<string, Array<string | SessionStep>> = {
	NotInSession: [],
	Chatbot: ['SessionBegin', 'ChatBot.UserSendMsg'],
	Queuing: ['SessionBegin', 'TransferringToHuman', 'TransferringToHumanWait'],
	WaitingForAgentAnswering: ['SessionBegin', 'TransferringToHuman', { event: WAITING_FOR_AGENT_STEP, agentId: 'bob@example.com' }],
	Agent: ['SessionBegin', 'TransferringToHuman', { event: 'TransferToHumanSuccess', agentId: 'alice@example.com' }],
	Ended: ['SessionBegin', 'SessionUserEnd', 'SessionEnd'],
};

/** A fresh session in `phase`, built silently (no callbacks), so tests do not share state. */
function sessionIn(phase: keyof typeof TO_AGENT, target = sim): string {
	const { sessionId } = target.sessions.create();
	for (const step of TO_AGENT[phase]) target.sessions.advance(sessionId, step);
	return sessionId;
}

const UNKNOWN_SESSION = '00000000-0000-4000-8000-000000000000';
const firstFree = (filter: (agent: (typeof SEED_AGENTS)[number]) => boolean = () => true) =>
	SEED_AGENTS.find((agent) => agent.status === 'STATUS_FREE' && filter(agent))?.email;

describe('end_session', () => {
	it('ends an Agent session with SessionAgentEnd then SessionEnd, signed like every callback', async () => {
		expectOk(await call('end_session', { SessionId: SEED_SESSION_IDS.agent }));
		const sent = await callbacks(SEED_SESSION_IDS.agent);
		expect(sent.map((body) => body.Event)).toEqual(['SessionAgentEnd', 'SessionEnd']);
		expect(sent[0]).toMatchObject({ CallbackCommand: SESSION_EVENT_COMMAND, AgentId: 'alice@example.com', ClientUserId: 'user2', CustomerServiceId: DEFAULT_CUSTOMER_SERVICE_ID });
		const { query } = receiver.received.find((r) => r.body.SessionId === SEED_SESSION_IDS.agent) as Received;
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
		const foreign = sim.sessions.create({ sdkAppId: OTHER_APP.sdkAppId }).sessionId;
		sim.sessions.advance(foreign, 'SessionBegin');
		for (const sessionId of [UNKNOWN_SESSION, ended, notBegun, foreign]) {
			expectFail(await call('end_session', { SessionId: sessionId }), 141005, sessionId);
			expect(await events(sessionId)).toEqual([]);
		}
		expectFail(await call('end_session', { SessionId: SEED_SESSION_IDS.agent }), 141005);
		expect(sim.sessions.get(notBegun)?.phase).toBe('NotInSession');
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

describe('transfer_session', () => {
	async function expectAgent(sessionId: string, agentId: string | undefined): Promise<void> {
		expect(agentId).toBeDefined();
		expect(await state(sessionId)).toMatchObject({ CurrentState: 'Agent', AgentId: agentId });
	}

	it('hands a Chatbot session to the first free agent: TransferringToHuman, TransferToHumanSuccess', async () => {
		const sessionId = sessionIn('Chatbot');
		expectOk(await call('transfer_session', { SessionId: sessionId }));
		const sent = await callbacks(sessionId);
		expect(sent.map((body) => body.Event)).toEqual(['TransferringToHuman', 'TransferToHumanSuccess']);
		expect(sent[1].AgentId).toBe(firstFree());
		await expectAgent(sessionId, firstFree());
	});

	it('hands a Queuing session to a free agent of the fallback group', async () => {
		const expected = firstFree((agent) => agent.skillGroupIds.includes(FALLBACK_SKILL_GROUP_ID));
		expectOk(await call('transfer_session', { SessionId: SEED_SESSION_IDS.queuingSecond, GroupId: FALLBACK_SKILL_GROUP_ID }));
		const sent = await callbacks(SEED_SESSION_IDS.queuingSecond);
		expect(sent.map((body) => body.Event)).toEqual(['TransferToHumanSuccess']);
		expect(sent[0].AgentId).toBe(expected);
		await expectAgent(SEED_SESSION_IDS.queuingSecond, expected);
		// The call record names the group the session was transferred to.
		expectOk(await call('end_session', { SessionId: SEED_SESSION_IDS.queuingSecond }));
		const now = Math.floor(Date.now() / 1000);
		const cdr = await call('describe_im_cdr_list', { StartTimestamp: now - 60, EndTimestamp: now + 60, Limit: 100 });
		expect((cdr.IMCdrList as Array<Record<string, unknown>>).find((record) => record.SessionId === SEED_SESSION_IDS.queuingSecond)).toMatchObject({
			AgentGroupId: FALLBACK_SKILL_GROUP_ID,
			AgentId: expected,
		});
	});

	it('hands a WaitingForAgentAnswering session to a named agent with TransferToHumanSuccess', async () => {
		expectOk(await call('transfer_session', { SessionId: SEED_SESSION_IDS.waitingForAgent, MemberId: 'grace@example.com' }));
		const sent = await callbacks(SEED_SESSION_IDS.waitingForAgent);
		expect(sent.map((body) => [body.Event, body.AgentId])).toEqual([['TransferToHumanSuccess', 'grace@example.com']]);
		await expectAgent(SEED_SESSION_IDS.waitingForAgent, 'grace@example.com');
	});

	it('forwards an Agent session with AgentForward and ForwardFromAgentId', async () => {
		const sessionId = sessionIn('Agent');
		expectOk(await call('transfer_session', { SessionId: sessionId, MemberId: 'bob@example.com' }));
		const sent = await callbacks(sessionId);
		expect(sent).toHaveLength(1);
		expect(sent[0]).toMatchObject({ Event: 'AgentForward', AgentId: 'bob@example.com', ForwardFromAgentId: 'alice@example.com' });
		await expectAgent(sessionId, 'bob@example.com');
	});

	it('picks another free agent than the current one by default, and one of GroupId when given', async () => {
		const byDefault = sessionIn('Agent');
		expectOk(await call('transfer_session', { SessionId: byDefault }));
		const other = firstFree((agent) => agent.email !== 'alice@example.com');
		expect((await callbacks(byDefault))[0]).toMatchObject({ Event: 'AgentForward', AgentId: other, ForwardFromAgentId: 'alice@example.com' });
		await expectAgent(byDefault, other);

		const byGroup = sessionIn('Agent');
		expectOk(await call('transfer_session', { SessionId: byGroup, GroupId: 2 }));
		const inGroup = firstFree((agent) => agent.email !== 'alice@example.com' && agent.skillGroupIds.includes(2));
		expect((await callbacks(byGroup))[0]).toMatchObject({ Event: 'AgentForward', AgentId: inGroup });
	});

	it('accepts MemberId with a GroupId the agent belongs to', async () => {
		const sessionId = sessionIn('Queuing');
		expectOk(await call('transfer_session', { SessionId: sessionId, GroupId: 2, MemberId: 'alice@example.com' }));
		await expectAgent(sessionId, 'alice@example.com');
	});

	it.each([
		['an unknown GroupId', 'Queuing', { GroupId: 999 }, 141020, 'GroupId 999'],
		['an unknown MemberId', 'Queuing', { MemberId: 'nobody@example.com' }, 141010, 'nobody@example.com'],
		['a MemberId of a GroupId that does not exist', 'Queuing', { GroupId: 999, MemberId: 'bob@example.com' }, 141020, 'GroupId'],
		['the current agent as MemberId', 'Agent', { MemberId: 'alice@example.com' }, 141024, 'alice@example.com'],
		['the offered agent as MemberId', 'WaitingForAgentAnswering', { MemberId: 'bob@example.com' }, 141024, 'bob@example.com'],
		['a MemberId who is not free', 'Queuing', { MemberId: 'carol@example.com' }, 141001, 'STATUS_NOT_READY'],
		['a MemberId who is offline', 'Queuing', { MemberId: 'frank@example.com' }, 141001, 'STATUS_OFFLINE'],
		['a MemberId outside GroupId', 'Queuing', { GroupId: 2, MemberId: 'bob@example.com' }, 141001, 'not in GroupId 2'],
		['a GroupId without a free agent', 'Queuing', { GroupId: NO_FREE_AGENT_SKILL_GROUP_ID }, 141025, `GroupId ${NO_FREE_AGENT_SKILL_GROUP_ID}`],
		['a GroupId without members', 'Chatbot', { GroupId: EMPTY_SKILL_GROUP_ID }, 141025, `GroupId ${EMPTY_SKILL_GROUP_ID}`],
		['a session not in session yet', 'NotInSession', {}, 141026, 'NotInSession'],
		['an ended session', 'Ended', {}, 141005, undefined],
		['a non-integer GroupId', 'Queuing', { GroupId: '2' }, 141004, 'GroupId'],
		['a non-string MemberId', 'Queuing', { MemberId: 5 }, 141004, 'MemberId'],
	] as const)('answers %s with its code, changing nothing', async (_what, phase, params, code, detail) => {
		const sessionId = sessionIn(phase);
		const before = sim.sessions.get(sessionId);
		expectFail(await call('transfer_session', { SessionId: sessionId, ...params }), code, detail);
		expect(sim.sessions.get(sessionId)).toEqual(before);
		expect(await events(sessionId)).toEqual([]);
	});

	it('141005 for an unknown session and 141004 without SessionId', async () => {
		expectFail(await call('transfer_session', { SessionId: UNKNOWN_SESSION }), 141005);
		expectFail(await call('transfer_session', { GroupId: 1 }), 141004, 'SessionId');
	});
});

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

	it('141005 for an unknown, ended or not yet begun session', async () => {
		for (const sessionId of [UNKNOWN_SESSION, sessionIn('Ended'), sessionIn('NotInSession')]) {
			expectFail(await call('send_msg', { SessionId: sessionId, MsgRandom: 1, MsgBody: text('x') }), 141005, sessionId);
			expect(await events(sessionId)).toEqual([]);
		}
	});
});

describe('set_member_status', () => {
	const member = async (email: string, target = sim) => {
		const list = (await call('get_member_list', { PageSize: 100 }, target)).MemberList as Array<Record<string, unknown>>;
		return list.find((entry) => entry.MemberMail === email);
	};

	it('changes what get_member_list reports; RestReason is kept only while resting', async () => {
		expectOk(await call('set_member_status', { MemberMail: 'erin@example.com', Status: 'STATUS_REST', RestReason: 'Dentist' }));
		expect(await member('erin@example.com')).toMatchObject({ Status: 'STATUS_REST', RestReason: 'Dentist' });
		expectOk(await call('set_member_status', { MemberMail: 'erin@example.com', Status: 'STATUS_NOT_READY', RestReason: 'ignored' }));
		expect(await member('erin@example.com')).toMatchObject({ Status: 'STATUS_NOT_READY', RestReason: '' });
		expectOk(await call('set_member_status', { MemberMail: 'erin@example.com', Status: 'STATUS_FREE' }));
		expect(await member('erin@example.com')).toMatchObject({ Status: 'STATUS_FREE', RestReason: '' });
	});

	it('changes whom transfer_session considers free', async () => {
		const sessionId = sessionIn('Queuing');
		expectFail(await call('transfer_session', { SessionId: sessionId, MemberId: 'carol@example.com' }), 141001);
		expectOk(await call('set_member_status', { MemberMail: 'carol@example.com', Status: 'STATUS_FREE' }));
		expectOk(await call('transfer_session', { SessionId: sessionId, MemberId: 'carol@example.com' }));
		expect(await state(sessionId)).toMatchObject({ CurrentState: 'Agent', AgentId: 'carol@example.com' });
		expectOk(await call('set_member_status', { MemberMail: 'carol@example.com', Status: 'STATUS_NOT_READY' }));
	});

	it.each([
		[{ Status: 'STATUS_FREE' }, 'MemberMail'],
		[{ MemberMail: 3, Status: 'STATUS_FREE' }, 'MemberMail'],
		[{ MemberMail: 'bob@example.com' }, 'Status'],
		[{ MemberMail: 'bob@example.com', Status: 'STATUS_OFFLINE' }, 'Status'],
		[{ MemberMail: 'bob@example.com', Status: 'free' }, 'Status'],
		[{ MemberMail: 'bob@example.com', Status: 'STATUS_REST', RestReason: 5 }, 'RestReason'],
	])('141004 names the parameter for %j', async (body, name) => {
		expectFail(await call('set_member_status', body), 141004, name);
		expect((await member('bob@example.com'))?.Status).toBe('STATUS_FREE');
	});

	it('141010 for an unknown member', async () => {
		expectFail(await call('set_member_status', { MemberMail: 'nobody@example.com', Status: 'STATUS_FREE' }), 141010, 'nobody@example.com');
	});
});

describe('per instance, reset, and no callback URL', () => {
	let other: DeskSimulator;

	beforeEach(async () => {
		other = await startDeskSimulator({ faults: { rateLimitPerSecond: 0 } });
	});

	afterEach(async () => {
		await other.close();
	});

	it('keeps agent statuses per simulator instance', async () => {
		expectOk(await call('set_member_status', { MemberMail: 'bob@example.com', Status: 'STATUS_REST', RestReason: 'x' }, other));
		expect(other.agents.find((agent) => agent.email === 'bob@example.com')?.status).toBe('STATUS_REST');
		expect(sim.agents.find((agent) => agent.email === 'bob@example.com')?.status).toBe('STATUS_FREE');
	});

	it('answers 141001 when no agent at all is free, and 141025 for a group', async () => {
		for (const agent of SEED_AGENTS.filter((candidate) => candidate.status === 'STATUS_FREE')) {
			expectOk(await call('set_member_status', { MemberMail: agent.email, Status: 'STATUS_NOT_READY' }, other));
		}
		const sessionId = sessionIn('Queuing', other);
		expectFail(await call('transfer_session', { SessionId: sessionId }, other), 141001);
		expectFail(await call('transfer_session', { SessionId: sessionId, GroupId: FALLBACK_SKILL_GROUP_ID }, other), 141025);
		expect((await state(sessionId, other)).CurrentState).toBe('Queuing');
	});

	it('changes sessions without a callback URL, and reset brings back the seed (sessions, agents)', async () => {
		expectOk(await call('end_session', { SessionId: SEED_SESSION_IDS.agent }, other));
		expectFail(await state(SEED_SESSION_IDS.agent, other), 141005);
		expectOk(await call('set_member_status', { MemberMail: 'alice@example.com', Status: 'STATUS_REST' }, other));
		const extra = other.sessions.create().sessionId;

		const response = await fetch(`${other.url}/_simulator/reset`, { method: 'POST' });
		expect(response.status).toBe(200);
		expect(await state(SEED_SESSION_IDS.agent, other)).toMatchObject({ CurrentState: 'Agent', AgentId: 'alice@example.com' });
		expect(other.agents.find((agent) => agent.email === 'alice@example.com')?.status).toBe('STATUS_FREE');
		expect(other.sessions.get(extra)).toBeUndefined();
	});
});

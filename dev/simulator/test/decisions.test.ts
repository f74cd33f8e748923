/**
 * The simulator playing Desk's side of the decision callbacks over real HTTP: what it sends (command, signed
 * query without RequestID, documented body), how it applies an answer, and how it falls back on a FAIL,
 * invalid, failed or late answer; the control routes that drive it.
 */
import { DEFAULT_CUSTOMER_SERVICE_ID, SEED_AGENTS, SEED_CLIENT_USER_IDS } from '..';
import { MAX_DECISION_RECORDS } from '../decisionDesk';
import { CallbackReceiver, useSimulator } from './helpers';

const receiver = new CallbackReceiver();
const desk = useSimulator(() => ({}), receiver);

const answer = (body: object) => () => ({ status: 200, body: JSON.stringify(body) });
const OK = { ActionStatus: 'OK', ErrorInfo: '', ErrorCode: 0 };

async function chatbotSession(clientUserId = 'user_decisions'): Promise<string> {
	const { sessionId } = desk.sim.sessions.create({ clientUserId });
	await desk.sim.advanceSession(sessionId, 'SessionBegin');
	return sessionId;
}

async function control(method: string, path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
	const response = await fetch(`${desk.sim.url}/_simulator${path}`, {
		method,
		headers: { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

beforeEach(() => {
	desk.sim.reset();
	receiver.reset();
	desk.sim.decisions.urls = { assignHuman: { url: receiver.url }, apiCall: { url: receiver.url }, beforeContact: { url: receiver.url } };
});

describe('ChatBot.OnAssignHuman', () => {
	it('sends the documented request: command in query and body, signed, no RequestID', async () => {
		const sessionId = await chatbotSession('user_42');
		receiver.reply = answer({ ...OK, AgentGroupId: 2 });
		await desk.sim.decisions.requestHuman(sessionId);
		const [request] = receiver.received;
		expect(request.query).toMatchObject({ CallbackCommand: 'ChatBot.OnAssignHuman', SdkAppid: String(desk.sim.app.sdkAppId) });
		expect(request.query.RequestID).toBeUndefined();
		expect(request.query.Sign).toMatch(/^[0-9a-f]{64}$/);
		expect(JSON.parse(request.body)).toMatchObject({ CallbackCommand: 'ChatBot.OnAssignHuman', SessionId: sessionId, ClientUserId: 'user_42' });
	});

	it('routes to the first free agent the answer names, in the answered group', async () => {
		const sessionId = await chatbotSession();
		receiver.reply = answer({ ...OK, AgentGroupId: 1, AgentIdList: ['carol@example.com', 'bob@example.com'] });
		const { record } = await desk.sim.decisions.requestHuman(sessionId);
		expect(record).toMatchObject({ used: true, status: 200 });
		// carol is not ready; bob is free.
		expect(desk.sim.sessions.get(sessionId)).toMatchObject({ phase: 'Agent', agentId: 'bob@example.com', skillGroupId: 1 });
	});

	it('queues the customer in the answered group when none of its agents is free', async () => {
		const busyGroup = 2;
		for (const agent of SEED_AGENTS) if (agent.skillGroupIds.includes(busyGroup)) desk.sim.members.forApp(desk.sim.app.sdkAppId).setStatus(agent.email, 'STATUS_REST');
		const sessionId = await chatbotSession();
		receiver.reply = answer({ ...OK, AgentGroupId: busyGroup });
		await desk.sim.decisions.requestHuman(sessionId);
		expect(desk.sim.sessions.get(sessionId)).toMatchObject({ phase: 'Queuing', skillGroupId: busyGroup });
	});

	it.each([
		['a FAIL answer', answer({ ActionStatus: 'FAIL', ErrorCode: 1, ErrorInfo: 'no idea' }), /answered FAIL/],
		['an answer with no group and no agents', answer(OK), /skill group or at least one agent/],
		['a group ID sent as text', answer({ ...OK, AgentGroupId: '2' }), /AgentGroupId must be a number/],
		['HTTP 500', () => ({ status: 500, body: '{"message":"Error in workflow"}' }), /HTTP 500/],
		['an empty 200', () => ({ status: 200, body: '' }), /not JSON/],
	])('falls back to Desk’s default routing on %s', async (_name, reply, reason) => {
		const sessionId = await chatbotSession();
		receiver.reply = reply;
		const { record } = await desk.sim.decisions.requestHuman(sessionId);
		expect(record.used).toBe(false);
		expect(record.reason).toMatch(reason);
		expect(desk.sim.sessions.get(sessionId)).toMatchObject({ phase: 'Agent', agentId: 'alice@example.com' });
	});

	it('falls back when no answer comes within 2 s', async () => {
		const sessionId = await chatbotSession();
		receiver.reply = () => 'hang';
		const { record } = await desk.sim.decisions.requestHuman(sessionId);
		expect(record).toMatchObject({ used: false, status: null });
		expect(record.latencyMs).toBeGreaterThanOrEqual(1_900);
		expect(desk.sim.sessions.get(sessionId)?.phase).toBe('Agent');
	});

	it('refuses a session that is not in the chatbot phase', async () => {
		const { sessionId } = desk.sim.sessions.create({});
		await expect(desk.sim.decisions.requestHuman(sessionId)).rejects.toThrow(/phase NotInSession/);
		expect(receiver.received).toHaveLength(0);
	});
});

describe('Chatbot.InterfaceInvocation', () => {
	it('sends the chosen variables with the system ones and stores the answered variables', async () => {
		const sessionId = await chatbotSession('user_7');
		receiver.reply = answer({ ...OK, Body: { orderStatus: 'shipped' } });
		const record = await desk.sim.decisions.chatbotApiCall(sessionId, { orderId: 'A1' });
		expect(JSON.parse(receiver.received[0].body).Body).toEqual({ SystemClientUserID: 'user_7', SystemSessionID: sessionId, orderId: 'A1' });
		expect(record.used).toBe(true);
		expect(desk.sim.decisions.variablesOf(sessionId)).toEqual({ orderStatus: 'shipped' });
	});

	it('stores nothing from an answer with a non-text variable', async () => {
		const sessionId = await chatbotSession();
		receiver.reply = answer({ ...OK, Body: { count: 3 } });
		const record = await desk.sim.decisions.chatbotApiCall(sessionId, {});
		expect(record).toMatchObject({ used: false, reason: 'Body.count must be text' });
		expect(desk.sim.decisions.variablesOf(sessionId)).toEqual({});
	});
});

describe('Desk.CallbackBeforeIMContactUser', () => {
	it('allows on OK and refuses on FAIL', async () => {
		receiver.reply = answer(OK);
		expect((await desk.sim.decisions.beforeContact({ clientUserId: 'u1', memberId: 'alice@example.com', groupId: 4011 })).allowed).toBe(true);
		expect(JSON.parse(receiver.received[0].body)).toMatchObject({ ClientUserId: 'u1', MemberId: 'alice@example.com', GroupId: 4011, ChannelType: 'SDK' });
		receiver.reply = answer({ ActionStatus: 'FAIL', ErrorCode: 1, ErrorInfo: 'opted out' });
		expect((await desk.sim.decisions.beforeContact({ clientUserId: 'u1', memberId: 'alice@example.com' })).allowed).toBe(false);
	});

	it('follows the timeout strategy when the answer is unreadable, and allows when no URL is configured', async () => {
		receiver.reply = () => ({ status: 500, body: '' });
		desk.sim.decisions.contactTimeoutStrategy = 'refuse';
		expect((await desk.sim.decisions.beforeContact({ clientUserId: 'u1', memberId: 'alice@example.com' })).allowed).toBe(false);
		desk.sim.decisions.urls = {};
		expect((await desk.sim.decisions.beforeContact({ clientUserId: 'u1', memberId: 'alice@example.com' })).allowed).toBe(true);
	});
});

describe('contact_user asks Desk.CallbackBeforeIMContactUser first', () => {
	const contact = () => desk.call('contact_user', { IMAgentUserID: DEFAULT_CUSTOMER_SERVICE_ID, ClientUserID: SEED_CLIENT_USER_IDS.ended, MemberId: 'bob@example.com' });

	it('starts the session when the business server allows it', async () => {
		receiver.reply = answer(OK);
		expect(await contact()).toMatchObject({ ErrorCode: 0, MemberId: 'bob@example.com' });
		expect(JSON.parse(receiver.received[0].body)).toMatchObject({ ClientUserId: SEED_CLIENT_USER_IDS.ended, MemberId: 'bob@example.com', ChannelId: DEFAULT_CUSTOMER_SERVICE_ID });
	});

	it('refuses the contact, and starts nothing, when the business server refuses', async () => {
		receiver.reply = answer({ ActionStatus: 'FAIL', ErrorCode: 1, ErrorInfo: 'opted out' });
		const before = desk.sim.sessions.list().length;
		expect(await contact()).toMatchObject({ ErrorCode: 141004, ErrorInfo: expect.stringContaining('refused by the business server') });
		expect(desk.sim.sessions.list()).toHaveLength(before);
	});
});

describe('control routes', () => {
	it('set the URLs, drive each decision and list what was asked', async () => {
		receiver.reply = answer({ ...OK, AgentGroupId: 1 });
		expect((await control('POST', '/decisions', { urls: { assignHuman: receiver.url, apiCall: null } })).status).toBe(200);
		const sessionId = await chatbotSession();
		const routed = await control('POST', `/sessions/${sessionId}/request-human`);
		expect(routed.json).toMatchObject({ record: { used: true }, session: { phase: 'Agent', skillGroupId: 1 } });
		const listed = await control('GET', '/decisions');
		expect(listed.json.urls).toEqual({ assignHuman: receiver.url, beforeContact: receiver.url });
		expect(listed.json.records).toHaveLength(1);
	});

	it('keep the most recent MAX_DECISION_RECORDS records, dropping the oldest', async () => {
		desk.sim.decisions.urls = {};
		const sessionId = await chatbotSession();
		for (let index = 0; index < 5; index++) await desk.sim.decisions.chatbotApiCall(sessionId, {});
		for (let index = 0; index < MAX_DECISION_RECORDS; index++) {
			await desk.sim.decisions.beforeContact({ clientUserId: `u${index}`, memberId: 'alice@example.com' });
		}
		expect(desk.sim.decisions.records).toHaveLength(MAX_DECISION_RECORDS);
		expect(desk.sim.decisions.records.every((record) => record.kind === 'beforeContact')).toBe(true);
		expect((await control('GET', '/decisions')).json.records).toHaveLength(MAX_DECISION_RECORDS);
	});

	it('answer 400 for bad input and 409 for a session in the wrong phase', async () => {
		expect((await control('POST', '/decisions', { urls: { nonsense: 'http://x' } })).status).toBe(400);
		expect((await control('POST', '/contact', { clientUserId: 'u1' })).status).toBe(400);
		const { sessionId } = desk.sim.sessions.create({});
		expect((await control('POST', `/sessions/${sessionId}/request-human`)).status).toBe(409);
	});
});

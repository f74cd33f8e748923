/**
 * Every action-node operation besides Get State, through execute() against the simulator over
 * real HTTP: success, paging with Return All, each documented error, continueOnFail.
 */
import type { ILoadOptionsFunctions } from 'n8n-workflow';

import { searchAgents, searchSkillGroups } from '../../nodes/TencentCloudDesk/methods/listSearch';
import type { DeskSimulator } from '../../dev/simulator';
import { SEED_SESSION_IDS, startDeskSimulator } from '../../dev/simulator';
import { simulatorCredentials } from '../../dev/simulator/n8nCredential';
import {
	EMPTY_SKILL_GROUP_ID,
	FALLBACK_SKILL_GROUP_ID,
	NO_FREE_AGENT_SKILL_GROUP_ID,
	SEED_AGENTS,
	SEED_ENDED_SESSION_COUNT,
	SEED_SKILL_GROUPS,
} from '../../dev/simulator/seedData';
import { actionNodeRunner } from '../helpers/actionNode';
import type { Parameters } from '../helpers/executeContext';
import { createExecuteContext } from '../helpers/executeContext';

jest.setTimeout(60_000);

let simulator: DeskSimulator;
const { run, runExpectingError } = actionNodeRunner(() => simulator);

beforeAll(async () => {
	simulator = await startDeskSimulator();
});
afterAll(async () => {
	await simulator.close();
});
beforeEach(() => {
	simulator.reset();
});

const session = (operation: string, parameters: Parameters = {}): Parameters => ({
	resource: 'session',
	operation,
	options: {},
	...parameters,
});
const byId = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });
const byEmail = (value: string) => ({ __rl: true, mode: 'email', value });

async function stateOf(sessionId: string) {
	const { output } = await run(session('getState', { lookupBy: 'sessionId', sessionId }));
	return output[0].json;
}

/** A live chatbot session holding `count` customer messages, for paging. */
function sessionWithMessages(count: number): string {
	const created = simulator.sessions.create({ clientUserId: 'paging_user' });
	simulator.sessions.advance(created.sessionId, 'SessionBegin');
	for (let index = 0; index < count; index++) {
		simulator.sessions.advance(created.sessionId, { event: 'ChatBot.UserSendMsg', text: `message ${index}` });
	}
	return created.sessionId;
}

describe('Session → Get Messages', () => {
	it('reads the conversation oldest first, with text and ISO time', async () => {
		const { output } = await run(session('getMessages', { sessionId: SEED_SESSION_IDS.agent, returnAll: true }));
		expect(output.length).toBeGreaterThanOrEqual(3);
		const times = output.map((item) => item.json.Timestamp as number);
		expect([...times].sort((a, b) => a - b)).toEqual(times);
		expect(output[0].json).toMatchObject({ SessionId: SEED_SESSION_IDS.agent, FromAccountRole: 'User' });
		expect(output[0].json.messageText).toBe('How to request a refund?');
		expect(output[0].json.time).toBe(new Date(times[0]).toISOString());
		expect(output.every((item) => item.pairedItem && (item.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	it('pages through 230 messages with Return All (3 requests of 100)', async () => {
		const sessionId = sessionWithMessages(230);
		const { output, context } = await run(session('getMessages', { sessionId, returnAll: true }));
		expect(output).toHaveLength(230);
		expect(output[229].json.messageText).toBe('message 229');
		expect(context.requests.map((request) => (request.body as { Offset: number }).Offset)).toEqual([0, 100, 200]);
	});

	it('gives the latest messages with Newest First and a Limit', async () => {
		const sessionId = sessionWithMessages(30);
		const { output, context } = await run(
			session('getMessages', { sessionId, returnAll: false, limit: 5, options: { order: 'newestFirst' } }),
		);
		expect(output.map((item) => item.json.messageText)).toEqual([
			'message 29',
			'message 28',
			'message 27',
			'message 26',
			'message 25',
		]);
		expect(context.requests).toHaveLength(1);
	});

	it('fails on an unknown session with 141005', async () => {
		const { error } = await runExpectingError(session('getMessages', { sessionId: 'no-such-session', returnAll: true }));
		expect(error.message).toBe('Tencent Cloud Desk error 141005: The session does not exist or has ended');
	});
});

describe('Session → Send Message', () => {
	it('sends text that then shows in the conversation, with a fresh MsgRandom each time', async () => {
		const text = 'All our agents are busy. Expected wait: about 5 minutes.';
		const { output, context } = await run(
			session('sendMessage', { sessionId: SEED_SESSION_IDS.queuing, messageType: 'text', text }),
			{ items: [{ json: {} }, { json: {} }] },
		);
		expect(output).toHaveLength(2);
		expect(output[0].json).toMatchObject({ SessionId: SEED_SESSION_IDS.queuing, sent: true });
		const randoms = context.requests.map((request) => (request.body as { MsgRandom: number }).MsgRandom);
		expect(new Set(randoms).size).toBe(2);
		for (const random of randoms) expect(random).toBeGreaterThanOrEqual(0);
		expect(context.requests[0].body).toMatchObject({ MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: text } }] });

		const messages = await run(
			session('getMessages', { sessionId: SEED_SESSION_IDS.queuing, returnAll: true, options: { order: 'newestFirst' } }),
		);
		expect(messages.output.slice(0, 2).map((item) => item.json.messageText)).toEqual([text, text]);
	});

	it('sends a card as TIMCustomElem with Data as a string', async () => {
		const { context } = await run(
			session('sendMessage', {
				sessionId: SEED_SESSION_IDS.agent,
				messageType: 'custom',
				customData: { businessID: 'order_card', orderId: 42 },
				customDescription: 'Your order',
				options: { cloudCustomData: 'ticket-7', customExt: 'v1' },
			}),
		);
		expect(context.requests[0].body).toMatchObject({
			CloudCustomData: 'ticket-7',
			MsgBody: [
				{
					MsgType: 'TIMCustomElem',
					MsgContent: { Data: '{"businessID":"order_card","orderId":42}', Desc: 'Your order', Ext: 'v1' },
				},
			],
		});
	});

	it('refuses empty text before calling Tencent', async () => {
		const { error, context } = await runExpectingError(
			session('sendMessage', { sessionId: SEED_SESSION_IDS.agent, messageType: 'text', text: '  ' }),
		);
		expect(error.message).toBe('Text is empty');
		expect(context.requests).toHaveLength(0);
	});

	it('fails on an ended session with 141005', async () => {
		const { error } = await runExpectingError(
			session('sendMessage', { sessionId: SEED_SESSION_IDS.ended, messageType: 'text', text: 'hello' }),
		);
		expect(error.message).toContain('141005');
	});
});

describe('Session → Transfer', () => {
	const freeIn = (groupId: number) =>
		SEED_AGENTS.filter((agent) => agent.status === 'STATUS_FREE' && agent.skillGroupIds.includes(groupId)).map(
			(agent) => agent.email,
		);

	it('hands a queuing session to a free agent of the fallback skill group', async () => {
		const { output, context } = await run(
			session('transfer', {
				sessionId: SEED_SESSION_IDS.queuing,
				transferTo: 'skillGroup',
				skillGroup: byId(FALLBACK_SKILL_GROUP_ID),
			}),
		);
		expect(output[0].json).toMatchObject({ transferred: true, GroupId: FALLBACK_SKILL_GROUP_ID, MemberId: null });
		expect(context.requests[0].body).toEqual({ SessionId: SEED_SESSION_IDS.queuing, GroupId: FALLBACK_SKILL_GROUP_ID });
		const state = await stateOf(SEED_SESSION_IDS.queuing);
		expect(state.CurrentState).toBe('Agent');
		expect(freeIn(FALLBACK_SKILL_GROUP_ID)).toContain(state.AgentId);
	});

	it('hands a session to a named agent, and Desk’s default strategy picks any free agent', async () => {
		const toAgent = await run(
			session('transfer', { sessionId: SEED_SESSION_IDS.agent, transferTo: 'agent', agent: byEmail('grace@example.com') }),
		);
		expect(toAgent.output[0].json).toMatchObject({ transferred: true, MemberId: 'grace@example.com' });
		expect((await stateOf(SEED_SESSION_IDS.agent)).AgentId).toBe('grace@example.com');

		const anyAgent = await run(session('transfer', { sessionId: SEED_SESSION_IDS.chatbot, transferTo: 'default' }));
		expect(anyAgent.context.requests[0].body).toEqual({ SessionId: SEED_SESSION_IDS.chatbot });
		expect((await stateOf(SEED_SESSION_IDS.chatbot)).CurrentState).toBe('Agent');
	});

	it.each([
		['an unknown skill group', { transferTo: 'skillGroup', skillGroup: byId(999) }, 141020],
		['a group with no free agent', { transferTo: 'skillGroup', skillGroup: byId(NO_FREE_AGENT_SKILL_GROUP_ID) }, 141025],
		['an unknown agent', { transferTo: 'agent', agent: byEmail('nobody@example.com') }, 141010],
		['an agent who is not free', { transferTo: 'agent', agent: byEmail('carol@example.com') }, 141001],
	])('names the code, meaning and fix for %s', async (_label, target, code) => {
		const { error } = await runExpectingError(session('transfer', { sessionId: SEED_SESSION_IDS.queuing, ...target }));
		expect(error.message).toMatch(new RegExp(`^Tencent Cloud Desk error ${code}: `));
		expect(error.description).toBeTruthy();
	});

	it('refuses a transfer to the agent who already has the session (141024)', async () => {
		const agentId = String((await stateOf(SEED_SESSION_IDS.agent)).AgentId);
		const { error } = await runExpectingError(
			session('transfer', { sessionId: SEED_SESSION_IDS.agent, transferTo: 'agent', agent: byEmail(agentId) }),
		);
		expect(error.message).toContain('141024');
	});

	it('refuses a session that is not in a transferable state (141026)', async () => {
		const { error } = await runExpectingError(
			session('transfer', { sessionId: SEED_SESSION_IDS.notInSession, transferTo: 'default' }),
		);
		expect(error.message).toContain('141026');
	});

	it('returns “no free agent” as data when asked, so a workflow can try another group', async () => {
		const { output } = await run(
			session('transfer', {
				sessionId: SEED_SESSION_IDS.queuing,
				transferTo: 'skillGroup',
				skillGroup: byId(EMPTY_SKILL_GROUP_ID),
				options: { noFreeAgentAsData: true },
			}),
		);
		expect(output[0].json).toMatchObject({ transferred: false, errorCode: 141025, GroupId: EMPTY_SKILL_GROUP_ID });
		expect(output[0].json.errorMeaning).toBe('No agent in the target skill group is free');
		expect((await stateOf(SEED_SESSION_IDS.queuing)).CurrentState).toBe('Queuing');
	});

	it('rejects a skill group that is not a number before calling Tencent', async () => {
		const { error, context } = await runExpectingError(
			session('transfer', { sessionId: SEED_SESSION_IDS.queuing, transferTo: 'skillGroup', skillGroup: byId('night') }),
		);
		expect(error.message).toContain('not a skill group ID');
		expect(context.requests).toHaveLength(0);
	});
});

describe('Session → End and End Queuing', () => {
	it('ends a live session, then reports it as ended (141005), or as data when asked', async () => {
		const { output } = await run(session('end', { sessionId: SEED_SESSION_IDS.agentSecond }));
		expect(output[0].json).toEqual({ SessionId: SEED_SESSION_IDS.agentSecond, ended: true });
		const again = await runExpectingError(session('end', { sessionId: SEED_SESSION_IDS.agentSecond }));
		expect(again.error.message).toContain('141005');
		const asData = await run(session('end', { sessionId: SEED_SESSION_IDS.agentSecond, options: { notFoundAsData: true } }));
		expect(asData.output[0].json).toMatchObject({ ended: false, errorCode: 141005 });
	});

	it('ends queuing with Tencent’s SessionID spelling', async () => {
		const { output, context } = await run(session('endQueuing', { sessionId: SEED_SESSION_IDS.queuingSecond }));
		expect(output[0].json).toEqual({ SessionId: SEED_SESSION_IDS.queuingSecond, queuingEnded: true });
		expect(context.requests[0].body).toEqual({ SessionID: SEED_SESSION_IDS.queuingSecond });
		expect(simulator.sessions.get(SEED_SESSION_IDS.queuingSecond)?.phase).toMatch(/^End/);
	});

	it('refuses a session that is not queuing (141027), or returns it as data', async () => {
		const { error } = await runExpectingError(session('endQueuing', { sessionId: SEED_SESSION_IDS.chatbot }));
		expect(error.message).toBe('Tencent Cloud Desk error 141027: The session is not queuing');
		const { output } = await run(
			session('endQueuing', { sessionId: SEED_SESSION_IDS.chatbot, options: { notQueuingAsData: true } }),
		);
		expect(output[0].json).toMatchObject({ queuingEnded: false, errorCode: 141027 });
	});

	it('keeps going with continueOnFail: one error item per failed session, in order', async () => {
		const ids = [SEED_SESSION_IDS.queuing, 'no-such-session', SEED_SESSION_IDS.chatbot];
		const { output } = await run((itemIndex) => session('endQueuing', { sessionId: ids[itemIndex] }), {
			items: ids.map(() => ({ json: {} })),
			continueOnFail: true,
		});
		expect(output.map((item) => item.json.queuingEnded ?? item.json.error)).toEqual([
			true,
			'Tencent Cloud Desk error 141005: The session does not exist or has ended',
			'Tencent Cloud Desk error 141027: The session is not queuing',
		]);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});
});

describe('Session Record → List', () => {
	const lastWeek = () => ({
		startTime: new Date(Date.now() - 8 * 86400_000).toISOString(),
		endTime: new Date().toISOString(),
	});

	it('lists every seeded ended session of the last week', async () => {
		const { output, context } = await run({
			resource: 'sessionRecord',
			operation: 'list',
			...lastWeek(),
			returnAll: true,
			options: {},
		});
		expect(output).toHaveLength(SEED_ENDED_SESSION_COUNT);
		expect(output[0].json).toEqual(
			expect.objectContaining({ SessionId: expect.any(String), EndStatus: expect.any(String), Duration: expect.any(Number) }),
		);
		const body = context.requests[0].body as { StartTimestamp: number; EndTimestamp: number };
		expect(Number.isInteger(body.StartTimestamp) && body.StartTimestamp < 1e11).toBe(true);
	});

	it('pages through 130 records of one user with Return All (2 requests)', async () => {
		for (let index = 0; index < 130; index++) {
			const created = simulator.sessions.create({ clientUserId: 'bulk_user' });
			for (const step of ['SessionBegin', 'ChatBot.UserSendMsg', 'SessionUserEnd', 'SessionEnd']) {
				simulator.sessions.advance(created.sessionId, step);
			}
		}
		const { output, context } = await run({
			resource: 'sessionRecord',
			operation: 'list',
			...lastWeek(),
			returnAll: true,
			options: { clientUserId: 'bulk_user' },
		});
		expect(output).toHaveLength(130);
		expect(new Set(output.map((item) => item.json.SessionId)).size).toBe(130);
		expect(output.every((item) => item.json.ClientUserId === 'bulk_user')).toBe(true);
		expect(context.requests).toHaveLength(2);
	});

	it('stops at the Limit', async () => {
		const { output } = await run({ resource: 'sessionRecord', operation: 'list', ...lastWeek(), returnAll: false, limit: 7, options: {} });
		expect(output).toHaveLength(7);
	});

	it('rejects an end before the start, and a date that is not one, before calling Tencent', async () => {
		const reversed = await runExpectingError({
			resource: 'sessionRecord',
			operation: 'list',
			startTime: '2026-11-20T00:00:00Z',
			endTime: '2026-11-19T00:00:00Z',
			returnAll: true,
			options: {},
		});
		expect(reversed.error.message).toBe('End Time is before Start Time');
		const garbage = await runExpectingError({
			resource: 'sessionRecord',
			operation: 'list',
			startTime: 'yesterday-ish',
			endTime: '2026-11-19T00:00:00Z',
			returnAll: true,
			options: {},
		});
		expect(garbage.error.message).toBe('Start Time is not a date');
		expect([...reversed.context.requests, ...garbage.context.requests]).toHaveLength(0);
	});
});

describe('Agent, Skill Group and Customer Service Account', () => {
	it('lists every agent with Return All, and filters free ones of a group', async () => {
		const all = await run({ resource: 'agent', operation: 'list', returnAll: true, filters: {}, options: {} });
		expect(all.output.map((item) => item.json.MemberMail).sort()).toEqual(SEED_AGENTS.map((agent) => agent.email).sort());

		const free = await run({
			resource: 'agent',
			operation: 'list',
			returnAll: true,
			filters: { status: ['STATUS_FREE'], skillGroupId: FALLBACK_SKILL_GROUP_ID },
			options: {},
		});
		const expected = SEED_AGENTS.filter(
			(agent) => agent.status === 'STATUS_FREE' && agent.skillGroupIds.includes(FALLBACK_SKILL_GROUP_ID),
		);
		expect(free.output.map((item) => item.json.MemberMail).sort()).toEqual(expected.map((agent) => agent.email).sort());
	});

	it('sets an agent to rest with a reason, which the list then shows', async () => {
		const { output } = await run({
			resource: 'agent',
			operation: 'setStatus',
			agent: byEmail('bob@example.com'),
			status: 'STATUS_REST',
			restReason: 'Lunch break',
			options: {},
		});
		expect(output[0].json).toEqual({ MemberMail: 'bob@example.com', Status: 'STATUS_REST', RestReason: 'Lunch break', updated: true });
		const list = await run({ resource: 'agent', operation: 'list', returnAll: true, filters: {}, options: {} });
		expect(list.output.find((item) => item.json.MemberMail === 'bob@example.com')?.json).toMatchObject({
			Status: 'STATUS_REST',
			RestReason: 'Lunch break',
		});
	});

	it('names 141010 for an unknown agent', async () => {
		const { error } = await runExpectingError({
			resource: 'agent',
			operation: 'setStatus',
			agent: byEmail('nobody@example.com'),
			status: 'STATUS_FREE',
			options: {},
		});
		expect(error.message).toBe('Tencent Cloud Desk error 141010: The agent (member) does not exist');
	});

	it('lists skill groups, and customer service accounts', async () => {
		const groups = await run({ resource: 'skillGroup', operation: 'list', returnAll: true, options: {} });
		expect(groups.output.map((item) => item.json.MemberGroupID)).toEqual(SEED_SKILL_GROUPS.map((group) => group.skillGroupId));
		expect(groups.output[0].json).toEqual(
			expect.objectContaining({ MemberGroupName: 'Pre-sales', ReceptionLimit: 5, GroupMemberCount: expect.any(Number) }),
		);
		const limited = await run({ resource: 'skillGroup', operation: 'list', returnAll: false, limit: 2, options: {} });
		expect(limited.output).toHaveLength(2);

		const accounts = await run({ resource: 'customerServiceAccount', operation: 'list', options: {} });
		expect(accounts.output[0].json.IMAgentUserId).toBe(simulator.app.customerServiceId);
	});

	it('offers skill groups and agents in the editor’s pickers, filtered by what is typed', async () => {
		const context = createExecuteContext({ parameters: {}, credentials: simulatorCredentials(simulator) });
		const loadOptions = context as unknown as ILoadOptionsFunctions;
		const groups = await searchSkillGroups.call(loadOptions);
		expect(groups.results).toHaveLength(SEED_SKILL_GROUPS.length);
		expect(groups.results[2]).toEqual({ name: `Night shift (${FALLBACK_SKILL_GROUP_ID})`, value: String(FALLBACK_SKILL_GROUP_ID) });
		const night = await searchSkillGroups.call(loadOptions, 'NIGHT');
		expect(night.results.map((result) => result.value)).toEqual([String(FALLBACK_SKILL_GROUP_ID)]);
		const agents = await searchAgents.call(loadOptions, 'alice');
		expect(agents.results).toEqual([{ name: 'Alice · free', value: 'alice@example.com' }]);
	});
});

describe('Custom API Call', () => {
	it('calls any service/command signed, and returns Tencent’s answer', async () => {
		const { output, context } = await run({
			resource: 'customApiCall',
			operation: 'call',
			api: 'v4/desk_http_svc/get_session_state',
			body: JSON.stringify({ SessionId: SEED_SESSION_IDS.agent }),
			options: {},
		});
		expect(output[0].json).toMatchObject({ ActionStatus: 'OK', ErrorCode: 0, SessionId: SEED_SESSION_IDS.agent, CurrentState: 'Agent' });
		expect(context.requests[0].url).toMatch(/\/v4\/desk_http_svc\/get_session_state$/);
		expect(context.requests[0].qs).toEqual(expect.objectContaining({ usersig: expect.any(String), identifier: 'administrator' }));
	});

	it('maps errors like the other operations, or returns them as data when asked', async () => {
		const parameters = { resource: 'customApiCall', operation: 'call', api: 'desk_http_svc/end_queuing', body: '{"SessionId": "x"}' };
		const { error } = await runExpectingError({ ...parameters, options: {} });
		expect(error.message).toBe('Tencent Cloud Desk error 141004: Invalid parameter');
		expect(error.description).toContain('SessionID');
		const { output } = await run({ ...parameters, options: { errorsAsData: true } });
		expect(output[0].json).toMatchObject({ ActionStatus: 'FAIL', ErrorCode: 141004, errorMeaning: 'Invalid parameter' });
	});

	it('still fails on credential errors even with errors as data', async () => {
		const { error } = await runExpectingError(
			{ resource: 'customApiCall', operation: 'call', api: 'desk_http_svc/get_im_agent_list', body: '{}', options: { errorsAsData: true } },
			{ secretKey: 'f'.repeat(64) },
		);
		expect(error.message).toMatch(/^Tencent Cloud Desk error 700/);
	});

	it('rejects a malformed API path or body before calling Tencent', async () => {
		const badPath = await runExpectingError({ resource: 'customApiCall', operation: 'call', api: 'get_session_state', body: '{}', options: {} });
		expect(badPath.error.message).toBe('API “get_session_state” is not service/command');
		const badBody = await runExpectingError({ resource: 'customApiCall', operation: 'call', api: 'openim/x', body: '{nope', options: {} });
		expect(badBody.error.message).toBe('Body is not valid JSON');
		const arrayBody = await runExpectingError({ resource: 'customApiCall', operation: 'call', api: 'openim/x', body: '[1]', options: {} });
		expect(arrayBody.error.message).toBe('Body must be a JSON object');
		expect([...badPath.context.requests, ...badBody.context.requests, ...arrayBody.context.requests]).toHaveLength(0);
	});
});

/**
 * The simulator's read-only Desk commands over real HTTP: get_member_list,
 * get_member_group_list, get_im_agent_list, describe_chat_messages and describe_im_cdr_list.
 * Answers, paging (several pages, a short last page, past the end) and 141004/141005, with
 * every expectation computed from the exported seed rather than hard-coded.
 */
import {
	callDeskApi,
	DEFAULT_CUSTOMER_SERVICE_ID,
	DEFAULT_IM_AGENT_NICK,
	DEFAULT_PAGE_SIZE,
	EMPTY_SKILL_GROUP_ID,
	FALLBACK_SKILL_GROUP_ID,
	historyClientUserId,
	NO_FREE_AGENT_SKILL_GROUP_ID,
	SEED_AGENTS,
	SEED_ENDED_SESSION_COUNT,
	SEED_ENDED_SESSIONS,
	SEED_IM_AGENTS,
	SEED_SESSION_IDS,
	SEED_SESSIONS,
	SEED_SKILL_GROUPS,
	startDeskSimulator,
	type DeskSimulator,
	type RestEnvelope,
	type SeedSession,
	type SessionStep,
} from '..';
import { expectFail, expectOk } from '../../../test/helpers/deskAnswers';

const OTHER_APP = { sdkAppId: 1400000003, secretKey: 'e'.repeat(64), customerServiceId: '@other_cs' };
const PLAIN_APP = { sdkAppId: 1400000002, secretKey: 'f'.repeat(64), desk: false };
const DAY = 86_400;

let sim: DeskSimulator;
/** Seconds; the simulator seeded its sessions relative to (about) this moment. */
let startedAt: number;

beforeAll(async () => {
	startedAt = Math.floor(Date.now() / 1000);
	sim = await startDeskSimulator({ apps: [OTHER_APP, PLAIN_APP], faults: { rateLimitPerSecond: 0 } });
});

afterAll(async () => {
	await sim.close();
});

const call = (command: string, body: unknown = {}) => callDeskApi(sim.url, `desk_http_svc/${command}`, body);


/** Every page of a paged command, until an empty one. */
async function allPages(command: string, base: Record<string, unknown>, pageField: string, listField: string): Promise<unknown[][]> {
	const pages: unknown[][] = [];
	for (let page = 0; page < 50; page++) {
		const answer = await call(command, { ...base, [pageField]: page });
		expectOk(answer);
		const items = answer[listField] as unknown[];
		pages.push(items);
		if (items.length === 0) return pages;
	}
	throw new Error('no empty page');
}

const sortedEmails = SEED_AGENTS.map((agent) => agent.email).sort();

describe('seed', () => {
	it('has enough agents for several pages, every status, and the documented skill groups', () => {
		expect(SEED_AGENTS.length).toBeGreaterThanOrEqual(25);
		expect(new Set(SEED_AGENTS.map((agent) => agent.status))).toEqual(new Set(['STATUS_FREE', 'STATUS_NOT_READY', 'STATUS_REST', 'STATUS_OFFLINE']));
		const free = (groupId: number) => SEED_AGENTS.filter((agent) => agent.status === 'STATUS_FREE' && agent.skillGroupIds.includes(groupId));
		expect(free(FALLBACK_SKILL_GROUP_ID).length).toBeGreaterThan(0);
		expect(free(NO_FREE_AGENT_SKILL_GROUP_ID)).toEqual([]);
		expect(SEED_AGENTS.some((agent) => agent.skillGroupIds.includes(NO_FREE_AGENT_SKILL_GROUP_ID))).toBe(true);
		expect(SEED_SKILL_GROUPS.slice(0, 2)).toEqual([
			{ skillGroupId: 1, name: 'Pre-sales', receptionLimit: 5 },
			{ skillGroupId: 2, name: 'After-sales', receptionLimit: 3 },
		]);
		expect(SEED_ENDED_SESSION_COUNT).toBeGreaterThanOrEqual(45);
	});
});

describe('get_member_list', () => {
	it('answers the first 20 agents by MemberMail, with Tencent field names, and the total', async () => {
		const answer = await call('get_member_list');
		expectOk(answer);
		expect(answer.Total).toBe(SEED_AGENTS.length);
		const list = answer.MemberList as Array<Record<string, unknown>>;
		expect(list.map((member) => member.MemberMail)).toEqual(sortedEmails.slice(0, DEFAULT_PAGE_SIZE));
		for (const member of list) {
			const seed = SEED_AGENTS.find((agent) => agent.email === member.MemberMail);
			expect(member).toEqual({
				MemberMail: seed?.email,
				MemberNick: seed?.nick,
				Status: seed?.status,
				RestReason: seed?.status === 'STATUS_REST' ? seed.restReason : '',
				MemberGroupIDs: seed?.skillGroupIds,
			});
		}
		expect(list.find((member) => member.MemberMail === 'dave@example.com')).toMatchObject({ Status: 'STATUS_REST', RestReason: 'Lunch break' });
	});

	it('treats PageSize 0 as the default page size', async () => {
		expect(((await call('get_member_list', { PageSize: 0 })).MemberList as unknown[]).length).toBe(DEFAULT_PAGE_SIZE);
	});

	it('pages with 0-based PageNum: full pages, a short last page, then empty pages', async () => {
		const pageSize = 10;
		const pages = await allPages('get_member_list', { PageSize: pageSize }, 'PageNum', 'MemberList');
		const expectedPages = Math.ceil(SEED_AGENTS.length / pageSize);
		expect(pages).toHaveLength(expectedPages + 1);
		expect(pages.slice(0, -2).every((page) => page.length === pageSize)).toBe(true);
		expect(pages[expectedPages - 1].length).toBe(SEED_AGENTS.length - (expectedPages - 1) * pageSize);
		expect(pages.flat().map((member) => (member as { MemberMail: string }).MemberMail)).toEqual(sortedEmails);
		const beyond = await call('get_member_list', { PageSize: pageSize, PageNum: expectedPages + 5 });
		expect(beyond).toMatchObject({ MemberList: [], Total: SEED_AGENTS.length });
	});

	it('sorts descending with Order 2 and ascending with Order 1', async () => {
		const emails = async (Order: number) => ((await call('get_member_list', { PageSize: 100, Order })).MemberList as Array<{ MemberMail: string }>).map((m) => m.MemberMail);
		expect(await emails(2)).toEqual([...sortedEmails].reverse());
		expect(await emails(1)).toEqual(sortedEmails);
	});

	it.each([
		[{ PageSize: 101 }, 'PageSize'],
		[{ PageSize: -1 }, 'PageSize'],
		[{ PageSize: 1.5 }, 'PageSize'],
		[{ PageSize: '10' }, 'PageSize'],
		[{ PageSize: null }, 'PageSize'],
		[{ PageNum: -1 }, 'PageNum'],
		[{ PageNum: 'x' }, 'PageNum'],
		[{ Order: 3 }, 'Order'],
		[{ Order: '1' }, 'Order'],
	])('141004 names the parameter for %j', async (body, name) => {
		expectFail(await call('get_member_list', body), 141004, name);
	});

	it('accepts PageSize 100', async () => {
		expect(((await call('get_member_list', { PageSize: 100 })).MemberList as unknown[]).length).toBe(Math.min(100, SEED_AGENTS.length));
	});
});

describe('get_member_group_list', () => {
	const memberCount = (groupId: number) => SEED_AGENTS.filter((agent) => agent.skillGroupIds.includes(groupId)).length;

	it('answers every skill group with its member count', async () => {
		const answer = await call('get_member_group_list');
		expectOk(answer);
		expect(answer.Total).toBe(SEED_SKILL_GROUPS.length);
		expect(answer.MemberGroupList).toEqual(
			SEED_SKILL_GROUPS.map((group) => ({
				MemberGroupID: group.skillGroupId,
				MemberGroupName: group.name,
				ReceptionLimit: group.receptionLimit,
				GroupMemberCount: memberCount(group.skillGroupId),
			})),
		);
		const groups = answer.MemberGroupList as Array<{ MemberGroupID: number; GroupMemberCount: number }>;
		expect(groups.find((group) => group.MemberGroupID === EMPTY_SKILL_GROUP_ID)?.GroupMemberCount).toBe(0);
	});

	it('pages with 0-based PageNumber', async () => {
		const pageSize = 2;
		const pages = await allPages('get_member_group_list', { PageSize: pageSize }, 'PageNumber', 'MemberGroupList');
		const expectedPages = Math.ceil(SEED_SKILL_GROUPS.length / pageSize);
		expect(pages.map((page) => page.length)).toEqual([
			...Array<number>(expectedPages - 1).fill(pageSize),
			SEED_SKILL_GROUPS.length - (expectedPages - 1) * pageSize,
			0,
		]);
		expect(pages.flat().map((group) => (group as { MemberGroupID: number }).MemberGroupID)).toEqual(SEED_SKILL_GROUPS.map((group) => group.skillGroupId));
	});

	it.each([
		[{ PageSize: 101 }, 'PageSize'],
		[{ PageSize: 'all' }, 'PageSize'],
		[{ PageNumber: -1 }, 'PageNumber'],
		[{ PageNumber: 0.5 }, 'PageNumber'],
	])('141004 names the parameter for %j', async (body, name) => {
		expectFail(await call('get_member_group_list', body), 141004, name);
	});
});

describe('get_im_agent_list', () => {
	it("lists the app's customer-service account first, then the seeded ones", async () => {
		const answer = await call('get_im_agent_list', {});
		expectOk(answer);
		expect(answer.Data).toEqual([
			{ IMAgentUserId: DEFAULT_CUSTOMER_SERVICE_ID, IMAgentNick: DEFAULT_IM_AGENT_NICK, IMAgentType: 'Desk' },
			...SEED_IM_AGENTS.map((agent) => ({ IMAgentUserId: agent.userId, IMAgentNick: agent.nick, IMAgentType: 'Desk' })),
		]);
	});

	it("uses each app's own customer-service account", async () => {
		const answer = await callDeskApi(sim.url, 'desk_http_svc/get_im_agent_list', {}, OTHER_APP);
		expect((answer.Data as Array<{ IMAgentUserId: string }>)[0].IMAgentUserId).toBe(OTHER_APP.customerServiceId);
	});

	it('answers 141000 for a non-Desk app, and runs the usual authentication first', async () => {
		expectFail(await callDeskApi(sim.url, 'desk_http_svc/get_im_agent_list', {}, PLAIN_APP), 141000);
		expect((await callDeskApi(sim.url, 'desk_http_svc/get_member_list', {}, { secretKey: 'a'.repeat(64) })).ErrorCode).toBe(70003);
	});
});

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
		const session = sim.sessions.create({ clientUserId: 'chatty' });
		sim.sessions.advance(session.sessionId, 'SessionBegin');
		const total = 45;
		for (let i = 0; i < total; i++) sim.sessions.advance(session.sessionId, { event: 'ChatBot.UserSendMsg', text: `m${i}`, time: Date.now() + i });
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
		const foreign = sim.sessions.create({ sdkAppId: OTHER_APP.sdkAppId });
		expectFail(await call('describe_chat_messages', { SessionId: foreign.sessionId }), 141005);
	});
});

describe('describe_im_cdr_list', () => {
	const lastWeek = () => {
		const now = Math.floor(Date.now() / 1000);
		return { StartTimestamp: now - 7 * DAY, EndTimestamp: now };
	};

	/** What Desk would record for a seed session, derived from its steps. */
	function expectedRecord(seed: SeedSession): Record<string, unknown> {
		const steps = seed.steps.map((step): SessionStep => (typeof step === 'string' ? { event: step } : step));
		const agentId = [...steps].reverse().find((step) => step.agentId && (step.event === 'TransferToHumanSuccess' || step.event === 'AgentForward'))?.agentId ?? '';
		const groupId = SEED_AGENTS.find((agent) => agent.email === agentId)?.skillGroupIds[0] ?? 0;
		return {
			SessionId: seed.sessionId,
			AgentGroupId: groupId,
			AgentGroupName: SEED_SKILL_GROUPS.find((group) => group.skillGroupId === groupId)?.name ?? '',
			AgentId: agentId,
			ChannelType: seed.channelType,
			ClientUserId: seed.clientUserId,
			ClientUserNickName: seed.clientUserNickName ?? seed.clientUserId,
			Duration: steps.length * (seed.stepSeconds ?? 20),
			EndStatus: steps[steps.length - 2].event,
			SatisfactionSelected: steps.find((step) => step.event === 'SatisfactionSelected')?.rating ?? 0,
			Timestamp: expect.any(Number),
		};
	}

	it('pages the past week newest first: 20, 20, the rest, then nothing', async () => {
		const range = lastWeek();
		const pages: Array<Array<Record<string, unknown>>> = [];
		for (let offset = 0; ; offset += DEFAULT_PAGE_SIZE) {
			const answer = await call('describe_im_cdr_list', { ...range, Offset: offset });
			expectOk(answer);
			expect(answer.TotalCount).toBe(SEED_ENDED_SESSION_COUNT);
			pages.push(answer.IMCdrList as Array<Record<string, unknown>>);
			if (pages[pages.length - 1].length === 0) break;
		}
		const expectedSizes: number[] = [];
		for (let left = SEED_ENDED_SESSION_COUNT; left > 0; left -= DEFAULT_PAGE_SIZE) expectedSizes.push(Math.min(DEFAULT_PAGE_SIZE, left));
		expect(pages.map((page) => page.length)).toEqual([...expectedSizes, 0]);
		// The seed is sized so that the last page is short.
		expect(expectedSizes.length).toBeGreaterThanOrEqual(3);
		expect(expectedSizes[expectedSizes.length - 1]).toBeLessThan(DEFAULT_PAGE_SIZE);

		const records = pages.flat();
		expect(new Set(records.map((record) => record.SessionId))).toEqual(new Set(SEED_ENDED_SESSIONS.map((seed) => seed.sessionId)));
		const endTimes = records.map((record) => (record.Timestamp as number) + (record.Duration as number));
		expect(endTimes).toEqual([...endTimes].sort((a, b) => b - a));
		for (const record of records) {
			const seed = SEED_ENDED_SESSIONS.find((candidate) => candidate.sessionId === record.SessionId) as SeedSession;
			expect(record).toEqual(expectedRecord(seed));
			// Seconds, as the simulator started: within a few seconds of the seed's offset.
			expect(Math.abs((record.Timestamp as number) - (startedAt - seed.startedMinutesAgo * 60))).toBeLessThanOrEqual(5);
		}
		expect(new Set(records.map((record) => record.EndStatus)).size).toBeGreaterThanOrEqual(5);
		expect(new Set(records.map((record) => record.AgentGroupId)).size).toBeGreaterThanOrEqual(3);
	});

	it('honours Limit and leaves out live sessions', async () => {
		const answer = await call('describe_im_cdr_list', { ...lastWeek(), Limit: 100 });
		const ids = (answer.IMCdrList as Array<{ SessionId: string }>).map((record) => record.SessionId);
		expect(ids).toHaveLength(SEED_ENDED_SESSION_COUNT);
		for (const live of [SEED_SESSION_IDS.agent, SEED_SESSION_IDS.chatbot, SEED_SESSION_IDS.queuing, SEED_SESSION_IDS.notInSession]) expect(ids).not.toContain(live);
		expect(((await call('describe_im_cdr_list', { ...lastWeek(), Limit: 5, Offset: 3 })).IMCdrList as unknown[]).map((r) => (r as { SessionId: string }).SessionId)).toEqual(ids.slice(3, 8));
	});

	it('filters by ClientUserId', async () => {
		const user = historyClientUserId(0);
		const answer = await call('describe_im_cdr_list', { ...lastWeek(), ClientUserId: user });
		const expected = SEED_ENDED_SESSIONS.filter((seed) => seed.clientUserId === user).length;
		expect(expected).toBeGreaterThan(1);
		expect(answer.TotalCount).toBe(expected);
		expect((answer.IMCdrList as Array<{ ClientUserId: string }>).every((record) => record.ClientUserId === user)).toBe(true);
	});

	it('keeps only sessions whose end lies in the range (inclusive)', async () => {
		const seed = SEED_SESSIONS.find((candidate) => candidate.sessionId === SEED_SESSION_IDS.ended) as SeedSession;
		const endSeconds = Math.floor((sim.sessions.get(seed.sessionId)?.endTime as number) / 1000);
		const exact = await call('describe_im_cdr_list', { StartTimestamp: endSeconds, EndTimestamp: endSeconds });
		expect((exact.IMCdrList as Array<{ SessionId: string }>).map((record) => record.SessionId)).toContain(seed.sessionId);
		const now = Math.floor(Date.now() / 1000);
		expect(await call('describe_im_cdr_list', { StartTimestamp: now - 40 * DAY, EndTimestamp: now - 10 * DAY })).toMatchObject({ IMCdrList: [], TotalCount: 0 });
		expect((await call('describe_im_cdr_list', { StartTimestamp: now - 31 * DAY, EndTimestamp: now })).ErrorCode).toBe(0);
	});

	it.each([
		[{ EndTimestamp: 100 }, 'StartTimestamp'],
		[{ StartTimestamp: 100 }, 'EndTimestamp'],
		[{ StartTimestamp: '100', EndTimestamp: 200 }, 'StartTimestamp'],
		[{ StartTimestamp: 100, EndTimestamp: 200.5 }, 'EndTimestamp'],
		[{ StartTimestamp: 200, EndTimestamp: 100 }, /EndTimestamp must not be before StartTimestamp/],
		[{ StartTimestamp: 0, EndTimestamp: 31 * DAY + 1 }, /EndTimestamp must be at most 31 days/],
		[{ StartTimestamp: 0, EndTimestamp: 100, Limit: 0 }, 'Limit'],
		[{ StartTimestamp: 0, EndTimestamp: 100, Limit: 101 }, 'Limit'],
		[{ StartTimestamp: 0, EndTimestamp: 100, Offset: -1 }, 'Offset'],
		[{ StartTimestamp: 0, EndTimestamp: 100, ClientUserId: 5 }, 'ClientUserId'],
	])('141004 names the parameter for %j', async (body, detail) => {
		expectFail(await call('describe_im_cdr_list', body), 141004, detail);
	});
});

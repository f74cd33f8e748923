/**
 * The simulator's seed, and its agent and account lists over real HTTP: get_member_list,
 * get_member_group_list and get_im_agent_list. Answers, paging (several pages, a short last page, past the
 * end) and 141004/141000, with every expectation computed from the exported seed rather than hard-coded.
 */
import {
	callDeskApi,
	DEFAULT_CUSTOMER_SERVICE_ID,
	DEFAULT_IM_AGENT_NICK,
	DEFAULT_PAGE_SIZE,
	EMPTY_SKILL_GROUP_ID,
	FALLBACK_SKILL_GROUP_ID,
	NO_FREE_AGENT_SKILL_GROUP_ID,
	SEED_AGENTS,
	SEED_ENDED_SESSION_COUNT,
	SEED_IM_AGENTS,
	SEED_SKILL_GROUPS,
} from '..';
import { expectFail, expectOk } from '../../../test/helpers/deskAnswers';
import { OTHER_APP, PLAIN_APP, useSimulator } from './helpers';

const api = useSimulator(() => ({ apps: [OTHER_APP, PLAIN_APP], faults: { rateLimitPerSecond: 0 } }));
const { call } = api;

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
		const answer = await callDeskApi(api.sim.url, 'desk_http_svc/get_im_agent_list', {}, OTHER_APP);
		expect((answer.Data as Array<{ IMAgentUserId: string }>)[0].IMAgentUserId).toBe(OTHER_APP.customerServiceId);
	});

	it('answers 141000 for a non-Desk app, and runs the usual authentication first', async () => {
		expectFail(await callDeskApi(api.sim.url, 'desk_http_svc/get_im_agent_list', {}, PLAIN_APP), 141000);
		expect((await callDeskApi(api.sim.url, 'desk_http_svc/get_member_list', {}, { secretKey: 'a'.repeat(64) })).ErrorCode).toBe(70003);
	});
});

/**
 * The simulator's skill-group administration over real HTTP: create_member_group,
 * update_member_group, delete_member_group and get_member_list_in_group, and that each change
 * shows in get_member_group_list, get_member_list and transfer_session. Documented checks: a
 * name of 1–32 characters, ReceptionLimit ≤999, MemberList (create) vs MemberMailList (update),
 * PageSize/PageNum required, 141004 for an unknown group.
 */
import { EMPTY_SKILL_GROUP_ID, SEED_AGENTS, SEED_SKILL_GROUPS, SEED_MEMBER_CREATE_TIME } from '..';
import { expectFail, expectOk } from '../../../test/helpers/deskAnswers';
import { sessionIn, useSimulator } from './helpers';

const api = useSimulator(() => ({ faults: { rateLimitPerSecond: 0 } }));
const { call } = api;

beforeEach(() => api.sim.reset());

type Row = Record<string, unknown>;
const groups = async (): Promise<Row[]> => (await call('get_member_group_list', { PageSize: 100 })).MemberGroupList as Row[];
const membersOf = async (groupId: number, extra: Record<string, unknown> = {}): Promise<string[]> => {
	const answer = await call('get_member_list_in_group', { MemberGroupID: groupId, PageSize: 100, PageNum: 0, ...extra });
	expectOk(answer);
	return (answer.MemberList as Row[]).map((row) => String(row.MemberMail));
};

describe('create_member_group', () => {
	it('answers the new MemberGroupID; the group, its limit and members show everywhere', async () => {
		const answer = await call('create_member_group', { MemberGroupName: 'VIP', ReceptionLimit: 999, MemberList: ['bob@example.com', 'grace@example.com'] });
		expectOk(answer);
		const id = answer.MemberGroupID as number;
		expect(id).toBe(Math.max(...SEED_SKILL_GROUPS.map((group) => group.skillGroupId)) + 1);
		expect((await groups()).find((group) => group.MemberGroupID === id)).toEqual({ MemberGroupID: id, MemberGroupName: 'VIP', ReceptionLimit: 999, GroupMemberCount: 2 });
		expect(await membersOf(id)).toEqual(['bob@example.com', 'grace@example.com']);
		expectOk(await call('transfer_session', { SessionId: sessionIn(api.sim, 'Queuing'), GroupId: id }));
	});

	it.each([
		[{}, 'MemberGroupName'],
		[{ MemberGroupName: '' }, 'MemberGroupName'],
		[{ MemberGroupName: 'x'.repeat(33) }, 'MemberGroupName'],
		[{ MemberGroupName: 'Big', ReceptionLimit: 1000 }, 'ReceptionLimit'],
		[{ MemberGroupName: 'Odd', MemberList: ['nobody@example.com'] }, 'MemberList'],
		[{ MemberGroupName: 'Odd', MemberList: 'bob@example.com' }, 'MemberList'],
	])('141004 for %j, and no group is created', async (body, detail) => {
		expectFail(await call('create_member_group', body), 141004, detail);
		expect(await groups()).toHaveLength(SEED_SKILL_GROUPS.length);
	});
});

describe('update_member_group', () => {
	it('changes only what is sent; MemberMailList replaces the members, [] empties the group', async () => {
		expectOk(await call('update_member_group', { MemberGroupID: 3, ReceptionLimit: 50 }));
		expect((await groups()).find((group) => group.MemberGroupID === 3)).toMatchObject({ MemberGroupName: 'Night shift', ReceptionLimit: 50 });
		const before = await membersOf(3);
		expect(before.length).toBeGreaterThan(0);

		expectOk(await call('update_member_group', { MemberGroupID: 3, MemberGroupName: 'Nights', MemberMailList: ['alice@example.com', 'ivan@example.com'] }));
		expect(await membersOf(3)).toEqual(['alice@example.com', 'ivan@example.com']);
		const alice = (await call('get_member_list', { PageSize: 100 })).MemberList as Row[];
		expect(alice.find((row) => row.MemberMail === 'alice@example.com')?.MemberGroupIDs).toEqual([1, 2, 3]);
		expect(alice.find((row) => row.MemberMail === before.find((email) => email !== 'ivan@example.com'))?.MemberGroupIDs).not.toContain(3);

		expectOk(await call('update_member_group', { MemberGroupID: 3, MemberMailList: [] }));
		expect(await membersOf(3)).toEqual([]);
		expect((await groups()).find((group) => group.MemberGroupID === 3)).toMatchObject({ MemberGroupName: 'Nights', ReceptionLimit: 50, GroupMemberCount: 0 });
	});

	it('141004 for an unknown or missing group, a long name, or MemberList instead of MemberMailList', async () => {
		expectFail(await call('update_member_group', { MemberGroupID: 999, MemberGroupName: 'x' }), 141004, 'MemberGroupID');
		expectFail(await call('update_member_group', { MemberGroupName: 'x' }), 141004, 'MemberGroupID');
		expectFail(await call('update_member_group', { MemberGroupID: 3, MemberGroupName: 'x'.repeat(33) }), 141004, 'MemberGroupName');
		expectFail(await call('update_member_group', { MemberGroupID: 3, MemberMailList: ['nobody@example.com'] }), 141004, 'MemberMailList');
		// MemberList is create's name: update ignores it and keeps the members.
		const before = await membersOf(3);
		expectOk(await call('update_member_group', { MemberGroupID: 3, MemberList: [] }));
		expect(await membersOf(3)).toEqual(before);
	});
});

describe('delete_member_group', () => {
	it('removes the group and every membership of it; agents stay', async () => {
		expectOk(await call('delete_member_group', { MemberGroupID: 2 }));
		expect((await groups()).map((group) => group.MemberGroupID)).not.toContain(2);
		const list = (await call('get_member_list', { PageSize: 100 })).MemberList as Row[];
		expect(list).toHaveLength(SEED_AGENTS.length);
		expect(list.every((row) => !(row.MemberGroupIDs as number[]).includes(2))).toBe(true);
		expectFail(await call('get_member_list_in_group', { MemberGroupID: 2, PageSize: 10, PageNum: 0 }), 141004, 'MemberGroupID');
		expectFail(await call('transfer_session', { SessionId: sessionIn(api.sim, 'Queuing'), GroupId: 2 }), 141020);
		expectFail(await call('delete_member_group', { MemberGroupID: 2 }), 141004, 'MemberGroupID');
	});

	it('141004 without MemberGroupID', async () => {
		expectFail(await call('delete_member_group', {}), 141004, 'MemberGroupID');
		expectFail(await call('delete_member_group', { MemberGroupID: '2' }), 141004, 'MemberGroupID');
	});
});

describe('get_member_list_in_group', () => {
	const groupTwo = SEED_AGENTS.filter((agent) => agent.skillGroupIds.includes(2));

	it('pages from PageNum 0 by CreateTime, ascending (Order 0, default) or descending (1), with the Total', async () => {
		const first = await call('get_member_list_in_group', { MemberGroupID: 2, PageSize: 3, PageNum: 0 });
		expectOk(first);
		expect(first.Total).toBe(groupTwo.length);
		expect((first.MemberList as Row[]).map((row) => row.MemberMail)).toEqual(groupTwo.slice(0, 3).map((agent) => agent.email));
		expect((first.MemberList as Row[])[0]).toMatchObject({ CreateTime: SEED_MEMBER_CREATE_TIME, KickOff: 0, Avatar: '' });
		const all = [];
		for (let page = 0; page * 3 < groupTwo.length; page++) all.push(...(await membersOf(2, { PageSize: 3, PageNum: page })));
		expect(all).toEqual(groupTwo.map((agent) => agent.email));
		expect(await membersOf(2, { Order: 1 })).toEqual(groupTwo.map((agent) => agent.email).reverse());
		expect(await membersOf(EMPTY_SKILL_GROUP_ID)).toEqual([]);
	});

	it.each([
		[{ PageSize: 10, PageNum: 0 }, 'MemberGroupID'],
		[{ MemberGroupID: 2, PageNum: 0 }, 'PageSize'],
		[{ MemberGroupID: 2, PageSize: 101, PageNum: 0 }, 'PageSize'],
		[{ MemberGroupID: 2, PageSize: 10 }, 'PageNum'],
		[{ MemberGroupID: 2, PageSize: 10, PageNum: 0, Order: 2 }, 'Order'],
		[{ MemberGroupID: 999, PageSize: 10, PageNum: 0 }, 'MemberGroupID'],
	])('141004 for %j', async (body, detail) => {
		expectFail(await call('get_member_list_in_group', body), 141004, detail);
	});
});

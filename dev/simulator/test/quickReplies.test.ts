/**
 * The simulator's quick-reply commands over real HTTP: add_quick_reply_group (string GroupId, unique
 * names, scopes), update_quick_reply and get_available_quick_reply_list (what each member may use,
 * personal category last), and 141004 for each documented-invalid request.
 */
import { SEED_QUICK_REPLIES, SEED_QUICK_REPLY_GROUPS } from '../serviceSeedData';
import { expectFail, expectOk } from '../../../test/helpers/deskAnswers';
import { useSimulator } from './helpers';

const api = useSimulator(() => ({ faults: { rateLimitPerSecond: 0 } }));
const { call } = api;

beforeEach(() => api.sim.reset());

type Group = { GroupId: string; GroupName: string; QuickReplyList: Array<Record<string, unknown>> };
const available = async (memberId: string) => (await call('get_available_quick_reply_list', { MemberId: memberId })).Data as Group[];

describe('get_available_quick_reply_list', () => {
	it('shows a member the categories of their scope and their personal one, with string IDs', async () => {
		// alice is in skill groups 1 and 2: "Pre-sales scripts" (group 1), "Greetings" (all), her personal replies.
		const groups = await available('alice@example.com');
		expect(groups.map((group) => group.GroupId)).toEqual(['2205', '2206', 'alice@example.com']);
		expect(groups[2].GroupName).toBe('个人');
		expect(groups[0].QuickReplyList).toEqual([{ QuickReplyId: '3954', GroupId: '2205', Title: 'Which model', Content: SEED_QUICK_REPLIES[0].content }]);
		// olivia is only in group 4 and named by the members-scoped category.
		expect((await available('olivia@example.com')).map((group) => group.GroupId)).toEqual(['2206', '2207']);
	});

	it('answers 141004 without MemberId or for an unknown member', async () => {
		expectFail(await call('get_available_quick_reply_list', {}), 141004, /MemberId is required/);
		expectFail(await call('get_available_quick_reply_list', { MemberId: 'nobody@example.com' }), 141004, /not a member/);
	});
});

describe('add_quick_reply_group', () => {
	it('adds a category for skill groups and answers its ID as a string; its members see it', async () => {
		const answer = await call('add_quick_reply_group', { GroupName: 'Night scripts', UseScopeType: 'groups', UseScopeList: ['3'] });
		expectOk(answer);
		expect(typeof answer.GroupId).toBe('string');
		const groups = await available('ivan@example.com');
		expect(groups.find((group) => group.GroupId === answer.GroupId)).toEqual({ GroupId: answer.GroupId, GroupName: 'Night scripts', QuickReplyList: [] });
		expect((await available('alice@example.com')).map((group) => group.GroupId)).not.toContain(answer.GroupId);
	});

	it('adds one for everyone and one for named members', async () => {
		const all = await call('add_quick_reply_group', { GroupName: 'Everyone', UseScopeType: 'all' });
		const some = await call('add_quick_reply_group', { GroupName: 'Bob only', UseScopeType: 'members', UseScopeList: ['bob@example.com'] });
		expect((await available('bob@example.com')).map((group) => group.GroupId)).toEqual(expect.arrayContaining([all.GroupId, some.GroupId]));
		expect((await available('grace@example.com')).map((group) => group.GroupId)).not.toContain(some.GroupId);
	});

	it('refuses a taken name, an unknown scope, a missing or unknown scope list with 141004', async () => {
		expectFail(await call('add_quick_reply_group', { GroupName: SEED_QUICK_REPLY_GROUPS[0].name, UseScopeType: 'all' }), 141004, /already exists/);
		expectFail(await call('add_quick_reply_group', { GroupName: 'X', UseScopeType: 'team' }), 141004, /UseScopeType/);
		expectFail(await call('add_quick_reply_group', { GroupName: 'X', UseScopeType: 'groups' }), 141004, /UseScopeList is required/);
		expectFail(await call('add_quick_reply_group', { GroupName: 'X', UseScopeType: 'groups', UseScopeList: [3] }), 141004, /UseScopeList/);
		expectFail(await call('add_quick_reply_group', { GroupName: 'X', UseScopeType: 'members', UseScopeList: ['nobody@example.com'] }), 141004, /not a member/);
		expectFail(await call('add_quick_reply_group', { UseScopeType: 'all' }), 141004, /GroupName is required/);
	});
});

describe('update_quick_reply', () => {
	it('replaces title and content and moves the reply to another category', async () => {
		expectOk(await call('update_quick_reply', { QuickReplyId: '3954', GroupId: '2206', Title: 'Model', Content: 'Which model?' }));
		const greetings = (await available('alice@example.com')).find((group) => group.GroupId === '2206');
		expect(greetings?.QuickReplyList).toContainEqual({ QuickReplyId: '3954', GroupId: '2206', Title: 'Model', Content: 'Which model?' });
		expect((await available('alice@example.com')).find((group) => group.GroupId === '2205')?.QuickReplyList).toEqual([]);
	});

	it('keeps a personal reply in its owner’s category', async () => {
		expectOk(await call('update_quick_reply', { QuickReplyId: '3958', GroupId: 'alice@example.com', Title: 'Hours', Content: '9 to 5' }));
		const personal = (await available('alice@example.com')).find((group) => group.GroupId === 'alice@example.com');
		expect(personal?.QuickReplyList).toEqual([{ QuickReplyId: '3958', GroupId: 'alice@example.com', Title: 'Hours', Content: '9 to 5' }]);
	});

	it('needs all four fields as strings, and known IDs (141004)', async () => {
		expectFail(await call('update_quick_reply', { QuickReplyId: 3954, GroupId: '2205', Title: 'a', Content: 'b' }), 141004, /QuickReplyId/);
		expectFail(await call('update_quick_reply', { QuickReplyId: '3954', GroupId: '2205', Title: 'a' }), 141004, /Content is required/);
		expectFail(await call('update_quick_reply', { QuickReplyId: '9999', GroupId: '2205', Title: 'a', Content: 'b' }), 141004, /9999 does not exist/);
		expectFail(await call('update_quick_reply', { QuickReplyId: '3954', GroupId: '9999', Title: 'a', Content: 'b' }), 141004, /GroupId 9999 does not exist/);
		expect((await available('alice@example.com'))[0].QuickReplyList[0]).toMatchObject({ Title: 'Which model' });
	});
});

/**
 * The action node's skill-group administration through execute() against the simulator over real
 * HTTP: Create, Update, Delete and Get Members, and that each change shows in Get Many, the
 * editor's skill-group picker, Get Members and the agents' own groups.
 */
import type { ILoadOptionsFunctions } from 'n8n-workflow';

import { searchSkillGroups } from '../../nodes/shared/pickers/listSearch';
import { simulatorCredentials } from '../../dev/simulator/n8nCredential';
import { SEED_AGENTS, SEED_SKILL_GROUPS } from '../../dev/simulator/seedData';
import { byId, useDeskOperations } from '../helpers/deskOperations';
import { createExecuteContext } from '../helpers/executeContext';

jest.setTimeout(60_000);

const desk = useDeskOperations();
const { run, runExpectingError } = desk;

const group = (operation: string, parameters: Record<string, unknown> = {}) => ({ resource: 'skillGroup', operation, options: {}, ...parameters });
const getMany = async () => (await run(group('getAll', { returnAll: true }))).output.map((item) => item.json);
const membersOf = async (id: number, parameters: Record<string, unknown> = { returnAll: true }) =>
	(await run(group('getMembers', { skillGroup: byId(id), ...parameters }))).output.map((item) => item.json.MemberMail);

describe('Skill Group → Create and Get Members', () => {
	it('creates a group that Get Many, the picker and Get Members show', async () => {
		const { output, context } = await run(
			group('create', { name: 'VIP', additionalFields: { receptionLimit: 7, memberEmails: 'bob@example.com,\ngrace@example.com' } }),
		);
		const id = output[0].json.MemberGroupID as number;
		expect(context.requests[0].body).toEqual({ MemberGroupName: 'VIP', ReceptionLimit: 7, MemberList: ['bob@example.com', 'grace@example.com'] });
		expect(output[0].json).toMatchObject({ MemberGroupID: id, MemberGroupName: 'VIP', created: true });
		expect((await getMany()).find((row) => row.MemberGroupID === id)).toEqual({ MemberGroupID: id, MemberGroupName: 'VIP', ReceptionLimit: 7, GroupMemberCount: 2 });
		const loadOptions = createExecuteContext({ parameters: {}, credentials: simulatorCredentials(desk.simulator) }) as unknown as ILoadOptionsFunctions;
		expect((await searchSkillGroups.call(loadOptions, 'vip')).results).toEqual([{ name: `VIP (${id})`, value: String(id) }]);
		expect(await membersOf(id)).toEqual(['bob@example.com', 'grace@example.com']);
	});

	it('pages Get Members 100 at a time with Return All, or stops at the Limit, in either order', async () => {
		const groupTwo = SEED_AGENTS.filter((agent) => agent.skillGroupIds.includes(2)).map((agent) => agent.email);
		expect(await membersOf(2)).toEqual(groupTwo);
		expect(await membersOf(2, { returnAll: false, limit: 3 })).toEqual(groupTwo.slice(0, 3));
		const descending = await run(group('getMembers', { skillGroup: byId(2), returnAll: false, limit: 2, options: { order: 1 } }));
		expect(descending.output.map((item) => item.json.MemberMail)).toEqual([...groupTwo].reverse().slice(0, 2));
		expect(descending.context.requests[0].body).toEqual({ MemberGroupID: 2, PageSize: 2, PageNum: 0, Order: 1 });
	});

	it('names 141004 for a name over 32 characters, and for Get Members of an unknown group', async () => {
		const { error } = await runExpectingError(group('create', { name: 'x'.repeat(33), additionalFields: {} }));
		expect(error.message).toBe('Tencent Cloud Desk error 141004: Invalid parameter');
		expect(error.description).toContain('MemberGroupName');
		const unknown = await runExpectingError(group('getMembers', { skillGroup: byId(999), returnAll: true }));
		expect(unknown.error.description).toContain('MemberGroupID');
	});
});

describe('Skill Group → Update', () => {
	it('sends only the fields added; Agent Emails replaces the members, and added empty removes them all', async () => {
		const renamed = await run(group('update', { skillGroup: byId(3), updateFields: { name: 'Nights' } }));
		expect(renamed.context.requests[0].body).toEqual({ MemberGroupID: 3, MemberGroupName: 'Nights' });
		expect(await membersOf(3)).toEqual(SEED_AGENTS.filter((agent) => agent.skillGroupIds.includes(3)).map((agent) => agent.email));

		await run(group('update', { skillGroup: byId(3), updateFields: { memberEmails: 'alice@example.com, ivan@example.com' } }));
		expect(await membersOf(3)).toEqual(['alice@example.com', 'ivan@example.com']);

		const emptied = await run(group('update', { skillGroup: byId(3), updateFields: { memberEmails: '' } }));
		expect(emptied.context.requests[0].body).toEqual({ MemberGroupID: 3, MemberMailList: [] });
		expect(await membersOf(3)).toEqual([]);
		expect((await getMany()).find((row) => row.MemberGroupID === 3)).toMatchObject({ MemberGroupName: 'Nights', GroupMemberCount: 0 });
	});

	it('names 141004 for an unknown group, and refuses an empty update or a non-numeric ID without calling Desk', async () => {
		const { error } = await runExpectingError(group('update', { skillGroup: byId(999), updateFields: { name: 'X' } }));
		expect(error.message).toBe('Tencent Cloud Desk error 141004: Invalid parameter');
		const empty = await runExpectingError(group('update', { skillGroup: byId(3), updateFields: {} }));
		expect(empty.error.message).toBe('Nothing to update');
		const wrongId = await runExpectingError(group('update', { skillGroup: { __rl: true, mode: 'id', value: 'Night shift' }, updateFields: { name: 'X' } }));
		expect(wrongId.error.message).toContain('is not a skill group ID');
		expect([...empty.context.requests, ...wrongId.context.requests]).toHaveLength(0);
	});
});

describe('Skill Group → Delete', () => {
	it('deletes the group: Get Many and the agents no longer have it; deleting again is 141004', async () => {
		const { output } = await run(group('delete', { skillGroup: byId(2) }));
		expect(output[0].json).toEqual({ MemberGroupID: 2, deleted: true });
		expect((await getMany()).map((row) => row.MemberGroupID)).toEqual(SEED_SKILL_GROUPS.map((seed) => seed.skillGroupId).filter((id) => id !== 2));
		const agents = (await run({ resource: 'agent', operation: 'getAll', returnAll: true, filters: {}, options: {} })).output;
		expect(agents).toHaveLength(SEED_AGENTS.length);
		expect(agents.some((item) => (item.json.MemberGroupIDs as number[]).includes(2))).toBe(false);

		const { error } = await runExpectingError(group('delete', { skillGroup: byId(2) }));
		expect(error.message).toBe('Tencent Cloud Desk error 141004: Invalid parameter');
	});
});

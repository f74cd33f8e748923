/**
 * The action node's Agent, Skill Group and Customer Service Account operations, and the editor's
 * skill group and agent pickers, through execute() against the simulator over real HTTP.
 */
import type { ILoadOptionsFunctions } from 'n8n-workflow';

import { searchAgents, searchSkillGroups } from '../../nodes/shared/pickers/listSearch';
import { getAgents, getSkillGroups } from '../../nodes/shared/pickers/loadOptions';
import { simulatorCredentials } from '../../dev/simulator/n8nCredential';
import { FALLBACK_SKILL_GROUP_ID, SEED_AGENTS, SEED_SKILL_GROUPS } from '../../dev/simulator/seedData';
import { byEmail, byId, useDeskOperations } from '../helpers/deskOperations';
import { createExecuteContext } from '../helpers/executeContext';

jest.setTimeout(60_000);

const desk = useDeskOperations();
const { run, runExpectingError } = desk;

describe('Agent, Skill Group and Customer Service Account', () => {
	it('lists every agent with Return All, and filters free ones of a group', async () => {
		const all = await run({ resource: 'agent', operation: 'getAll', returnAll: true, filters: {}, options: {} });
		expect(all.output.map((item) => item.json.MemberMail).sort()).toEqual(SEED_AGENTS.map((agent) => agent.email).sort());

		const free = await run({
			resource: 'agent',
			operation: 'getAll',
			returnAll: true,
			// The skill group filter is a picker: n8n hands a collection's locator over as its { mode, value } object.
			filters: { status: ['STATUS_FREE'], skillGroupId: byId(FALLBACK_SKILL_GROUP_ID) },
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
		const list = await run({ resource: 'agent', operation: 'getAll', returnAll: true, filters: {}, options: {} });
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
		const groups = await run({ resource: 'skillGroup', operation: 'getAll', returnAll: true, options: {} });
		expect(groups.output.map((item) => item.json.MemberGroupID)).toEqual(SEED_SKILL_GROUPS.map((group) => group.skillGroupId));
		expect(groups.output[0].json).toEqual(
			expect.objectContaining({ MemberGroupName: 'Pre-sales', ReceptionLimit: 5, GroupMemberCount: expect.any(Number) }),
		);
		const limited = await run({ resource: 'skillGroup', operation: 'getAll', returnAll: false, limit: 2, options: {} });
		expect(limited.output).toHaveLength(2);

		const accounts = await run({ resource: 'customerServiceAccount', operation: 'getAll', options: {} });
		expect(accounts.output[0].json.IMAgentUserId).toBe(desk.simulator.app.customerServiceId);
	});

	it('offers skill groups and agents in the editor’s pickers, filtered by what is typed', async () => {
		const context = createExecuteContext({ parameters: {}, credentials: simulatorCredentials(desk.simulator) });
		const loadOptions = context as unknown as ILoadOptionsFunctions;
		const groups = await searchSkillGroups.call(loadOptions);
		expect(groups.results).toHaveLength(SEED_SKILL_GROUPS.length);
		expect(groups.results[2]).toEqual({ name: `Night shift (${FALLBACK_SKILL_GROUP_ID})`, value: String(FALLBACK_SKILL_GROUP_ID) });
		const night = await searchSkillGroups.call(loadOptions, 'NIGHT');
		expect(night.results.map((result) => result.value)).toEqual([String(FALLBACK_SKILL_GROUP_ID)]);
		const agents = await searchAgents.call(loadOptions, 'alice');
		expect(agents.results).toEqual([{ name: 'Alice · Free', value: 'alice@example.com' }]);
		// The multi-selects that take several: every skill group and every agent, statuses named as in the picker.
		expect((await getSkillGroups.call(loadOptions)).map((option) => option.value)).toEqual(SEED_SKILL_GROUPS.map((group) => String(group.skillGroupId)));
		expect((await getAgents.call(loadOptions)).find((option) => option.value === 'alice@example.com')).toEqual({
			name: 'Alice (alice@example.com)',
			value: 'alice@example.com',
			description: 'Free',
		});
	});
});

/**
 * The administration and reporting operations inside a real n8n 2.41.1 with the packed package
 * installed, run headless (`n8n execute`) against the simulator: Agent → Create, Skill Group →
 * Create / Get Members / Delete, Role → Get Many and Statistic → Get Session Statistics (its dates
 * as n8n expressions), and Statistic → Get Reception Realtime Statistics. One n8n for the file.
 */
import { SEED_ROLES } from '../../dev/simulator/seedData';
import { actionNodeChain } from '../helpers/deskInN8n';
import { useSimulatorInN8n } from '../helpers/simulatorInN8n';

jest.setTimeout(180_000);


const env = useSimulatorInN8n();

type Item = Record<string, unknown>;

/** Creates the chain, runs it headless, and returns each node's output items by node name. */
async function runChain(name: string, actions: Array<{ name: string; parameters: Record<string, unknown> }>): Promise<Record<string, Item[]>> {
	const { id } = await env.n8n.api.createWorkflow(actionNodeChain(name, actions));
	const result = await env.n8n.runWorkflowHeadless(id);
	expect({ code: result.code, error: result.data?.data.resultData.error }).toEqual({ code: 0, error: undefined });
	const runData = (result.data?.data.resultData.runData ?? {}) as Record<string, Array<{ data?: { main?: Array<Array<{ json: Item }>> } }>>;
	return Object.fromEntries(actions.map((action) => [action.name, (runData[action.name]?.[0]?.data?.main?.[0] ?? []).map((item) => item.json)]));
}

describe('administration and reporting in a real n8n', () => {
	it('creates an agent, a skill group with them, lists its members, then deletes the group', async () => {
		const outputs = await runChain('Agent and skill group admin', [
			{
				name: 'Create Agent',
				parameters: { resource: 'agent', operation: 'create', email: 'e2e.kim@example.com', additionalFields: { nickName: 'Kim', roleIds: '5' }, options: {} },
			},
			{
				name: 'Create Group',
				parameters: { resource: 'skillGroup', operation: 'create', name: 'E2E group', additionalFields: { memberEmails: '={{ $json.MemberMail }}', receptionLimit: 4 }, options: {} },
			},
			{
				name: 'Get Members',
				parameters: { resource: 'skillGroup', operation: 'getMembers', skillGroup: { __rl: true, mode: 'id', value: '={{ $json.MemberGroupID }}' }, returnAll: true, options: {} },
			},
		]);
		expect(outputs['Create Agent']).toEqual([expect.objectContaining({ MemberMail: 'e2e.kim@example.com', NickName: 'Kim', RoleIDList: [5], created: true })]);
		const groupId = outputs['Create Group'][0].MemberGroupID as number;
		expect(env.simulator.skillGroups.find((group) => group.skillGroupId === groupId)).toMatchObject({ name: 'E2E group', receptionLimit: 4 });
		expect(outputs['Get Members']).toEqual([expect.objectContaining({ MemberMail: 'e2e.kim@example.com', NickName: 'Kim', MemberGroupIDList: [groupId], EffectiveReceptionLimit: 4 })]);

		const deleted = await runChain('Delete skill group', [
			{ name: 'Delete Group', parameters: { resource: 'skillGroup', operation: 'delete', skillGroup: { __rl: true, mode: 'id', value: String(groupId) }, options: {} } },
		]);
		expect(deleted['Delete Group']).toEqual([{ MemberGroupID: groupId, deleted: true }]);
		expect(env.simulator.skillGroups.some((group) => group.skillGroupId === groupId)).toBe(false);
		expect(env.simulator.agents.find((agent) => agent.email === 'e2e.kim@example.com')?.skillGroupIds).toEqual([]);
	});

	it('lists roles, and reads session statistics for the last 7 days and the reception right now', async () => {
		const outputs = await runChain('Roles and statistics', [
			{ name: 'Roles', parameters: { resource: 'role', operation: 'getAll', returnAll: false, limit: 1, options: {} } },
			{
				name: 'Session Statistics',
				parameters: { resource: 'statistic', operation: 'getSessionStatistics', startDate: '={{ $today.minus(7, "days") }}', endDate: '={{ $today }}', groupBy: 'day', options: {} },
			},
		]);
		expect(outputs.Roles).toEqual([{ RoleID: SEED_ROLES[0].roleId, RoleName: SEED_ROLES[0].name }]);
		const days = outputs['Session Statistics'];
		expect(days.length).toBeGreaterThanOrEqual(7);
		expect(days.every((day) => /^\d{4}-\d{2}-\d{2}$/.test(String(day.Time)))).toBe(true);
		expect(days.reduce((sum, day) => sum + Number(day.TotalSessionCnt), 0)).toBeGreaterThanOrEqual(45);

		const now = await runChain('Reception now', [{ name: 'Reception', parameters: { resource: 'statistic', operation: 'getReceptionRealtimeStatistics', options: {} } }]);
		expect(now.Reception).toEqual([expect.objectContaining({ CurrentQueueCnt: expect.any(Number), FreeAgentCnt: env.simulator.agents.filter((agent) => agent.status === 'STATUS_FREE').length })]);
		expect(JSON.stringify(now)).not.toContain(env.simulator.app.secretKey);
	});
});

/**
 * The action node's agent administration through execute() against the simulator over real HTTP:
 * Create, Update, Force Offline, Restore Online and Get Status History, and that a created agent
 * shows in Get Many, in the editor's agent picker and in its skill group's Get Members.
 */
import type { ILoadOptionsFunctions } from 'n8n-workflow';

import { searchAgents } from '../../nodes/shared/pickers/listSearch';
import { simulatorCredentials } from '../../dev/simulator/n8nCredential';
import { ONLINE_AGENT_ROLE_ID } from '../../dev/simulator/seedData';
import { byEmail, byId, useDeskOperations } from '../helpers/deskOperations';
import { createExecuteContext } from '../helpers/executeContext';

jest.setTimeout(60_000);

const desk = useDeskOperations();
const { run, runExpectingError } = desk;

const agent = (operation: string, parameters: Record<string, unknown> = {}) => ({ resource: 'agent', operation, options: {}, ...parameters });
const getMany = async () => (await run(agent('getAll', { returnAll: true, filters: {} }))).output.map((item) => item.json);
const membersOf = async (groupId: number) =>
	(await run({ resource: 'skillGroup', operation: 'getMembers', skillGroup: byId(groupId), returnAll: true, options: {} })).output.map((item) => item.json);

describe('Agent → Create', () => {
	it('creates an agent that Get Many, the picker and Get Members then show, with the fields set', async () => {
		const { output, context } = await run(
			agent('create', {
				email: ' kim@example.com ',
				additionalFields: { nickName: 'Kim', roleIds: '5, 7', skillGroupIds: '3', memberReceptionLimit: 8, memberReceptionLimitEnabled: true, sendPassword: false },
			}),
		);
		expect(output[0].json).toEqual({
			MemberMail: 'kim@example.com',
			NickName: 'Kim',
			RoleIDList: [ONLINE_AGENT_ROLE_ID, 7],
			MemberGroupIDList: [3],
			MemberReceptionLimit: 8,
			MemberReceptionLimitEnabled: 1,
			created: true,
		});
		expect(context.requests[0].body).toEqual({ MemberList: [{ ...output[0].json, created: undefined }], SendPassword: false });

		expect((await getMany()).find((row) => row.MemberMail === 'kim@example.com')).toMatchObject({ MemberNick: 'Kim', Status: 'STATUS_OFFLINE' });
		const loadOptions = createExecuteContext({ parameters: {}, credentials: simulatorCredentials(desk.simulator) }) as unknown as ILoadOptionsFunctions;
		expect((await searchAgents.call(loadOptions, 'kim')).results).toEqual([{ name: 'Kim · Offline', value: 'kim@example.com' }]);
		expect((await membersOf(3)).find((row) => row.MemberMail === 'kim@example.com')).toMatchObject({ NickName: 'Kim', EffectiveReceptionLimit: 8, RoleIDList: [5, 7] });
	});

	it('sends only the email when no field is added, and names 141004 for an existing email', async () => {
		const { context } = await run(agent('create', { email: 'lee@example.com', additionalFields: {} }));
		expect(context.requests[0].body).toEqual({ MemberList: [{ MemberMail: 'lee@example.com' }] });
		const { error } = await runExpectingError(agent('create', { email: 'alice@example.com', additionalFields: {} }));
		expect(error.message).toBe('Tencent Cloud Desk error 141004: Invalid parameter');
		expect(error.description).toContain('alice@example.com already exists');
	});

	it('refuses a role ID that is not a number before calling Desk', async () => {
		const { error, context } = await runExpectingError(agent('create', { email: 'x@example.com', additionalFields: { roleIds: '5, admin' } }));
		expect(error.message).toBe('Role IDs: “admin” is not an ID');
		expect(context.requests).toHaveLength(0);
	});
});

describe('Agent → Update', () => {
	it('sends only the fields added; an added-but-empty Role IDs clears the roles', async () => {
		const { output, context } = await run(agent('update', { agent: byEmail('alice@example.com'), updateFields: { nickName: 'Alice L.', roleIds: '' } }));
		expect(context.requests[0].body).toEqual({ MemberMail: 'alice@example.com', NickName: 'Alice L.', RoleIDList: [] });
		expect(output[0].json).toMatchObject({ updated: true });
		expect((await membersOf(1)).find((row) => row.MemberMail === 'alice@example.com')).toMatchObject({ NickName: 'Alice L.', RoleIDList: [], MemberGroupIDList: [1, 2] });

		await run(agent('update', { agent: byEmail('alice@example.com'), updateFields: { skillGroupIds: '2' } }));
		expect((await membersOf(1)).map((row) => row.MemberMail)).not.toContain('alice@example.com');
	});

	it('names 141010 for an unknown agent, and refuses an empty update without calling Desk', async () => {
		const { error } = await runExpectingError(agent('update', { agent: byEmail('nobody@example.com'), updateFields: { nickName: 'X' } }));
		expect(error.message).toBe('Tencent Cloud Desk error 141010: The agent (member) does not exist');
		const empty = await runExpectingError(agent('update', { agent: byEmail('bob@example.com'), updateFields: {} }));
		expect(empty.error.message).toBe('Nothing to update');
		expect(empty.context.requests).toHaveLength(0);
	});
});

describe('Agent → Force Offline, Restore Online, Get Status History', () => {
	it('forces an agent offline and restores them; the status history shows the change', async () => {
		const start = new Date(Date.now() - 3 * 3600_000).toISOString();
		const forced = await run(agent('forceOffline', { agent: byEmail('erin@example.com') }));
		expect(forced.output[0].json).toEqual({ MemberMail: 'erin@example.com', forcedOffline: true });
		expect(forced.context.requests[0].body).toEqual({ MemberMail: 'erin@example.com' });
		expect((await getMany()).find((row) => row.MemberMail === 'erin@example.com')?.Status).toBe('STATUS_OFFLINE');
		expect((await membersOf(1)).find((row) => row.MemberMail === 'erin@example.com')?.KickOff).toBe(1);

		const restored = await run(agent('restoreOnline', { agent: byEmail('erin@example.com') }));
		expect(restored.output[0].json).toEqual({ MemberMail: 'erin@example.com', restored: true });
		expect((await membersOf(1)).find((row) => row.MemberMail === 'erin@example.com')?.KickOff).toBe(0);

		const history = await run(agent('getStatusHistory', { agent: byEmail('erin@example.com'), startTime: start, endTime: new Date(Date.now() + 60_000).toISOString(), options: { order: 2 } }));
		expect(history.output.map((item) => item.json.Status)).toEqual(['STATUS_OFFLINE', 'STATUS_FREE']);
		expect(history.output[0].json).toMatchObject({ MemberID: 'erin@example.com', Nick: 'Erin', Clients: [] });
		expect(history.output[0].json.time).toBe(new Date(Number(history.output[0].json.Timestamp) * 1000).toISOString());
		expect(history.context.requests[0].body).toMatchObject({ MemberID: 'erin@example.com', Order: 2, BeginTime: Math.floor(Date.parse(start) / 1000) });
	});

	it('gives a status change Desk sent without a Timestamp, with time null, instead of failing', async () => {
		desk.simulator.faults.omitField('describe_member_status_trace', 'Timestamp');
		const { output } = await run(agent('getStatusHistory', { agent: byEmail('alice@example.com'), startTime: new Date(Date.now() - 30 * 86_400_000).toISOString(), endTime: new Date().toISOString() }));
		expect(output.length).toBeGreaterThan(0);
		for (const item of output) {
			expect(item.json).toMatchObject({ MemberID: 'alice@example.com', Status: expect.any(String), time: null });
			expect(item.json).not.toHaveProperty('Timestamp');
		}
	});

	it('names 141004 for an unknown agent (force, restore) and for a status range over 3 months', async () => {
		for (const operation of ['forceOffline', 'restoreOnline']) {
			const { error } = await runExpectingError(agent(operation, { agent: byEmail('nobody@example.com') }));
			expect(error.message).toBe('Tencent Cloud Desk error 141004: Invalid parameter');
		}
		const { error } = await runExpectingError(
			agent('getStatusHistory', { agent: byEmail('bob@example.com'), startTime: '2026-01-01T00:00:00Z', endTime: '2026-06-01T00:00:00Z' }),
		);
		expect(error.description).toContain('3 months');
	});
});

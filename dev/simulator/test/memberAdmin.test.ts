/**
 * The simulator's agent administration over real HTTP: create_members, update_member,
 * force_member_offline / restore_member_online and describe_member_status_trace, and that what
 * they change shows in get_member_list and get_member_list_in_group. Documented checks: at most
 * 10 members per call, MemberMail required, NickName ≤32, the 3-month status-trace range.
 */
import { callDeskApi, ONLINE_AGENT_ROLE_ID, SEED_AGENTS, type RestEnvelope } from '..';
import { expectFail, expectOk } from '../../../test/helpers/deskAnswers';
import { PLAIN_APP, sessionIn, useSimulator } from './helpers';

const api = useSimulator(() => ({ apps: [PLAIN_APP], faults: { rateLimitPerSecond: 0 } }));
const { call } = api;

beforeEach(() => api.sim.reset());

type Row = Record<string, unknown>;
const memberList = async (): Promise<Row[]> => (await call('get_member_list', { PageSize: 100 })).MemberList as Row[];
const inGroup = async (groupId: number): Promise<Row[]> => {
	const answer = await call('get_member_list_in_group', { MemberGroupID: groupId, PageSize: 100, PageNum: 0 });
	expectOk(answer);
	return answer.MemberList as Row[];
};
const now = () => Math.floor(Date.now() / 1000);
const trace = (memberId: string, order = 1, begin = now() - 86_400, end = now() + 60): Promise<RestEnvelope> =>
	call('describe_member_status_trace', { BeginTime: begin, EndTime: end, Order: order, MemberID: memberId });

describe('create_members', () => {
	it('creates offline agents that get_member_list and get_member_list_in_group then report, with their fields', async () => {
		const answer = await call('create_members', {
			MemberList: [
				{ NickName: 'Kim', MemberMail: 'kim@example.com', RoleIDList: [ONLINE_AGENT_ROLE_ID], MemberGroupIDList: [3], Avatar: 'https://example.com/k.png', MemberReceptionLimit: 7, MemberReceptionLimitEnabled: 1 },
				{ MemberMail: 'lee@example.com' },
			],
			SendPassword: false,
		});
		expectOk(answer);
		expect(Object.keys(answer).sort()).toEqual(['ActionStatus', 'ErrorCode', 'ErrorInfo']);
		const list = await memberList();
		expect(list).toHaveLength(SEED_AGENTS.length + 2);
		expect(list.find((row) => row.MemberMail === 'kim@example.com')).toMatchObject({ MemberNick: 'Kim', Status: 'STATUS_OFFLINE', MemberGroupIDs: [3] });
		const kim = (await inGroup(3)).find((row) => row.MemberMail === 'kim@example.com');
		expect(kim).toMatchObject({
			NickName: 'Kim',
			Avatar: 'https://example.com/k.png',
			RoleIDList: [ONLINE_AGENT_ROLE_ID],
			MemberGroupIDList: [3],
			MemberReceptionLimit: 7,
			MemberReceptionLimitEnabled: 1,
			EffectiveReceptionLimit: 7,
			KickOff: 0,
		});
		expect(kim?.CreateTime).toBeGreaterThanOrEqual(api.startedAt);
	});

	it.each([
		[{}, 'MemberList'],
		[{ MemberList: [] }, 'MemberList'],
		[{ MemberList: Array.from({ length: 11 }, (_, index) => ({ MemberMail: `m${index}@example.com` })) }, 'at most 10'],
		[{ MemberList: [{ NickName: 'No mail' }] }, 'MemberList[0].MemberMail'],
		[{ MemberList: [{ MemberMail: 'not-an-email' }] }, 'MemberList[0].MemberMail'],
		[{ MemberList: [{ MemberMail: 'ok@example.com' }, { MemberMail: 'long@example.com', NickName: 'x'.repeat(33) }] }, 'MemberList[1].NickName'],
		[{ MemberList: [{ MemberMail: 'ok@example.com', RoleIDList: [99] }] }, 'MemberList[0].RoleIDList'],
		[{ MemberList: [{ MemberMail: 'ok@example.com', MemberGroupIDList: [999] }] }, 'MemberList[0].MemberGroupIDList'],
		[{ MemberList: [{ MemberMail: 'alice@example.com' }] }, 'already exists'],
		[{ MemberList: [{ MemberMail: 'ok@example.com' }], SendPassword: 'yes' }, 'SendPassword'],
	])('141004 for %j, and nothing is created', async (body, detail) => {
		expectFail(await call('create_members', body), 141004, detail);
		expect(await memberList()).toHaveLength(SEED_AGENTS.length);
	});

	it('141000 for an app without Desk', async () => {
		const answer = await callDeskApi(api.sim.url, 'desk_http_svc/create_members', { MemberList: [{ MemberMail: 'x@example.com' }] }, { sdkAppId: PLAIN_APP.sdkAppId, secretKey: PLAIN_APP.secretKey });
		expectFail(answer, 141000);
	});
});

describe('update_member', () => {
	it('changes only the fields sent; [] clears roles and groups', async () => {
		expectOk(await call('update_member', { MemberMail: 'alice@example.com', NickName: 'Alice L.' }));
		let alice = (await inGroup(1)).find((row) => row.MemberMail === 'alice@example.com');
		expect(alice).toMatchObject({ NickName: 'Alice L.', RoleIDList: [ONLINE_AGENT_ROLE_ID, 7], MemberGroupIDList: [1, 2], EffectiveReceptionLimit: 5 });

		expectOk(await call('update_member', { MemberMail: 'alice@example.com', MemberGroupIDList: [1], RoleIDList: [], MemberReceptionLimit: 9, MemberReceptionLimitEnabled: 1 }));
		alice = (await inGroup(1)).find((row) => row.MemberMail === 'alice@example.com');
		expect(alice).toMatchObject({ NickName: 'Alice L.', RoleIDList: [], MemberGroupIDList: [1], EffectiveReceptionLimit: 9 });
		expect((await inGroup(2)).map((row) => row.MemberMail)).not.toContain('alice@example.com');

		expectOk(await call('update_member', { MemberMail: 'alice@example.com', MemberGroupIDList: [] }));
		expect((await memberList()).find((row) => row.MemberMail === 'alice@example.com')?.MemberGroupIDs).toEqual([]);
	});

	it('141004 names a bad field, 141010 an unknown member', async () => {
		expectFail(await call('update_member', { NickName: 'x' }), 141004, 'MemberMail');
		expectFail(await call('update_member', { MemberMail: 'bob@example.com', MemberReceptionLimitEnabled: 2 }), 141004, 'MemberReceptionLimitEnabled');
		expectFail(await call('update_member', { MemberMail: 'bob@example.com', RoleIDList: '5' }), 141004, 'RoleIDList');
		expectFail(await call('update_member', { MemberMail: 'nobody@example.com', NickName: 'x' }), 141010, 'nobody@example.com');
	});
});

describe('force_member_offline and restore_member_online', () => {
	it('signs an agent out until restored, which the lists and the status trace show', async () => {
		expectOk(await call('force_member_offline', { MemberMail: 'bob@example.com' }));
		expect((await memberList()).find((row) => row.MemberMail === 'bob@example.com')?.Status).toBe('STATUS_OFFLINE');
		expect((await inGroup(1)).find((row) => row.MemberMail === 'bob@example.com')?.KickOff).toBe(1);
		expectFail(await call('transfer_session', { SessionId: sessionIn(api.sim, 'Queuing'), MemberId: 'bob@example.com' }), 141001);

		expectOk(await call('restore_member_online', { MemberMail: 'bob@example.com' }));
		expect((await inGroup(1)).find((row) => row.MemberMail === 'bob@example.com')?.KickOff).toBe(0);
		const statuses = ((await trace('bob@example.com')).StatusList as Row[]).map((entry) => entry.Status);
		expect(statuses).toEqual(['STATUS_FREE', 'STATUS_OFFLINE']);
	});

	it.each(['force_member_offline', 'restore_member_online'])('%s: 141004 for a missing or unknown MemberMail', async (command) => {
		expectFail(await call(command, {}), 141004, 'MemberMail');
		expectFail(await call(command, { MemberMail: 'nobody@example.com' }), 141004, 'nobody@example.com');
	});
});

describe('describe_member_status_trace', () => {
	it('lists status changes in the range, oldest or newest first, with Nick and Clients', async () => {
		expectOk(await call('set_member_status', { MemberMail: 'erin@example.com', Status: 'STATUS_REST', RestReason: 'Tea' }));
		const ascending = await trace('erin@example.com', 1);
		expectOk(ascending);
		expect(ascending.Nick).toBe('Erin');
		const list = ascending.StatusList as Row[];
		expect(list.map((entry) => entry.Status)).toEqual(['STATUS_FREE', 'STATUS_REST']);
		expect(list[0]).toEqual({ Timestamp: expect.any(Number), Status: 'STATUS_FREE', Clients: [{ ClientType: 'Web' }] });
		expect(((await trace('erin@example.com', 2)).StatusList as Row[]).map((entry) => entry.Status)).toEqual(['STATUS_REST', 'STATUS_FREE']);
		expect((await trace('erin@example.com', 1, now() + 3600, now() + 7200)).StatusList).toEqual([]);
	});

	it('141004 for a range over 3 months, a missing MemberID (capital ID) or a bad Order; 141010 for an unknown member', async () => {
		const begin = now() - 100 * 86_400;
		expectFail(await trace('erin@example.com', 1, begin, begin + 93 * 86_400), 141004, '3 months');
		expectOk(await trace('erin@example.com', 1, begin, begin + 89 * 86_400));
		expectFail(await call('describe_member_status_trace', { BeginTime: begin, EndTime: now(), Order: 1, MemberId: 'erin@example.com' }), 141004, 'MemberID');
		expectFail(await trace('erin@example.com', 3), 141004, 'Order');
		expectFail(await trace('erin@example.com', 1, now(), now() - 60), 141004, 'EndTime');
		expectFail(await trace('nobody@example.com'), 141010);
	});
});

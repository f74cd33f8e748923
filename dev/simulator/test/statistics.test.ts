/**
 * The simulator's statistics and role list over real HTTP, on sessions built step by step at known
 * times (no seed), so every figure below is worked out by hand from the timeline: two sessions on
 * one UTC day; in A (SDK) alice answers after 20 s and 40 s and ends it, in B (Web) bob holds it
 * 30 s without a word and forwards it to alice, who answers after 15 s.
 */
import { SEED_AGENTS, SEED_ROLES, SEED_SKILL_GROUPS, type DeskSimulator } from '..';
import { expectFail, expectOk } from '../../../test/helpers/deskAnswers';
import { sessionIn, useSimulator } from './helpers';

const api = useSimulator(() => ({ seed: false, faults: { rateLimitPerSecond: 0 } }));
const { call } = api;

const DAY = Date.UTC(2026, 0, 5) / 1000;
const FROM = DAY;
const TO = DAY + 86_399;

function build(sim: DeskSimulator, channelType: 'SDK' | 'Web', startMs: number, steps: Array<[number, string | Record<string, unknown>]>): void {
	const { sessionId } = sim.sessions.create({ channelType, startTime: startMs });
	for (const [offset, step] of steps) {
		const base = typeof step === 'string' ? { event: step } : step;
		sim.sessions.advance(sessionId, { ...base, event: String(base.event), time: startMs + offset * 1000 });
	}
}

beforeAll(() => {
	build(api.sim, 'SDK', (DAY + 10 * 3600) * 1000, [
		[0, 'SessionBegin'],
		[10, 'TransferringToHuman'],
		[20, 'TransferringToHumanWait'],
		[80, { event: 'TransferToHumanSuccess', agentId: 'alice@example.com' }],
		[90, 'Human.UserSendMsg'],
		[100, 'Human.AgentSendMsg'],
		[130, 'Human.UserSendMsg'],
		[170, 'Human.AgentSendMsg'],
		[180, { event: 'SatisfactionSelected', rating: 5 }],
		[200, 'SessionAgentEnd'],
		[201, 'SessionEnd'],
	]);
	build(api.sim, 'Web', (DAY + 14 * 3600) * 1000, [
		[0, 'SessionBegin'],
		[10, 'TransferringToHuman'],
		[20, { event: 'TransferToHumanSuccess', agentId: 'bob@example.com' }],
		[30, 'Human.UserSendMsg'],
		[50, { event: 'AgentForward', agentId: 'alice@example.com' }],
		[65, 'Human.AgentSendMsg'],
		[100, 'SessionUserEnd'],
		[101, 'SessionEnd'],
	]);
});

type Row = Record<string, unknown>;
const agentStats = async (extra: Record<string, unknown> = {}): Promise<Row[]> => {
	const answer = await call('describe_agent_statistics', { From: FROM, To: TO, AgentIds: ['alice@example.com', 'bob@example.com'], ...extra });
	expectOk(answer);
	return answer.Data as Row[];
};

describe('describe_agent_statistics', () => {
	it('works out each agent’s sessions, messages, response and accept times for whole days', async () => {
		const [alice, bob] = await agentStats();
		expect(alice).toMatchObject({
			AgentId: 'alice@example.com',
			AgentNickName: 'Alice',
			TotalSessionCnt: 2,
			TransferSessionCnt: 0,
			EffectiveSessionCnt: 2,
			AgentEndCnt: 1,
			ServeUserCnt: 2,
			TotalAcceptTime: 170,
			TotalMsgCnt: 5,
			AgentMsgCnt: 3,
			UserMsgCnt: 2,
			NotRespSessionCnt: 0,
			AvgFirstRespTime: 18,
			FirstRespUnder30sCnt: 2,
			AvgRespTime: 25,
			AvgRespUnder30sCnt: 1,
			AvgAcceptTime: 85,
			SatisfactionSelectedCnt: 1,
			SatisfiedCnt: 1,
			// No status change on that day.
			FreeTime: 0,
			FirstLoginTimestamp: 0,
		});
		expect(bob).toMatchObject({ TotalSessionCnt: 1, TransferSessionCnt: 1, EffectiveSessionCnt: 0, NotRespSessionCnt: 1, AgentEndCnt: 0, TotalAcceptTime: 30, UserMsgCnt: 1, AgentMsgCnt: 0 });
	});

	it('filters by ConversationSources (4 Web, 10 App with the CS account as ChannelId) and pages with Limit/Offset', async () => {
		const [aliceWeb, bobWeb] = await agentStats({ ConversationSources: [{ ChannelType: 4 }] });
		expect([aliceWeb.TotalSessionCnt, bobWeb.TotalSessionCnt, aliceWeb.AvgFirstRespTime]).toEqual([1, 1, 15]);
		const [aliceApp] = await agentStats({ ConversationSources: [{ ChannelType: 10, ChannelId: api.sim.app.customerServiceId }] });
		expect([aliceApp.TotalSessionCnt, aliceApp.AvgAcceptTime]).toEqual([1, 120]);
		expect((await agentStats({ ConversationSources: [{ ChannelType: 10, ChannelId: '@someone_else' }] }))[0].TotalSessionCnt).toBe(0);

		const page = await call('describe_agent_statistics', { From: FROM, To: TO, Limit: 10, Offset: 20 });
		expect(page.TotalCount).toBe(SEED_AGENTS.length);
		expect((page.Data as Row[]).map((row) => row.AgentId)).toEqual(SEED_AGENTS.map((agent) => agent.email).sort().slice(20, 30));
	});

	it('counts today’s status time from the status trace', async () => {
		const today = Math.floor(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate()) / 1000);
		const answer = await call('describe_agent_statistics', { From: today, To: today + 86_399, AgentIds: ['alice@example.com', 'dave@example.com'] });
		const [alice, dave] = answer.Data as Row[];
		expect([alice.FreeTime, alice.RestTime, dave.FreeTime]).toEqual([expect.any(Number), 0, 0]);
		expect(alice.FreeTime as number).toBeGreaterThan(0);
		expect(dave.RestTime as number).toBeGreaterThan(0);
	});

	it.each([
		[{ To: TO }, 'From'],
		[{ From: FROM }, 'To'],
		[{ From: FROM, To: FROM + 3600 }, 'whole day'],
		[{ From: FROM + 1, To: TO }, 'whole day'],
		[{ From: TO, To: FROM }, 'To'],
		[{ From: FROM, To: TO, Limit: 101 }, 'Limit'],
		[{ From: FROM, To: TO, AgentIds: 'alice@example.com' }, 'AgentIds'],
		[{ From: FROM, To: TO, ConversationSources: [{ ChannelId: 'x' }] }, 'ConversationSources[0].ChannelType'],
		[{ From: FROM, To: TO, ConversationSources: [{ ChannelType: 5 }] }, 'ConversationSources[0].ChannelType'],
	])('141004 for %j', async (body, detail) => {
		expectFail(await call('describe_agent_statistics', body), 141004, detail);
	});
});

describe('describe_session_statistics', () => {
	it('adds up the day, or each hour with GroupByHour', async () => {
		const byDay = await call('describe_session_statistics', { From: FROM, To: TO });
		expectOk(byDay);
		expect(byDay.TotalCount).toBe(1);
		expect((byDay.Data as Row[])[0]).toEqual({
			Time: '2026-01-05',
			TotalSessionCnt: 2,
			TransferAgentSessionCnt: 2,
			AgentAcceptCnt: 2,
			EffectiveSessionCnt: 2,
			SatisfactionSelectedCnt: 1,
			OneStarSelectedCnt: 0,
			TwoStarSelectedCnt: 0,
			ThreeStarSelectedCnt: 0,
			FourStarSelectedCnt: 0,
			FiveStarSelectedCnt: 1,
			AvgFirstRespTime: 18,
			AvgRespTime: 25,
			AvgAcceptTime: 67,
			AvgQueueTime: 60,
		});
		const byHour = await call('describe_session_statistics', { From: FROM, To: TO, GroupByHour: true });
		expect((byHour.Data as Row[]).map((row) => [row.Time, row.TotalSessionCnt, row.AvgQueueTime])).toEqual([['10:00', 1, 60], ['14:00', 1, 0]]);
		expect((await call('describe_session_statistics', { From: FROM - 86_400, To: FROM - 1 })).Data).toEqual([]);
	});

	it('141004 for missing From/To, To before From, or a GroupByHour that is not a boolean', async () => {
		expectFail(await call('describe_session_statistics', { To: TO }), 141004, 'From');
		expectFail(await call('describe_session_statistics', { From: TO, To: FROM }), 141004, 'To');
		expectFail(await call('describe_session_statistics', { From: FROM, To: TO, GroupByHour: 1 }), 141004, 'GroupByHour');
	});
});

describe('real-time statistics and roles', () => {
	it('describe_reception_realtime_statistics counts live sessions and agents by status', async () => {
		const queuing = sessionIn(api.sim, 'Queuing');
		const withAgent = sessionIn(api.sim, 'Agent');
		sessionIn(api.sim, 'Chatbot');
		const answer = await call('describe_reception_realtime_statistics', {});
		expectOk(answer);
		const count = (status: string) => SEED_AGENTS.filter((agent) => agent.status === status).length;
		expect(answer.Data).toEqual({
			CurrentTransferAgentCnt: 2,
			CurrentAgentAcceptCnt: 1,
			CurrentQueueCnt: 1,
			FreeAgentCnt: count('STATUS_FREE'),
			RestAgentCnt: count('STATUS_REST'),
			BusyAgentCnt: count('STATUS_NOT_READY'),
			CurrentGroupQueueCnt: SEED_SKILL_GROUPS.map((group) => ({ GroupId: group.skillGroupId, GroupName: group.name, QueueCnt: 0 })),
		});

		const realtime = await call('describe_member_realtime_statistics', { MemberIds: ['alice@example.com', 'bob@example.com'] });
		expectOk(realtime);
		expect(realtime.TotalCount).toBe(2);
		expect((realtime.Data as Row[])[0]).toMatchObject({ MemberId: 'alice@example.com', MemberNickName: 'Alice', CurrentAcceptCnt: 1, TotalSessionCnt: 1 });
		expect((realtime.Data as Row[])[1]).toMatchObject({ MemberId: 'bob@example.com', CurrentAcceptCnt: 0, TotalSessionCnt: 0 });
		expect(api.sim.sessions.get(withAgent)?.agentId).toBe('alice@example.com');
		expect(api.sim.sessions.get(queuing)?.phase).toBe('Queuing');
	});

	it('describe_member_realtime_statistics: 141004 for Limit over 100, AgentIds-style strings, a bad ChannelType', async () => {
		expectFail(await call('describe_member_realtime_statistics', { Limit: 101 }), 141004, 'Limit');
		expectFail(await call('describe_member_realtime_statistics', { MemberIds: 'alice@example.com' }), 141004, 'MemberIds');
		expectFail(await call('describe_member_realtime_statistics', { ConversationSources: [{ ChannelType: 1 }] }), 141004, 'ChannelType');
		const page = await call('describe_member_realtime_statistics', { Limit: 5, Offset: 5 });
		expect((page.Data as Row[]).map((row) => row.MemberId)).toEqual(SEED_AGENTS.map((agent) => agent.email).sort().slice(5, 10));
	});

	it('get_role_list answers the built-in roles', async () => {
		const answer = await call('get_role_list', {});
		expectOk(answer);
		expect(answer.RoleList).toEqual(SEED_ROLES.map((role) => ({ RoleID: role.roleId, RoleName: role.name })));
	});
});

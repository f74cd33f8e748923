/**
 * The action node's Statistic and Role operations through execute() against the simulator over real
 * HTTP: the date fields become whole days (00:00:00–23:59:59 in the chosen time zone, Unix seconds),
 * paging, filters, one item per agent / period / role, and Desk's errors (141004, 141000).
 */
import type { DeskSimulator } from '../../dev/simulator';
import { callDeskApi, startDeskSimulator } from '../../dev/simulator';
import { SEED_AGENTS, SEED_ROLES } from '../../dev/simulator/seedData';
import { actionNodeRunner } from '../helpers/actionNode';

jest.setTimeout(60_000);

const PLAIN_APP = { sdkAppId: 1400000002, secretKey: 'f'.repeat(64), desk: false };
let simulator: DeskSimulator;
const { run, runExpectingError } = actionNodeRunner(() => simulator);

beforeAll(async () => {
	simulator = await startDeskSimulator({ apps: [PLAIN_APP], faults: { rateLimitPerSecond: 0 } });
});
afterAll(async () => {
	await simulator.close();
});

const statistic = (operation: string, parameters: Record<string, unknown> = {}) => ({ resource: 'statistic', operation, options: {}, ...parameters });
const DAY_MS = 86_400_000;
const utcMidnight = (daysAgo: number) => Math.floor(Date.now() / DAY_MS - daysAgo) * DAY_MS;
const isoDate = (millis: number) => new Date(millis).toISOString().slice(0, 10);
const direct = (command: string, body: Record<string, unknown>) => callDeskApi(simulator.url, `desk_http_svc/${command}`, body);

describe('Statistic → Get Session Statistics', () => {
	it('asks for whole UTC days from the date fields and returns one item per day Desk answers', async () => {
		const from = utcMidnight(8) / 1000;
		const to = (utcMidnight(0) + DAY_MS) / 1000 - 1;
		const { output, context } = await run(statistic('getSessionStatistics', { startDate: isoDate(from * 1000), endDate: `${isoDate(Date.now())}T15:30:00`, groupBy: 'day' }));
		expect(context.requests[0].body).toEqual({ From: from, To: to, GroupByHour: false });
		const expected = await direct('describe_session_statistics', { From: from, To: to });
		// AvgAcceptTime counts live sessions up to the moment Desk answers, so the later direct call may differ by a second.
		const settled = (rows: Array<Record<string, unknown>>) => rows.map(({ AvgAcceptTime, ...rest }) => ({ ...rest, AvgAcceptTime: typeof AvgAcceptTime }));
		expect(settled(output.map((item) => item.json))).toEqual(settled(expected.Data as Array<Record<string, unknown>>));
		expect(output.length).toBeGreaterThanOrEqual(7);
		expect(output.reduce((sum, item) => sum + Number(item.json.TotalSessionCnt), 0)).toBeGreaterThanOrEqual(45);
	});

	it('takes the days in the time zone chosen (Asia/Shanghai: the day starts 16:00 UTC the day before), by hour', async () => {
		const { context, output } = await run(
			statistic('getSessionStatistics', { startDate: '2026-01-05', endDate: '2026-01-06T23:00:00', groupBy: 'hour', options: { timeZone: 'Asia/Shanghai' } }),
		);
		const from = Date.UTC(2026, 0, 4, 16) / 1000;
		expect(context.requests[0].body).toEqual({ From: from, To: from + 2 * 86_400 - 1, GroupByHour: true });
		expect(output).toEqual([]);
	});

	it('uses the workflow’s time zone when none is set, and refuses an unknown zone or End Date before Start Date', async () => {
		const { context } = await run(statistic('getSessionStatistics', { startDate: '2026-07-01', endDate: '2026-07-01', groupBy: 'day' }), { timezone: 'Europe/Berlin' });
		const from = Date.UTC(2026, 5, 30, 22) / 1000;
		expect(context.requests[0].body).toEqual({ From: from, To: from + 86_399, GroupByHour: false });
		const zone = await runExpectingError(statistic('getSessionStatistics', { startDate: '2026-07-01', endDate: '2026-07-01', groupBy: 'day', options: { timeZone: 'Mars/Olympus' } }));
		expect(zone.error.message).toBe('“Mars/Olympus” is not a time zone');
		const order = await runExpectingError(statistic('getSessionStatistics', { startDate: '2026-07-02', endDate: '2026-07-01', groupBy: 'day' }));
		expect(order.error.message).toBe('End Date is before Start Date');
		expect([...zone.context.requests, ...order.context.requests]).toHaveLength(0);
	});
});

describe('Statistic → Get Agent Statistics and Get Agent Realtime Statistics', () => {
	it('pages every agent with Return All, or the ones named, with channel filters', async () => {
		const all = await run(statistic('getAgentStatistics', { startDate: isoDate(utcMidnight(7)), endDate: isoDate(Date.now()), returnAll: true, filters: {} }));
		expect(all.output.map((item) => item.json.AgentId)).toEqual(SEED_AGENTS.map((agent) => agent.email).sort());
		const alice = all.output.find((item) => item.json.AgentId === 'alice@example.com')?.json;
		expect(Number(alice?.TotalSessionCnt)).toBeGreaterThan(0);

		const named = await run(
			statistic('getAgentStatistics', {
				startDate: isoDate(utcMidnight(7)),
				endDate: isoDate(Date.now()),
				returnAll: false,
				limit: 1,
				filters: { agentEmails: 'alice@example.com, bob@example.com', conversationSources: { source: [{ channelType: 4, channelId: '' }] } },
			}),
		);
		expect(named.output).toHaveLength(1);
		expect(named.context.requests[0].body).toMatchObject({ AgentIds: ['alice@example.com', 'bob@example.com'], ConversationSources: [{ ChannelType: 4 }], Limit: 1, Offset: 0 });
		expect(Number(named.output[0].json.TotalSessionCnt)).toBeLessThan(Number(alice?.TotalSessionCnt));

		const realtime = await run(statistic('getAgentRealtimeStatistics', { returnAll: true, filters: { agentEmails: 'alice@example.com' } }));
		expect(realtime.context.requests[0].body).toEqual({ MemberIds: ['alice@example.com'], Limit: 100, Offset: 0 });
		expect(realtime.output.map((item) => item.json)).toEqual([expect.objectContaining({ MemberId: 'alice@example.com', MemberNickName: 'Alice', CurrentAcceptCnt: 1 })]);
	});

	it('names 141004 for a channel type Desk does not know (mapped by expression)', async () => {
		const { error } = await runExpectingError(
			statistic('getAgentRealtimeStatistics', { returnAll: true, filters: { conversationSources: { source: [{ channelType: 5 }] } } }),
		);
		expect(error.message).toBe('Tencent Cloud Desk error 141004: Invalid parameter');
		expect(error.description).toContain('ChannelType');
	});
});

describe('Statistic → Get Reception Realtime Statistics, and Role → Get Many', () => {
	it('returns the desk right now as one item', async () => {
		const { output, context } = await run(statistic('getReceptionRealtimeStatistics'));
		expect(context.requests[0].body).toBe('{}');
		expect(output).toHaveLength(1);
		expect(output[0].json).toEqual((await direct('describe_reception_realtime_statistics', {})).Data);
		expect(output[0].json).toMatchObject({ FreeAgentCnt: SEED_AGENTS.filter((agent) => agent.status === 'STATUS_FREE').length });
	});

	it('names 141000 for an app without Desk', async () => {
		const { error } = await runExpectingError(statistic('getReceptionRealtimeStatistics'), { sdkAppId: PLAIN_APP.sdkAppId, secretKey: PLAIN_APP.secretKey });
		expect(error.message).toBe('Tencent Cloud Desk error 141000: This app is not a Desk (customer service) app');
	});

	it('lists the roles one item each, up to the Limit', async () => {
		const all = await run({ resource: 'role', operation: 'getAll', returnAll: true, options: {} });
		expect(all.output.map((item) => item.json)).toEqual(SEED_ROLES.map((role) => ({ RoleID: role.roleId, RoleName: role.name })));
		const one = await run({ resource: 'role', operation: 'getAll', returnAll: false, limit: 1, options: {} });
		expect(one.output).toHaveLength(1);
		const { error } = await runExpectingError({ resource: 'role', operation: 'getAll', returnAll: true, options: {} }, { sdkAppId: PLAIN_APP.sdkAppId, secretKey: PLAIN_APP.secretKey });
		expect(error.message).toContain('141000');
	});
});

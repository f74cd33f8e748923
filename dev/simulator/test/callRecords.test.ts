/**
 * The simulator's describe_im_cdr_list over real HTTP: the seeded call records of the past week, newest
 * first and paged, each derived from its seed session's steps; Limit, the ClientUserId filter, the time
 * range, and 141004. Every expectation is computed from the exported seed rather than hard-coded.
 */
import {
	DEFAULT_PAGE_SIZE,
	historyClientUserId,
	SEED_AGENTS,
	SEED_ENDED_SESSION_COUNT,
	SEED_ENDED_SESSIONS,
	SEED_SESSION_IDS,
	SEED_SESSIONS,
	SEED_SKILL_GROUPS,
	type SeedSession,
	type SessionStep,
} from '..';
import { expectFail, expectOk } from '../../../test/helpers/deskAnswers';
import { OTHER_APP, PLAIN_APP, useSimulator } from './helpers';

const DAY = 86_400;

const api = useSimulator(() => ({ apps: [OTHER_APP, PLAIN_APP], faults: { rateLimitPerSecond: 0 } }));
const { call } = api;

describe('describe_im_cdr_list', () => {
	const lastWeek = () => {
		const now = Math.floor(Date.now() / 1000);
		return { StartTimestamp: now - 7 * DAY, EndTimestamp: now };
	};

	/** What Desk would record for a seed session, derived from its steps. */
	function expectedRecord(seed: SeedSession): Record<string, unknown> {
		const steps = seed.steps.map((step): SessionStep => (typeof step === 'string' ? { event: step } : step));
		const agentId = [...steps].reverse().find((step) => step.agentId && (step.event === 'TransferToHumanSuccess' || step.event === 'AgentForward'))?.agentId ?? '';
		const groupId = SEED_AGENTS.find((agent) => agent.email === agentId)?.skillGroupIds[0] ?? 0;
		return {
			SessionId: seed.sessionId,
			AgentGroupId: groupId,
			AgentGroupName: SEED_SKILL_GROUPS.find((group) => group.skillGroupId === groupId)?.name ?? '',
			AgentId: agentId,
			ChannelType: seed.channelType,
			ClientUserId: seed.clientUserId,
			ClientUserNickName: seed.clientUserNickName ?? seed.clientUserId,
			Duration: steps.length * (seed.stepSeconds ?? 20),
			EndStatus: steps[steps.length - 2].event,
			SatisfactionSelected: steps.find((step) => step.event === 'SatisfactionSelected')?.rating ?? 0,
			Timestamp: expect.any(Number),
		};
	}

	it('pages the past week newest first: 20, 20, the rest, then nothing', async () => {
		const range = lastWeek();
		const pages: Array<Array<Record<string, unknown>>> = [];
		for (let offset = 0; ; offset += DEFAULT_PAGE_SIZE) {
			const answer = await call('describe_im_cdr_list', { ...range, Offset: offset });
			expectOk(answer);
			expect(answer.TotalCount).toBe(SEED_ENDED_SESSION_COUNT);
			pages.push(answer.IMCdrList as Array<Record<string, unknown>>);
			if (pages[pages.length - 1].length === 0) break;
		}
		const expectedSizes: number[] = [];
		for (let left = SEED_ENDED_SESSION_COUNT; left > 0; left -= DEFAULT_PAGE_SIZE) expectedSizes.push(Math.min(DEFAULT_PAGE_SIZE, left));
		expect(pages.map((page) => page.length)).toEqual([...expectedSizes, 0]);
		// The seed is sized so that the last page is short.
		expect(expectedSizes.length).toBeGreaterThanOrEqual(3);
		expect(expectedSizes[expectedSizes.length - 1]).toBeLessThan(DEFAULT_PAGE_SIZE);

		const records = pages.flat();
		expect(new Set(records.map((record) => record.SessionId))).toEqual(new Set(SEED_ENDED_SESSIONS.map((seed) => seed.sessionId)));
		const endTimes = records.map((record) => (record.Timestamp as number) + (record.Duration as number));
		expect(endTimes).toEqual([...endTimes].sort((a, b) => b - a));
		for (const record of records) {
			const seed = SEED_ENDED_SESSIONS.find((candidate) => candidate.sessionId === record.SessionId) as SeedSession;
			expect(record).toEqual(expectedRecord(seed));
			// Seconds, as the simulator started: within a few seconds of the seed's offset.
			expect(Math.abs((record.Timestamp as number) - (api.startedAt - seed.startedMinutesAgo * 60))).toBeLessThanOrEqual(5);
		}
		expect(new Set(records.map((record) => record.EndStatus)).size).toBeGreaterThanOrEqual(5);
		expect(new Set(records.map((record) => record.AgentGroupId)).size).toBeGreaterThanOrEqual(3);
	});

	it('honours Limit and leaves out live sessions', async () => {
		const answer = await call('describe_im_cdr_list', { ...lastWeek(), Limit: 100 });
		const ids = (answer.IMCdrList as Array<{ SessionId: string }>).map((record) => record.SessionId);
		expect(ids).toHaveLength(SEED_ENDED_SESSION_COUNT);
		for (const live of [SEED_SESSION_IDS.agent, SEED_SESSION_IDS.chatbot, SEED_SESSION_IDS.queuing, SEED_SESSION_IDS.notInSession]) expect(ids).not.toContain(live);
		expect(((await call('describe_im_cdr_list', { ...lastWeek(), Limit: 5, Offset: 3 })).IMCdrList as unknown[]).map((r) => (r as { SessionId: string }).SessionId)).toEqual(ids.slice(3, 8));
	});

	it('filters by ClientUserId', async () => {
		const user = historyClientUserId(0);
		const answer = await call('describe_im_cdr_list', { ...lastWeek(), ClientUserId: user });
		const expected = SEED_ENDED_SESSIONS.filter((seed) => seed.clientUserId === user).length;
		expect(expected).toBeGreaterThan(1);
		expect(answer.TotalCount).toBe(expected);
		expect((answer.IMCdrList as Array<{ ClientUserId: string }>).every((record) => record.ClientUserId === user)).toBe(true);
	});

	it('keeps only sessions whose end lies in the range (inclusive)', async () => {
		const seed = SEED_SESSIONS.find((candidate) => candidate.sessionId === SEED_SESSION_IDS.ended) as SeedSession;
		const endSeconds = Math.floor((api.sim.sessions.get(seed.sessionId)?.endTime as number) / 1000);
		const exact = await call('describe_im_cdr_list', { StartTimestamp: endSeconds, EndTimestamp: endSeconds });
		expect((exact.IMCdrList as Array<{ SessionId: string }>).map((record) => record.SessionId)).toContain(seed.sessionId);
		const now = Math.floor(Date.now() / 1000);
		expect(await call('describe_im_cdr_list', { StartTimestamp: now - 40 * DAY, EndTimestamp: now - 10 * DAY })).toMatchObject({ IMCdrList: [], TotalCount: 0 });
		expect((await call('describe_im_cdr_list', { StartTimestamp: now - 31 * DAY, EndTimestamp: now })).ErrorCode).toBe(0);
	});

	it('POST /_simulator/sessions/ended adds records that ended at the chosen times, and refuses bad input', async () => {
		const now = Date.now();
		const endTimes = [now - 600_000, now - 300_500, now - 1000];
		const control = (body: unknown) =>
			fetch(`${api.sim.url}/_simulator/sessions/ended`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
		const created = await control({ endTimes, idPrefix: 'outage-' });
		expect(created.status).toBe(200);
		expect(await created.json()).toEqual({ sessionIds: ['outage-0', 'outage-1', 'outage-2'] });
		const seconds = (ms: number) => Math.floor(ms / 1000);
		const answer = await call('describe_im_cdr_list', { StartTimestamp: seconds(now - 310_000), EndTimestamp: seconds(now) });
		const outage = (answer.IMCdrList as Array<{ SessionId: string; Timestamp: number; Duration: number }>).filter((record) => record.SessionId.startsWith('outage-'));
		expect(outage.map((record) => [record.SessionId, record.Timestamp + record.Duration])).toEqual([
			['outage-2', seconds(endTimes[2])],
			['outage-1', seconds(endTimes[1])],
		]);
		for (const bad of [{}, { endTimes: [now, 'x'] }, { endTimes: [now], idPrefix: 3 }]) expect((await control(bad)).status).toBe(400);
		expect((await control({ endTimes: [now], idPrefix: 'outage-' })).status).toBe(409);
	});

	it.each([
		[{ EndTimestamp: 100 }, 'StartTimestamp'],
		[{ StartTimestamp: 100 }, 'EndTimestamp'],
		[{ StartTimestamp: '100', EndTimestamp: 200 }, 'StartTimestamp'],
		[{ StartTimestamp: 100, EndTimestamp: 200.5 }, 'EndTimestamp'],
		[{ StartTimestamp: 200, EndTimestamp: 100 }, /EndTimestamp must not be before StartTimestamp/],
		[{ StartTimestamp: 0, EndTimestamp: 31 * DAY + 1 }, /EndTimestamp must be at most 31 days/],
		[{ StartTimestamp: 0, EndTimestamp: 100, Limit: 0 }, 'Limit'],
		[{ StartTimestamp: 0, EndTimestamp: 100, Limit: 101 }, 'Limit'],
		[{ StartTimestamp: 0, EndTimestamp: 100, Offset: -1 }, 'Offset'],
		[{ StartTimestamp: 0, EndTimestamp: 100, ClientUserId: 5 }, 'ClientUserId'],
	])('141004 names the parameter for %j', async (body, detail) => {
		expectFail(await call('describe_im_cdr_list', body), 141004, detail);
	});
});

/**
 * The action node's Session Record → Get Many, through execute() against the simulator over real HTTP:
 * the seeded history, paging with Return All, Limit, and dates checked before calling Tencent.
 */
import { SEED_ENDED_SESSION_COUNT } from '../../dev/simulator/seedData';
import { useDeskOperations } from '../helpers/deskOperations';

jest.setTimeout(60_000);

const desk = useDeskOperations();
const { run, runExpectingError } = desk;

describe('Session Record → Get Many', () => {
	const lastWeek = () => ({
		startTime: new Date(Date.now() - 8 * 86400_000).toISOString(),
		endTime: new Date().toISOString(),
	});

	it('lists every seeded ended session of the last week', async () => {
		const { output, context } = await run({
			resource: 'sessionRecord',
			operation: 'getAll',
			...lastWeek(),
			returnAll: true,
			options: {},
		});
		expect(output).toHaveLength(SEED_ENDED_SESSION_COUNT);
		expect(output[0].json).toEqual(
			expect.objectContaining({ SessionId: expect.any(String), EndStatus: expect.any(String), Duration: expect.any(Number) }),
		);
		const body = context.requests[0].body as { StartTimestamp: number; EndTimestamp: number };
		expect(Number.isInteger(body.StartTimestamp) && body.StartTimestamp < 1e11).toBe(true);
	});

	it('pages through 130 records of one user with Return All (2 requests)', async () => {
		for (let index = 0; index < 130; index++) {
			const created = desk.simulator.sessions.create({ clientUserId: 'bulk_user' });
			for (const step of ['SessionBegin', 'ChatBot.UserSendMsg', 'SessionUserEnd', 'SessionEnd']) {
				desk.simulator.sessions.advance(created.sessionId, step);
			}
		}
		const { output, context } = await run({
			resource: 'sessionRecord',
			operation: 'getAll',
			...lastWeek(),
			returnAll: true,
			options: { clientUserId: 'bulk_user' },
		});
		expect(output).toHaveLength(130);
		expect(new Set(output.map((item) => item.json.SessionId)).size).toBe(130);
		expect(output.every((item) => item.json.ClientUserId === 'bulk_user')).toBe(true);
		expect(context.requests).toHaveLength(2);
	});

	it('reads a range over 31 days in pieces Desk accepts (Desk refuses more with 141004), newest piece first', async () => {
		const DAY_MS = 86_400_000;
		const daysAgo = [70, 45, 10, 2];
		for (const days of daysAgo) desk.simulator.sessions.createEnded(Date.now() - days * DAY_MS, { clientUserId: 'long_range_user' });
		const range = { startTime: new Date(Date.now() - 80 * DAY_MS).toISOString(), endTime: new Date().toISOString() };
		const { output, context } = await run({ resource: 'sessionRecord', operation: 'getAll', ...range, returnAll: true, options: { clientUserId: 'long_range_user' } });
		expect(output).toHaveLength(daysAgo.length);
		const bodies = context.requests.map((request) => request.body as { StartTimestamp: number; EndTimestamp: number });
		expect(bodies).toHaveLength(3);
		for (const body of bodies) expect(body.EndTimestamp - body.StartTimestamp).toBeLessThanOrEqual(31 * 86_400);
		const ends = output.map((item) => Number(item.json.Timestamp));
		expect([...ends].sort((a, b) => b - a)).toEqual(ends);

		const limited = await run({ resource: 'sessionRecord', operation: 'getAll', ...range, returnAll: false, limit: 2, options: { clientUserId: 'long_range_user' } });
		expect(limited.output.map((item) => item.json.SessionId)).toEqual(output.slice(0, 2).map((item) => item.json.SessionId));
		expect(limited.context.requests).toHaveLength(1);

		// The simulator refuses a longer range the way Desk does.
		const { error } = await runExpectingError({ resource: 'customApiCall', operation: 'call', api: 'desk_http_svc/describe_im_cdr_list', body: JSON.stringify({ StartTimestamp: 0, EndTimestamp: 32 * 86_400 }), options: {} });
		expect(error.message).toBe('Tencent Cloud Desk error 141004: Invalid parameter');
	});

	it('stops at the Limit', async () => {
		const { output } = await run({ resource: 'sessionRecord', operation: 'getAll', ...lastWeek(), returnAll: false, limit: 7, options: {} });
		expect(output).toHaveLength(7);
	});

	it('rejects an end before the start, and a date that is not one, before calling Tencent', async () => {
		const reversed = await runExpectingError({
			resource: 'sessionRecord',
			operation: 'getAll',
			startTime: '2026-11-20T00:00:00Z',
			endTime: '2026-11-19T00:00:00Z',
			returnAll: true,
			options: {},
		});
		expect(reversed.error.message).toBe('End Time is before Start Time');
		const garbage = await runExpectingError({
			resource: 'sessionRecord',
			operation: 'getAll',
			startTime: 'yesterday-ish',
			endTime: '2026-11-19T00:00:00Z',
			returnAll: true,
			options: {},
		});
		expect(garbage.error.message).toBe('Start Time is not a date');
		expect([...reversed.context.requests, ...garbage.context.requests]).toHaveLength(0);
	});
});

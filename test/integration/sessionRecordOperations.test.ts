/**
 * The action node's Session Record → List, through execute() against the simulator over real HTTP:
 * the seeded history, paging with Return All, Limit, and dates checked before calling Tencent.
 */
import { SEED_ENDED_SESSION_COUNT } from '../../dev/simulator/seedData';
import { useDeskOperations } from '../helpers/deskOperations';

jest.setTimeout(60_000);

const desk = useDeskOperations();
const { run, runExpectingError } = desk;

describe('Session Record → List', () => {
	const lastWeek = () => ({
		startTime: new Date(Date.now() - 8 * 86400_000).toISOString(),
		endTime: new Date().toISOString(),
	});

	it('lists every seeded ended session of the last week', async () => {
		const { output, context } = await run({
			resource: 'sessionRecord',
			operation: 'list',
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
			operation: 'list',
			...lastWeek(),
			returnAll: true,
			options: { clientUserId: 'bulk_user' },
		});
		expect(output).toHaveLength(130);
		expect(new Set(output.map((item) => item.json.SessionId)).size).toBe(130);
		expect(output.every((item) => item.json.ClientUserId === 'bulk_user')).toBe(true);
		expect(context.requests).toHaveLength(2);
	});

	it('stops at the Limit', async () => {
		const { output } = await run({ resource: 'sessionRecord', operation: 'list', ...lastWeek(), returnAll: false, limit: 7, options: {} });
		expect(output).toHaveLength(7);
	});

	it('rejects an end before the start, and a date that is not one, before calling Tencent', async () => {
		const reversed = await runExpectingError({
			resource: 'sessionRecord',
			operation: 'list',
			startTime: '2026-11-20T00:00:00Z',
			endTime: '2026-11-19T00:00:00Z',
			returnAll: true,
			options: {},
		});
		expect(reversed.error.message).toBe('End Time is before Start Time');
		const garbage = await runExpectingError({
			resource: 'sessionRecord',
			operation: 'list',
			startTime: 'yesterday-ish',
			endTime: '2026-11-19T00:00:00Z',
			returnAll: true,
			options: {},
		});
		expect(garbage.error.message).toBe('Start Time is not a date');
		expect([...reversed.context.requests, ...garbage.context.requests]).toHaveLength(0);
	});
});

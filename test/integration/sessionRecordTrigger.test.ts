/**
 * The Session Record Trigger's poll() against the simulator over real HTTP, with its static data carried
 * from poll to poll as n8n does: the first-run choices, an outage's 500 records emitted once (paged),
 * a poll cut off mid-paging, 141009 back-off, messages, and Fetch Test Event.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { DeskSimulator } from '../../dev/simulator';
import { startDeskSimulator } from '../../dev/simulator';
import { simulatorCredentials } from '../../dev/simulator/n8nCredential';
import { SEED_ENDED_SESSION_COUNT } from '../../dev/simulator/seedData';
import { TencentCloudDeskSessionRecordTrigger } from '../../nodes/TencentCloudDeskSessionRecordTrigger/TencentCloudDeskSessionRecordTrigger.node';
import { createPollContext, type PollContextOptions } from '../helpers/pollContext';

jest.setTimeout(60_000);

const MINUTE = 60_000;
const trigger = new TencentCloudDeskSessionRecordTrigger();
let simulator: DeskSimulator;

beforeAll(async () => {
	simulator = await startDeskSimulator();
});
afterAll(async () => {
	await simulator?.close();
});
beforeEach(() => simulator.reset());

const fromDate = (msAgo: number, extra: Record<string, unknown> = {}) => ({
	startFrom: 'date',
	startDate: new Date(Date.now() - msAgo).toISOString(),
	includeMessages: false,
	options: { lookBackMinutes: 15 },
	...extra,
});

/** One poll; `staticData` carries the trigger's state to the next. */
async function poll(parameters: Record<string, unknown>, staticData: IDataObject, extra: Partial<PollContextOptions> = {}) {
	const context = createPollContext({ parameters, credentials: simulatorCredentials(simulator), staticData, ...extra });
	const output = await trigger.poll.call(context);
	return { items: (output?.[0] ?? []).map((item: INodeExecutionData) => item.json), output, context };
}

const ids = (items: IDataObject[]) => items.map((item) => item.SessionId as string);
const cdrRequests = (context: { requests: Array<{ url: string; body: unknown }> }) =>
	context.requests.filter((request) => request.url.endsWith('/describe_im_cdr_list')).map((request) => request.body as Record<string, number>);

/** `count` sessions ending over the last ten minutes, oldest first (the last one a second ago). */
function endOverTenMinutes(count: number, prefix: string): string[] {
	const now = Date.now();
	const endTimes = Array.from({ length: count }, (_, index) => now - 1000 - Math.floor(((count - 1 - index) * 10 * MINUTE) / count));
	return endTimes.map((endTime, index) => simulator.sessions.createEnded(endTime, { sessionId: `${prefix}${index}` }).sessionId);
}

describe('Session Record Trigger: poll()', () => {
	it('from a date: every seeded record once, oldest end first, with ISO times; then nothing', async () => {
		const state: IDataObject = {};
		// One parameter set for both polls: a Start Date that changes starts over, by design.
		const parameters = fromDate(8 * 24 * 60 * MINUTE);
		const { items } = await poll(parameters, state);
		expect(items).toHaveLength(SEED_ENDED_SESSION_COUNT);
		expect(new Set(ids(items)).size).toBe(SEED_ENDED_SESSION_COUNT);
		const ends = items.map((item) => Date.parse(item.endTime as string));
		expect(ends).toEqual([...ends].sort((a, b) => a - b));
		for (const item of items) {
			expect(Date.parse(item.startTime as string)).toBe((item.Timestamp as number) * 1000);
			expect(Date.parse(item.endTime as string)).toBe(((item.Timestamp as number) + (item.Duration as number)) * 1000);
			expect(item).toEqual(expect.objectContaining({ EndStatus: expect.any(String), ClientUserId: expect.any(String) }));
		}
		expect((await poll(parameters, state)).output).toBeNull();
	});

	it('an outage: 500 sessions ended over ten minutes, some written behind the cursor, are emitted once, 100 per page, and never again', async () => {
		const state: IDataObject = {};
		const parameters = fromDate(11 * MINUTE);
		expect((await poll(parameters, state)).output).toBeNull();
		const ended = endOverTenMinutes(500, 'outage-');

		const { items, context } = await poll(parameters, state);
		expect(ids(items)).toEqual(ended);
		const pages = cdrRequests(context);
		expect(pages.map((page) => [page.Limit, page.Offset])).toEqual([0, 100, 200, 300, 400].map((offset) => [100, offset]));
		for (let again = 0; again < 3; again++) expect((await poll(parameters, state)).output).toBeNull();
		// Only ids a future window could return are kept: this outage's, not the seed's.
		expect(Object.keys((state.catchUp as { seen: object }).seen).sort()).toEqual([...ended].sort());
	});

	it('a poll cut off in the middle of paging moves nothing; the next one emits every record once', async () => {
		const state: IDataObject = {};
		const parameters = fromDate(11 * MINUTE);
		await poll(parameters, state);
		const before = structuredClone(state);
		const ended = endOverTenMinutes(250, 'cut-');

		await expect(poll(parameters, state, { failRequest: (index) => index === 2 })).rejects.toThrow(/Could not reach/);
		expect(state).toEqual(before);
		expect(ids((await poll(parameters, state)).items)).toEqual(ended);
		expect((await poll(parameters, state)).output).toBeNull();
	});

	it('backs off on 141009 and still reads everything; when retries run out the records come with the next poll', async () => {
		const state: IDataObject = {};
		const parameters = fromDate(11 * MINUTE);
		await poll(parameters, state);
		const ended = endOverTenMinutes(120, 'busy-');

		simulator.faults.failNext(2, 141009);
		const started = Date.now();
		const { items, context } = await poll(parameters, state);
		expect(ids(items)).toEqual(ended);
		expect(cdrRequests(context)).toHaveLength(2 + 2);
		// The transport waits out the rate limit's one-second window before each retry.
		expect(Date.now() - started).toBeGreaterThanOrEqual(1500);

		const more = endOverTenMinutes(3, 'later-');
		simulator.faults.failNext(1, 141009);
		const noRetries = { ...parameters, options: { lookBackMinutes: 15, maxRetries: 0 } };
		await expect(poll(noRetries, state)).rejects.toThrow(/141009/);
		expect(ids((await poll(noRetries, state)).items)).toEqual(more);
	});

	it('Start From Now: sessions that ended before the first poll are left out, later ones emitted', async () => {
		const state: IDataObject = {};
		const parameters = { startFrom: 'now', includeMessages: false, options: {} };
		endOverTenMinutes(5, 'before-');
		expect((await poll(parameters, state)).output).toBeNull();
		const after = simulator.sessions.createEnded(Date.now() + 1000, { sessionId: 'after-0' }).sessionId;
		await new Promise((resolve) => setTimeout(resolve, 2100));
		expect(ids((await poll(parameters, state)).items)).toEqual([after]);
	});

	it('changing the first-run choice starts over from the new one', async () => {
		const state: IDataObject = {};
		await poll({ startFrom: 'now', includeMessages: false, options: {} }, state);
		expect((await poll(fromDate(8 * 24 * 60 * MINUTE), state)).items).toHaveLength(SEED_ENDED_SESSION_COUNT);
	});

	it('Include Messages adds each session’s messages, oldest first, with their text', async () => {
		const state: IDataObject = {};
		const parameters = fromDate(11 * MINUTE, { includeMessages: true });
		await poll(parameters, state);
		const [sessionId] = endOverTenMinutes(1, 'talk-');
		const { items, context } = await poll(parameters, state);
		expect(ids(items)).toEqual([sessionId]);
		const messages = items[0].messages as IDataObject[];
		expect(messages.map((message) => message.FromAccountRole)).toEqual(['User', 'Robot']);
		expect(messages[0]).toEqual(expect.objectContaining({ SessionId: sessionId, messageText: 'How to request a refund?', time: expect.any(String) }));
		expect(context.requests.filter((request) => request.url.endsWith('/describe_chat_messages'))).toHaveLength(1);
	});

	it('Fetch Test Event shows the newest records of the last day without touching the cursor', async () => {
		const state: IDataObject = {};
		const recent = endOverTenMinutes(12, 'recent-');
		const { items } = await poll({ startFrom: 'now', includeMessages: false, options: {} }, state, { mode: 'manual' });
		expect(ids(items)).toEqual(recent.slice(-10).reverse());
		expect(state).toEqual({});
	});
});

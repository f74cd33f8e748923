/**
 * The action node's item scheduler: at most `concurrency` items in flight, results in item order,
 * items with the same key (the Desk object they write to) one after another in item order, the rest
 * overlapping, and no new work after a failure.
 */
import fc from 'fast-check';

import { chainsByKey, mapWithConcurrency } from '../../nodes/shared/mapWithConcurrency';

const tick = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

/** Runs items with the given keys and delays, recording starts, ends and the most in flight. */
async function trace(keys: Array<string | undefined>, delays: number[], concurrency: number) {
	const events: Array<{ index: number; at: 'start' | 'end' }> = [];
	let inFlight = 0;
	let most = 0;
	const results = await mapWithConcurrency(
		keys.length,
		concurrency,
		async (index) => {
			events.push({ index, at: 'start' });
			most = Math.max(most, ++inFlight);
			await tick(delays[index]);
			inFlight--;
			events.push({ index, at: 'end' });
			return index * 10;
		},
		(index) => keys[index],
	);
	return { results, events, most };
}

/** Whether items sharing a key ran one after another, in index order. */
function keptKeyOrder(keys: Array<string | undefined>, events: Array<{ index: number; at: 'start' | 'end' }>): boolean {
	const running = new Map<string, number>();
	const lastStarted = new Map<string, number>();
	for (const { index, at } of events) {
		const key = keys[index];
		if (key === undefined) continue;
		if (at === 'end') {
			running.delete(key);
			continue;
		}
		if (running.has(key) || (lastStarted.get(key) ?? -1) > index) return false;
		running.set(key, index);
		lastStarted.set(key, index);
	}
	return true;
}

describe('chainsByKey', () => {
	it('puts items with one key into one chain in index order, and each item without a key alone', () => {
		const keys = ['a', undefined, 'b', 'a', undefined, 'b', 'a'];
		expect(chainsByKey(keys.length, (index) => keys[index])).toEqual([[0, 3, 6], [1], [2, 5], [4]]);
	});

	it('without keys, gives one chain per item', () => {
		expect(chainsByKey(3)).toEqual([[0], [1], [2]]);
	});
});

describe('mapWithConcurrency', () => {
	it('without keys, runs up to the concurrency at once and returns results in item order', async () => {
		const { results, most } = await trace(Array(8).fill(undefined), [30, 5, 20, 1, 15, 2, 9, 4], 3);
		expect(results).toEqual([0, 10, 20, 30, 40, 50, 60, 70]);
		expect(most).toBe(3);
	});

	it('runs three messages to one session one after another in item order, however fast each is', async () => {
		const { results, events, most } = await trace(['s1', 's1', 's1'], [30, 1, 10], 5);
		expect(results).toEqual([0, 10, 20]);
		expect(most).toBe(1);
		expect(events.map(({ index, at }) => `${at}${index}`)).toEqual(['start0', 'end0', 'start1', 'end1', 'start2', 'end2']);
	});

	it('still overlaps items for different sessions, and items without a key', async () => {
		const keys = ['s1', 's2', 's1', 's2', undefined, undefined];
		const { events, most } = await trace(keys, [20, 20, 20, 20, 20, 20], 5);
		expect(keptKeyOrder(keys, events)).toBe(true);
		expect(most).toBe(4); // s1, s2 and the two without a key
	});

	it('keeps the key order and the bound for any keys, delays and concurrency', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.array(fc.tuple(fc.option(fc.constantFrom('a', 'b', 'c'), { nil: undefined }), fc.integer({ min: 0, max: 4 })), { maxLength: 12 }),
				fc.integer({ min: 1, max: 6 }),
				async (items, concurrency) => {
					const keys = items.map(([key]) => key);
					const { results, events, most } = await trace(keys, items.map(([, delay]) => delay), concurrency);
					expect(results).toEqual(keys.map((_, index) => index * 10));
					expect(keptKeyOrder(keys, events)).toBe(true);
					expect(most).toBeLessThanOrEqual(concurrency);
				},
			),
			{ numRuns: 60 },
		);
	});

	it('after a failure starts nothing new, not even the next item of the same key, and throws the first error', async () => {
		const started: number[] = [];
		const keys = ['s1', 's1', 's2', 's2'];
		const run = mapWithConcurrency(
			keys.length,
			2,
			async (index) => {
				started.push(index);
				await tick(index === 0 ? 1 : 20);
				if (index === 0) throw new Error('item 0 failed');
				return index;
			},
			(index) => keys[index],
		);
		await expect(run).rejects.toThrow('item 0 failed');
		expect(started.sort()).toEqual([0, 2]);
	});
});

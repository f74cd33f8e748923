import fc from 'fast-check';

import { DeliveryDeduplicator, deduplicatorFor } from '../../nodes/shared/deliveryDeduplicator';

const WINDOW = 10 * 60_000;
const T0 = 1_725_540_020_000;

describe('DeliveryDeduplicator', () => {
	it('lets the first delivery through and drops a repeat inside the window', () => {
		const dedup = new DeliveryDeduplicator();
		expect(dedup.firstDelivery('req-1', T0, WINDOW)).toBe(true);
		expect(dedup.firstDelivery('req-1', T0, WINDOW)).toBe(false);
		expect(dedup.firstDelivery('req-1', T0 + WINDOW - 1, WINDOW)).toBe(false);
		expect(dedup.firstDelivery('req-2', T0 + 1, WINDOW)).toBe(true);
	});

	it('a repeat does not extend the window', () => {
		const dedup = new DeliveryDeduplicator();
		dedup.firstDelivery('req-1', T0, WINDOW);
		expect(dedup.firstDelivery('req-1', T0 + WINDOW / 2, WINDOW)).toBe(false);
		expect(dedup.firstDelivery('req-1', T0 + WINDOW, WINDOW)).toBe(true);
	});

	it('forgets an id when its window has passed, then remembers it again', () => {
		const dedup = new DeliveryDeduplicator();
		expect(dedup.firstDelivery('req-1', T0, WINDOW)).toBe(true);
		expect(dedup.firstDelivery('req-1', T0 + WINDOW, WINDOW)).toBe(true);
		expect(dedup.firstDelivery('req-1', T0 + WINDOW + 1, WINDOW)).toBe(false);
		expect(dedup.firstDelivery('req-1', T0 + 2 * WINDOW + 1, WINDOW)).toBe(true);
	});

	it('prunes expired ids on the next call, keeping the live ones', () => {
		const dedup = new DeliveryDeduplicator();
		for (let i = 0; i < 50; i++) dedup.firstDelivery(`old-${i}`, T0 + i, WINDOW);
		for (let i = 0; i < 5; i++) dedup.firstDelivery(`new-${i}`, T0 + WINDOW / 2 + i, WINDOW);
		expect(dedup.size).toBe(55);
		// All `old-*` have expired by now; the `new-*` have not.
		expect(dedup.firstDelivery('latest', T0 + WINDOW + 100, WINDOW)).toBe(true);
		expect(dedup.size).toBe(6);
		for (let i = 0; i < 5; i++) expect(dedup.firstDelivery(`new-${i}`, T0 + WINDOW + 100, WINDOW)).toBe(false);
		expect(dedup.firstDelivery('old-0', T0 + WINDOW + 100, WINDOW)).toBe(true);
	});

	it('prunes an id exactly when its window ends', () => {
		const dedup = new DeliveryDeduplicator();
		dedup.firstDelivery('a', T0, WINDOW);
		dedup.firstDelivery('b', T0 + WINDOW - 1, WINDOW);
		expect(dedup.size).toBe(2);
		dedup.firstDelivery('c', T0 + WINDOW, WINDOW);
		expect(dedup.size).toBe(2);
	});

	it('behaves like a simple model for any sequence of deliveries', () => {
		const step = fc.record({ id: fc.constantFrom('a', 'b', 'c', 'd'), advance: fc.integer({ min: 0, max: WINDOW / 3 }) });
		fc.assert(
			fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
				const dedup = new DeliveryDeduplicator();
				const firstSeenAt = new Map<string, number>();
				let now = T0;
				for (const { id, advance } of steps) {
					now += advance;
					const seen = firstSeenAt.get(id);
					const expected = seen === undefined || now - seen >= WINDOW;
					if (expected) firstSeenAt.set(id, now);
					expect(dedup.firstDelivery(id, now, WINDOW)).toBe(expected);
				}
			}),
			{ seed: 77, numRuns: 300 },
		);
	});

	it('keeps at most 100,000 ids, forgetting the oldest first', () => {
		const dedup = new DeliveryDeduplicator();
		for (let i = 0; i <= 100_000; i++) dedup.firstDelivery(`id-${i}`, T0, WINDOW);
		expect(dedup.size).toBe(100_000);
		expect(dedup.firstDelivery('id-100000', T0, WINDOW)).toBe(false);
		expect(dedup.firstDelivery('id-1', T0, WINDOW)).toBe(false);
		expect(dedup.firstDelivery('id-0', T0, WINDOW)).toBe(true);
	});

	it('exactly one of many concurrent callers with the same RequestID wins', async () => {
		const dedup = new DeliveryDeduplicator();
		const results = await Promise.all(
			Array.from({ length: 200 }, async (_unused, i) => {
				await new Promise((resolve) => setImmediate(resolve));
				return dedup.firstDelivery('same-request', T0 + (i % 3), WINDOW);
			}),
		);
		expect(results.filter(Boolean)).toHaveLength(1);
		expect(dedup.size).toBe(1);
	});
});

describe('deduplicatorFor', () => {
	it('returns one shared memory per key and separate ones for different keys', () => {
		const a = deduplicatorFor('wf-dedup-test:node-1');
		expect(deduplicatorFor('wf-dedup-test:node-1')).toBe(a);
		const b = deduplicatorFor('wf-dedup-test:node-2');
		expect(b).not.toBe(a);
		expect(a.firstDelivery('req-x', T0, WINDOW)).toBe(true);
		expect(deduplicatorFor('wf-dedup-test:node-1').firstDelivery('req-x', T0, WINDOW)).toBe(false);
		expect(b.firstDelivery('req-x', T0, WINDOW)).toBe(true);
	});
});

/**
 * The one percentile implementation (stats.ts, an HDR histogram) and the one load generator
 * (loadGenerator.ts, also behind the queue harness's sendBurst), against a tiny server on 127.0.0.1.
 */
import http from 'http';
import type { AddressInfo } from 'net';
import { performance } from 'perf_hooks';

import { sendBurst, uniqueDeliveries } from '../../queue/burst';
import { startDeskSimulator } from '../../../simulator';
import { mergeLoads, runLoad, type LoadClock, type SendOutcome } from '../../loadGenerator';
import { Histogram, median, percentile } from '../../stats';

/** Within HDR's 3 significant digits: a bucket's upper bound is at most 0.1 % above the value. */
function near(actual: number, expected: number): void {
	expect(actual).toBeGreaterThanOrEqual(expected);
	expect((actual - expected) / expected).toBeLessThan(0.001);
}

describe('percentile (HDR histogram)', () => {
	it('is nearest-rank: p50, p99 and the exact maximum of 1..100 in any order', () => {
		const values = Array.from({ length: 100 }, (_, i) => 100 - i);
		near(percentile(values, 50), 50);
		near(percentile(values, 99), 99);
		expect(percentile(values, 100)).toBe(100);
		near(median([5, 1, 3]), 3);
		near(median([4, 1, 3, 2]), 2);
		expect(percentile([7], 99)).toBe(7);
	});

	it('is NaN with nothing recorded', () => {
		expect(percentile([], 50)).toBeNaN();
		expect(new Histogram().percentile(100)).toBeNaN();
	});

	it('keeps sub-millisecond latencies to the microsecond and large values to 0.1 %', () => {
		expect(percentile([0.123, 0.456, 1.5], 50)).toBe(0.456);
		expect(percentile([0.123, 0.456, 1.5], 100)).toBe(1.5);
		near(percentile([123_456.789, 1], 50), 1);
		near(percentile([123_456.789, 1, 200_000], 50), 123_456.789);
		expect(percentile([123_456.789, 1], 100)).toBeCloseTo(123_456.789, 3);
	});

	it('merges histograms as if all values were recorded in one', () => {
		const a = [3, 9, 27, 81];
		const b = [2, 4, 8, 16, 32, 64];
		const merged = new Histogram(a);
		merged.add(new Histogram(b));
		expect(merged.count).toBe(10);
		for (const p of [50, 90, 99, 100]) expect(merged.percentile(p)).toBe(percentile([...a, ...b], p));
	});
});

describe('runLoad', () => {
	let server: http.Server;
	let url: string;
	let inFlight = 0;
	let maxInFlight = 0;
	const bodies: string[] = [];
	const urls: string[] = [];

	beforeAll(async () => {
		server = http.createServer((req, res) => {
			inFlight++;
			urls.push(req.url ?? '');
			maxInFlight = Math.max(maxInFlight, inFlight);
			const chunks: Buffer[] = [];
			req.on('data', (chunk: Buffer) => chunks.push(chunk));
			req.on('end', () => {
				const body = Buffer.concat(chunks).toString('utf8');
				bodies.push(body);
				const { index, hang } = JSON.parse(body) as { index: number; hang?: boolean };
				if (hang) return; // never answered: the request's timeout has to end it
				setTimeout(() => {
					inFlight--;
					res.statusCode = index % 10 === 3 ? 503 : 200;
					res.end('ok');
				}, 2);
			});
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/callback`;
	});

	afterAll(async () => {
		server.closeAllConnections();
		await new Promise((resolve) => server.close(resolve));
	});

	beforeEach(() => {
		inFlight = 0;
		maxInFlight = 0;
		bodies.length = 0;
		urls.length = 0;
	});

	/** POST `{ index, ...extra }` with the generator's timeout. */
	const post =
		(extra: (index: number) => object = () => ({})) =>
		async (index: number, timeoutMs: number): Promise<SendOutcome & { index: number }> => {
			const started = performance.now();
			try {
				const response = await fetch(url, {
					method: 'POST',
					body: JSON.stringify({ index, ...extra(index) }),
					signal: AbortSignal.timeout(timeoutMs),
				});
				await response.text();
				return { index, status: response.status, latencyMs: performance.now() - started };
			} catch (error) {
				return { index, status: null, latencyMs: performance.now() - started, error: (error as Error).message };
			}
		};

	it('sends exactly `count` distinct POSTs, at most `concurrency` at once, and keeps every outcome', async () => {
		const progress: number[] = [];
		const run = await runLoad({ count: 40, concurrency: 4, onProgress: (done) => progress.push(done) }, post());
		expect(bodies).toHaveLength(40);
		expect(new Set(bodies).size).toBe(40);
		expect(maxInFlight).toBeLessThanOrEqual(4);
		expect(run.outcomes.map((outcome) => outcome.index)).toEqual(Array.from({ length: 40 }, (_, i) => i));
		expect(run.byStatus).toEqual({ '200': 36, '503': 4 });
		expect(run.ok).toBe(36);
		expect(run.errors).toEqual(['HTTP 503', 'HTTP 503', 'HTTP 503', 'HTTP 503']);
		expect(progress).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
		expect(run.latencies.count).toBe(40);
		expect(run.p50Ms).toBeGreaterThan(0);
		expect(run.p99Ms).toBeGreaterThanOrEqual(run.p50Ms);
		expect(run.maxMs).toBe(Math.max(...run.outcomes.map((outcome) => Math.round(outcome.latencyMs * 1000) / 1000)));
		expect(run.requestsPerSecond).toBeCloseTo(40 / (run.durationMs / 1000), 6);
	});

	it('bounds each request by timeoutMs: an unanswered one fails, the rest go on', async () => {
		const started = performance.now();
		const run = await runLoad({ count: 6, concurrency: 2, timeoutMs: 300 }, post((index) => ({ hang: index === 1 })));
		expect(performance.now() - started).toBeLessThan(5_000);
		expect(run.byStatus).toEqual({ '200': 4, '503': 1, failed: 1 });
		expect(run.outcomes[1].status).toBeNull();
		expect([...run.errors].sort()).toEqual(['HTTP 503', expect.stringMatching(/abort|time/i)]);
	});

	it('stops starting requests when a send throws, and rethrows', async () => {
		let started = 0;
		const send = async (index: number) => {
			started++;
			if (index === 2) throw new Error('boom');
			await new Promise((resolve) => setTimeout(resolve, 5));
			return { status: 200, latencyMs: 5 };
		};
		await expect(runLoad({ count: 100, concurrency: 2 }, send)).rejects.toThrow('boom');
		expect(started).toBeLessThan(10);
	});

	it('merges runs into one result without the per-request outcomes', async () => {
		const a = await runLoad({ count: 10, concurrency: 2 }, post());
		const b = await runLoad({ count: 10, concurrency: 5 }, post());
		const merged = mergeLoads([a, b]);
		expect(merged).not.toHaveProperty('outcomes');
		expect(merged.count).toBe(20);
		expect(merged.byStatus).toEqual({ '200': 18, '503': 2 });
		expect(merged.maxMs).toBe(Math.max(a.maxMs, b.maxMs));
		expect(merged.durationMs).toBeCloseTo(a.durationMs + b.durationMs, 6);
		expect(JSON.parse(JSON.stringify(merged))).toEqual(merged);
	});

	it('is what sendBurst sends: signed simulator callbacks with the RequestIDs chosen', async () => {
		const simulator = await startDeskSimulator({ seed: false });
		try {
			const deliveries = uniqueDeliveries('unit', 12, (index) => ({ index }));
			const burst = await sendBurst(simulator, url, deliveries, 3);
			expect(burst.outcomes.map((outcome) => outcome.requestId)).toEqual(deliveries.map((delivery) => delivery.requestId));
			expect(burst.acked).toBe(burst.outcomes.filter((outcome) => outcome.status === 200).length);
			expect(burst.acked).toBe(11);
			expect(burst.outcomes.every((outcome) => outcome.responseText === 'ok')).toBe(true);
			const queries = urls.map((sent) => new URL(sent, url).searchParams);
			expect(queries.map((query) => query.get('RequestID')).sort()).toEqual(deliveries.map((delivery) => delivery.requestId).sort());
			expect(queries.every((query) => query.get('Sign') && query.get('RequestTime'))).toBe(true);
			expect(burst.perSecond).toBeCloseTo(12 / (burst.durationMs / 1000), 6);
			expect(burst.maxMs).toBeGreaterThanOrEqual(burst.p99Ms);
			expect(maxInFlight).toBeLessThanOrEqual(3);
		} finally {
			await simulator.close();
		}
	});
});

/**
 * A clock that moves only when the test says so: sleepers wake in time order as `advanceTo` passes their
 * time, and every promise they unblock settles before the clock moves on. No wall-clock assertions.
 */
class FakeClock implements LoadClock {
	private time = 0;
	private sleepers: { at: number; wake: () => void }[] = [];

	now = (): number => this.time;

	sleep = (ms: number): Promise<void> => new Promise((wake) => this.sleepers.push({ at: this.time + ms, wake }));

	async advanceTo(target: number): Promise<void> {
		await settle();
		for (;;) {
			const next = this.sleepers.filter((sleeper) => sleeper.at <= target).sort((a, b) => a.at - b.at)[0];
			if (!next) break;
			this.sleepers = this.sleepers.filter((sleeper) => sleeper !== next);
			this.time = Math.max(this.time, next.at);
			next.wake();
			await settle();
		}
		this.time = Math.max(this.time, target);
		await settle();
	}
}

/** Lets every pending promise callback run (a macrotask turn; not a timing assumption). */
const settle = () => new Promise((resolve) => setImmediate(resolve));

/** A send that records when (on the fake clock) each request started and answers only when released. */
function heldSends(clock: FakeClock) {
	const starts: number[] = [];
	const releases = new Map<number, () => void>();
	const send = (index: number): Promise<SendOutcome> => {
		const startedAt = clock.now();
		starts[index] = startedAt;
		return new Promise((resolve) => releases.set(index, () => resolve({ status: 200, latencyMs: clock.now() - startedAt })));
	};
	const release = (index: number) => {
		const answer = releases.get(index);
		if (!answer) throw new Error(`request ${index} has not started`);
		releases.delete(index);
		answer();
	};
	return { starts, send, release, pending: () => [...releases.keys()] };
}

describe('runLoad with ratePerSecond (open loop)', () => {
	it('starts request i at i / rate seconds whether or not earlier ones were answered', async () => {
		const clock = new FakeClock();
		const held = heldSends(clock);
		const running = runLoad({ count: 5, concurrency: 100, ratePerSecond: 10, clock }, held.send);

		await clock.advanceTo(250);
		expect(held.starts).toEqual([0, 100, 200]);
		await clock.advanceTo(1_000);
		// All five started on schedule while none had been answered.
		expect(held.starts).toEqual([0, 100, 200, 300, 400]);
		expect(held.pending()).toEqual([0, 1, 2, 3, 4]);

		for (const index of [4, 0, 2, 1, 3]) held.release(index);
		const run = await running;
		expect(run.ok).toBe(5);
		expect(run.outcomes.map((outcome) => outcome.latencyMs)).toEqual([1_000, 900, 800, 700, 600]);
		expect(run.pacing).toEqual({ ratePerSecond: 10, maxStartLagMs: 0, lateStarts: 0, startSpanMs: 400 });
		expect(run.durationMs).toBe(1_000);
	});

	it('keeps the concurrency cap: a request that finds it reached starts late, and the lag is reported', async () => {
		const clock = new FakeClock();
		const held = heldSends(clock);
		const running = runLoad({ count: 4, concurrency: 2, ratePerSecond: 100, clock }, held.send);

		await clock.advanceTo(100);
		expect(held.starts).toEqual([0, 10]);
		held.release(0);
		await settle();
		// Due at 20 ms, started when a slot freed at 100 ms.
		expect(held.starts).toEqual([0, 10, 100]);
		await clock.advanceTo(150);
		held.release(1);
		await settle();
		expect(held.starts).toEqual([0, 10, 100, 150]);
		held.release(2);
		held.release(3);
		const run = await running;
		expect(run.pacing).toEqual({ ratePerSecond: 100, maxStartLagMs: 120, lateStarts: 2, startSpanMs: 150 });
	});

	it('never starts more than `count`, even with time to spare', async () => {
		const clock = new FakeClock();
		const held = heldSends(clock);
		const running = runLoad({ count: 3, concurrency: 10, ratePerSecond: 50, clock }, held.send);
		await clock.advanceTo(10_000);
		expect(held.starts).toEqual([0, 20, 40]);
		for (const index of held.pending()) held.release(index);
		expect((await running).count).toBe(3);
	});

	it('stops starting requests when a send throws, and rethrows', async () => {
		const clock = new FakeClock();
		let started = 0;
		const send = async (index: number): Promise<SendOutcome> => {
			started++;
			if (index === 2) throw new Error('boom');
			return { status: 200, latencyMs: 1 };
		};
		const running = runLoad({ count: 100, concurrency: 10, ratePerSecond: 100, clock }, send);
		const outcome = expect(running).rejects.toThrow('boom');
		await clock.advanceTo(2_000);
		await outcome;
		expect(started).toBe(3);
	});

	it('refuses a rate that is not a positive number', async () => {
		for (const ratePerSecond of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
			await expect(runLoad({ count: 1, concurrency: 1, ratePerSecond }, async () => ({ status: 200, latencyMs: 1 }))).rejects.toThrow(/ratePerSecond/);
		}
	});

	it('paces real requests on the real clock: every outcome kept, never ahead of schedule', async () => {
		const server = http.createServer((_req, res) => res.end('ok'));
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const target = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
		try {
			const send = async (_index: number, timeoutMs: number): Promise<SendOutcome> => {
				const started = performance.now();
				const response = await fetch(target, { method: 'POST', body: '{}', signal: AbortSignal.timeout(timeoutMs) });
				await response.text();
				return { status: response.status, latencyMs: performance.now() - started };
			};
			const run = await runLoad({ count: 6, concurrency: 6, ratePerSecond: 200, timeoutMs: 5_000 }, send);
			expect(run.byStatus).toEqual({ '200': 6 });
			// A lower bound only: the last request cannot start before its scheduled 25 ms.
			expect(run.pacing?.startSpanMs).toBeGreaterThanOrEqual(25);
			expect(run.pacing?.ratePerSecond).toBe(200);
		} finally {
			server.closeAllConnections();
			await new Promise((resolve) => server.close(resolve));
		}
	});
});

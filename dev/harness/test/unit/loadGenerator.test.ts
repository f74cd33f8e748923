/**
 * The one percentile implementation (stats.ts, an HDR histogram) and the one load generator
 * (loadGenerator.ts, also behind the queue harness's sendBurst), against a tiny server on 127.0.0.1.
 */
import http from 'http';
import type { AddressInfo } from 'net';
import { performance } from 'perf_hooks';

import { sendBurst, uniqueDeliveries } from '../../queue/burst';
import { startDeskSimulator } from '../../../simulator';
import { mergeLoads, runLoad, type SendOutcome } from '../../loadGenerator';
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

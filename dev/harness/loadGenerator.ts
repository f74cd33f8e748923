/**
 * The one load generator of the dev tools (the bench and the queue harness): `count` requests, at most
 * `concurrency` in flight, each given `timeoutMs`, so a load is bounded in count and in time. What a request
 * is (and how it is signed) is the caller's `send`; each outcome is kept, its latency in a histogram.
 *
 * Closed loop by default: each of `concurrency` lanes sends its next request when the previous one is
 * answered. With `ratePerSecond`, open loop: request i starts at i / ratePerSecond seconds after the first,
 * whether or not earlier ones were answered (Desk does not wait for one callback's answer before sending the
 * next). `concurrency` then only caps requests in flight: a request that finds the cap reached starts late,
 * and the lag is reported (`pacing.maxStartLagMs`); pick a cap of at least ratePerSecond × timeoutMs / 1000
 * and it is never reached.
 */
import { performance } from 'perf_hooks';
import { setTimeout as sleep } from 'timers/promises';

import { Histogram } from './stats';

export interface SendOutcome {
	/** HTTP status, or null when the request failed (refused, timed out). */
	status: number | null;
	latencyMs: number;
	error?: string;
}

export interface LoadOptions {
	count: number;
	concurrency: number;
	/** Each request's time limit, handed to `send`, which must honour it (default 30 s). */
	timeoutMs?: number;
	/** After each answer, with how many are answered so far (e.g. to kill a worker mid-load). */
	onProgress?: (done: number) => void;
	/** Open loop: start request i at i / ratePerSecond s after the first, regardless of answers (see above). */
	ratePerSecond?: number;
	/** Time source for the open-loop schedule (tests pass a fake one); default performance.now and timers. */
	clock?: LoadClock;
}

/** What the open-loop schedule reads the time from and waits with. */
export interface LoadClock {
	/** Milliseconds on a monotonic clock. */
	now(): number;
	/** Resolves once `ms` milliseconds have passed on that clock. */
	sleep(ms: number): Promise<void>;
}

const REAL_CLOCK: LoadClock = { now: () => performance.now(), sleep: async (ms) => void (await sleep(ms)) };

/** How an open-loop run kept to its schedule. */
export interface LoadPacing {
	ratePerSecond: number;
	/** The most any request started after its scheduled time (0 when the schedule was kept). */
	maxStartLagMs: number;
	/** Requests that started more than 10 ms late (the in-flight cap was reached, or this process was busy). */
	lateStarts: number;
	/** From the first start to the last start. */
	startSpanMs: number;
}

export interface LoadResult {
	count: number;
	concurrency: number;
	durationMs: number;
	/** Answered requests per second (any status). */
	requestsPerSecond: number;
	p50Ms: number;
	p99Ms: number;
	maxMs: number;
	byStatus: Record<string, number>;
	/** Answered with HTTP 200. */
	ok: number;
	/** First few failures, for the report. */
	errors: string[];
	/** performance.now() when the first request started (to line up with other clocks). */
	startedAt: number;
	/** Open-loop runs (`ratePerSecond`) only. */
	pacing?: LoadPacing;
}

/** A run with every outcome (index order) and its latencies, for merging runs; kept out of LoadResult so reports stay small. */
export type LoadRun<T extends SendOutcome = SendOutcome> = LoadResult & { outcomes: T[]; latencies: Histogram };

/** The figures every load result carries, from its raw parts. */
function summarize(
	latencies: Histogram,
	byStatus: Record<string, number>,
	parts: Pick<LoadResult, 'count' | 'concurrency' | 'durationMs' | 'errors' | 'startedAt'>,
): LoadResult {
	return {
		...parts,
		requestsPerSecond: parts.count / (parts.durationMs / 1000),
		p50Ms: latencies.percentile(50),
		p99Ms: latencies.percentile(99),
		maxMs: latencies.percentile(100),
		byStatus,
		ok: byStatus['200'] ?? 0,
	};
}

/** One LoadResult from several runs of the same side (rounds interleaved with other sides). */
export function mergeLoads(runs: LoadRun[]): LoadResult {
	const latencies = new Histogram();
	const byStatus: Record<string, number> = {};
	for (const run of runs) {
		latencies.add(run.latencies);
		for (const [status, n] of Object.entries(run.byStatus)) byStatus[status] = (byStatus[status] ?? 0) + n;
	}
	return summarize(latencies, byStatus, {
		count: runs.reduce((sum, run) => sum + run.count, 0),
		concurrency: runs[0]?.concurrency ?? 0,
		durationMs: runs.reduce((sum, run) => sum + run.durationMs, 0),
		errors: runs.flatMap((run) => run.errors).slice(0, 5),
		startedAt: runs[0]?.startedAt ?? 0,
	});
}

/** A start later than this after its scheduled time counts as late. */
export const LATE_START_MS = 10;

/** Runs the load; if a `send` throws, no further request starts and the error is rethrown once those in flight are done. */
export async function runLoad<T extends SendOutcome>(
	options: LoadOptions,
	send: (index: number, timeoutMs: number) => Promise<T>,
): Promise<LoadRun<T>> {
	const { count, concurrency, timeoutMs = 30_000, onProgress, ratePerSecond, clock = REAL_CLOCK } = options;
	if (ratePerSecond !== undefined && !(Number.isFinite(ratePerSecond) && ratePerSecond > 0)) {
		throw new Error(`runLoad: ratePerSecond must be a positive number, got ${ratePerSecond}`);
	}
	const outcomes = new Array<T>(count);
	const latencies = new Histogram();
	const byStatus: Record<string, number> = {};
	const errors: string[] = [];
	let done = 0;
	let thrown: { error: unknown } | undefined;
	/** Sends one request and records its outcome; false when `send` threw. */
	const sendOne = async (index: number): Promise<boolean> => {
		let outcome: T;
		try {
			outcome = await send(index, timeoutMs);
		} catch (error) {
			thrown ??= { error };
			return false;
		}
		outcomes[index] = outcome;
		latencies.record(outcome.latencyMs);
		const key = outcome.status === null ? 'failed' : String(outcome.status);
		byStatus[key] = (byStatus[key] ?? 0) + 1;
		if ((outcome.status !== 200 || outcome.error) && errors.length < 5) errors.push(outcome.error ?? `HTTP ${outcome.status}`);
		onProgress?.(++done);
		return true;
	};
	const cap = Math.max(1, Math.min(concurrency, count));
	const startedAt = clock.now();
	let pacing: LoadPacing | undefined;
	if (ratePerSecond === undefined) {
		let next = 0;
		const lane = async () => {
			while (next < count && !thrown) if (!(await sendOne(next++))) return;
		};
		await Promise.all(Array.from({ length: cap }, lane));
	} else {
		pacing = await openLoop(count, cap, ratePerSecond, clock, startedAt, sendOne, () => thrown !== undefined);
	}
	if (thrown) throw thrown.error;
	const durationMs = clock.now() - startedAt;
	return {
		...summarize(latencies, byStatus, { count, concurrency, durationMs, errors, startedAt }),
		...(pacing && { pacing }),
		outcomes,
		latencies,
	};
}

/**
 * The open-loop schedule: one dispatcher waits for each request's start time (and, only when `cap` requests
 * are in flight, for one of them to end), starts it without waiting for its answer, and goes on.
 */
async function openLoop(
	count: number,
	cap: number,
	ratePerSecond: number,
	clock: LoadClock,
	startedAt: number,
	sendOne: (index: number) => Promise<boolean>,
	stopped: () => boolean,
): Promise<LoadPacing> {
	const intervalMs = 1000 / ratePerSecond;
	const inFlight = new Set<Promise<boolean>>();
	let maxStartLagMs = 0;
	let lateStarts = 0;
	let lastStart = 0;
	for (let index = 0; index < count && !stopped(); index++) {
		const dueMs = index * intervalMs;
		// Timers may fire a fraction of a millisecond early: wait again until the start time has come.
		for (let waitMs = dueMs - (clock.now() - startedAt); waitMs > 0; waitMs = dueMs - (clock.now() - startedAt)) await clock.sleep(waitMs);
		while (inFlight.size >= cap && !stopped()) await Promise.race(inFlight);
		if (stopped()) break;
		lastStart = clock.now() - startedAt;
		const lagMs = Math.max(0, lastStart - dueMs);
		maxStartLagMs = Math.max(maxStartLagMs, lagMs);
		if (lagMs > LATE_START_MS) lateStarts++;
		const request: Promise<boolean> = sendOne(index).finally(() => inFlight.delete(request));
		inFlight.add(request);
	}
	await Promise.all(inFlight);
	return { ratePerSecond, maxStartLagMs, lateStarts, startSpanMs: lastStart };
}

/**
 * The one load generator of the dev tools (the bench and the queue harness): `count` requests, at most
 * `concurrency` in flight, each given `timeoutMs`, so a load is bounded in count and in time. What a request
 * is (and how it is signed) is the caller's `send`; each outcome is kept, its latency in a histogram.
 */
import { performance } from 'perf_hooks';

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

/** Runs the load; if a `send` throws, no further request starts and the error is rethrown once those in flight are done. */
export async function runLoad<T extends SendOutcome>(
	options: LoadOptions,
	send: (index: number, timeoutMs: number) => Promise<T>,
): Promise<LoadRun<T>> {
	const { count, concurrency, timeoutMs = 30_000, onProgress } = options;
	const outcomes = new Array<T>(count);
	const latencies = new Histogram();
	const byStatus: Record<string, number> = {};
	const errors: string[] = [];
	let next = 0;
	let done = 0;
	let thrown: { error: unknown } | undefined;
	const lane = async () => {
		while (next < count && !thrown) {
			const index = next++;
			let outcome: T;
			try {
				outcome = await send(index, timeoutMs);
			} catch (error) {
				thrown ??= { error };
				return;
			}
			outcomes[index] = outcome;
			latencies.record(outcome.latencyMs);
			const key = outcome.status === null ? 'failed' : String(outcome.status);
			byStatus[key] = (byStatus[key] ?? 0) + 1;
			if ((outcome.status !== 200 || outcome.error) && errors.length < 5) errors.push(outcome.error ?? `HTTP ${outcome.status}`);
			onProgress?.(++done);
		}
	};
	const startedAt = performance.now();
	await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, count)) }, lane));
	if (thrown) throw thrown.error;
	const durationMs = performance.now() - startedAt;
	return { ...summarize(latencies, byStatus, { count, concurrency, durationMs, errors, startedAt }), outcomes, latencies };
}

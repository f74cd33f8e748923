/**
 * A bounded load generator: `count` requests, at most `concurrency` in flight, each one's latency
 * recorded. What a request is (and how it is signed) is the caller's `send`.
 */
import { performance } from 'perf_hooks';

import { percentile } from './stats';

export interface SendOutcome {
	/** HTTP status, or null when the request failed (refused, timed out). */
	status: number | null;
	latencyMs: number;
	error?: string;
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

/** Every request's latency, for merging runs (kept out of LoadResult so reports stay small). */
export type LoadRun = LoadResult & { latenciesMs: number[] };

/** The figures every load result carries, from its raw parts. */
function summarize(
	latencies: number[],
	byStatus: Record<string, number>,
	parts: Pick<LoadResult, 'count' | 'concurrency' | 'durationMs' | 'errors' | 'startedAt'>,
): LoadResult {
	return {
		...parts,
		requestsPerSecond: parts.count / (parts.durationMs / 1000),
		p50Ms: percentile(latencies, 50),
		p99Ms: percentile(latencies, 99),
		maxMs: percentile(latencies, 100),
		byStatus,
		ok: byStatus['200'] ?? 0,
	};
}

/** One LoadResult from several runs of the same side (rounds interleaved with other sides). */
export function mergeLoads(runs: LoadRun[]): LoadResult {
	const latencies = runs.flatMap((run) => run.latenciesMs);
	const byStatus: Record<string, number> = {};
	for (const run of runs) for (const [status, n] of Object.entries(run.byStatus)) byStatus[status] = (byStatus[status] ?? 0) + n;
	const count = runs.reduce((sum, run) => sum + run.count, 0);
	const durationMs = runs.reduce((sum, run) => sum + run.durationMs, 0);
	return summarize(latencies, byStatus, {
		count,
		concurrency: runs[0]?.concurrency ?? 0,
		durationMs,
		errors: runs.flatMap((run) => run.errors).slice(0, 5),
		startedAt: runs[0]?.startedAt ?? 0,
	});
}

export async function runLoad(count: number, concurrency: number, send: (index: number) => Promise<SendOutcome>): Promise<LoadRun> {
	const latencies: number[] = new Array<number>(count);
	const byStatus: Record<string, number> = {};
	const errors: string[] = [];
	let next = 0;
	const lane = async () => {
		while (next < count) {
			const index = next++;
			const outcome = await send(index);
			latencies[index] = outcome.latencyMs;
			const key = outcome.status === null ? 'failed' : String(outcome.status);
			byStatus[key] = (byStatus[key] ?? 0) + 1;
			if ((outcome.status !== 200 || outcome.error) && errors.length < 5) errors.push(outcome.error ?? `HTTP ${outcome.status}`);
		}
	};
	const startedAt = performance.now();
	await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, count)) }, lane));
	const durationMs = performance.now() - startedAt;
	return { ...summarize(latencies, byStatus, { count, concurrency, durationMs, errors, startedAt }), latenciesMs: latencies };
}

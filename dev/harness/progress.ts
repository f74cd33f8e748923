/**
 * Progress lines for long, otherwise silent steps (the cold n8n install): every `intervalMs` a line with the
 * phase, the elapsed time, what is on disk so far (bytes and packages in the install folder) against the
 * totals of a measured reference run, and the time left estimated from that run.
 * Dev tooling only (nodes/ must not use timers).
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import type { Logger } from './log';

/** What the step looked like when it was measured. */
export interface ProgressExpectation {
	/** Wall time of the step, in seconds; of its extraction only, when `resolveSeconds` is given. */
	seconds: number;
	/** Time before the first package appeared on disk (npm resolving the tree), in seconds. */
	resolveSeconds?: number;
	/** `du -sb` of the folder at the end. */
	bytes?: number;
	/** Packages in the folder's `node_modules` at the end, as `countPackages` counts them. */
	packages?: number;
	/**
	 * Measured `[seconds, bytes on disk]` points, ascending, ending at `[seconds, bytes]`; seconds count from the
	 * first package on disk when `resolveSeconds` is given, else from the start of the step.
	 */
	curve?: [number, number][];
}

export interface ProgressOptions {
	/** Shown first on every line, e.g. `npm install n8n@2.41.1`. */
	phase: string;
	/** Folder whose growth is the measure of progress (omit for a step with nothing to count). */
	dir?: string;
	expected: ProgressExpectation;
	log: Logger;
	/** Default 10 s. */
	intervalMs?: number;
}

export interface Sample {
	elapsedMs: number;
	/** Bytes on disk (the latest finished `du`), when known. */
	bytes?: number;
	/** When that `du` started (ms since the step started): `du` is slow, so `bytes` is older than the line. */
	bytesAtMs?: number;
	packages?: number;
	/** When the first package was seen on disk (ms since the step started): the end of resolving. */
	extractingSinceMs?: number;
}

/**
 * `du -sb dir` (apparent size in bytes), or undefined when `du` is unavailable or takes over `timeoutMs`.
 * It can take 10-20 s over n8n's 270,000 files on a busy machine, so the reporter never waits for it.
 */
export function diskBytes(dir: string, options: { timeoutMs?: number; signal?: AbortSignal } = {}): Promise<number | undefined> {
	return new Promise((resolve) => {
		if (!existsSync(dir)) {
			resolve(0);
			return;
		}
		const settings = { timeout: options.timeoutMs ?? 120_000, maxBuffer: 64 * 1024, signal: options.signal };
		execFile('du', ['-sb', dir], settings, (error, stdout) => {
			// du exits 1 when files vanish under it (npm renames while extracting); it still prints the total.
			const bytes = Number.parseInt(String(stdout).split('\t')[0], 10);
			resolve(Number.isFinite(bytes) ? bytes : error ? undefined : 0);
		});
	});
}

/** Packages extracted so far: `node_modules/<name>/package.json` and `node_modules/@scope/<name>/package.json`. */
export function countPackages(dir: string): number {
	const modules = join(dir, 'node_modules');
	const list = (folder: string): string[] => {
		try {
			return readdirSync(folder);
		} catch {
			return [];
		}
	};
	let count = 0;
	for (const entry of list(modules)) {
		if (entry.startsWith('.')) continue;
		const names = entry.startsWith('@') ? list(join(modules, entry)).map((name) => join(entry, name)) : [entry];
		for (const name of names) if (existsSync(join(modules, name, 'package.json'))) count++;
	}
	return count;
}

export function formatDuration(ms: number): string {
	const seconds = Math.max(0, Math.round(ms / 1000));
	if (seconds < 60) return `${seconds} s`;
	return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
}

export function formatBytes(bytes: number): string {
	if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(2)} GB`;
	if (bytes >= 1e6) return `${Math.round(bytes / 1e6)} MB`;
	return `${Math.round(bytes / 1e3)} kB`;
}

/** When the reference run had `bytes` on disk (linear between measured points), in seconds. */
export function referenceSecondsAt(bytes: number, curve: [number, number][]): number | undefined {
	for (let i = 1; i < curve.length; i++) {
		const [t0, b0] = curve[i - 1];
		const [t1, b1] = curve[i];
		if (bytes <= b1 && b1 > b0) return t0 + ((Math.max(bytes, b0) - b0) / (b1 - b0)) * (t1 - t0);
	}
	return undefined;
}

/** The measured duration of the whole step, in seconds. */
export function measuredSeconds(expected: ProgressExpectation): number {
	return (expected.resolveSeconds ?? 0) + expected.seconds;
}

/**
 * Time left, from the measured run. While nothing is on disk (npm resolving): what is left of the measured
 * resolving time, plus the measured extraction. Once a measurable share of the bytes is on disk: where the
 * measured run was with that many bytes, how much of its time was still to come, scaled by this run's pace
 * against it. Without a curve: the measured duration minus the time elapsed. Undefined once past it.
 */
export function estimateRemainingMs(sample: Sample, expected: ProgressExpectation): number | undefined {
	const elapsed = sample.elapsedMs / 1000;
	const resolving = expected.resolveSeconds !== undefined && sample.extractingSinceMs === undefined;
	if (resolving) return (Math.max((expected.resolveSeconds ?? 0) - elapsed, 0) + expected.seconds) * 1000;
	// Seconds on the curve's clock: since the first package appeared, or since the start.
	const origin = expected.resolveSeconds !== undefined ? (sample.extractingSinceMs ?? 0) / 1000 : 0;
	let remaining = expected.seconds - (elapsed - origin);
	const finalBytes = expected.curve?.at(-1)?.[1] ?? 0;
	if (expected.curve && sample.bytes !== undefined && sample.bytes > finalBytes * 0.02) {
		const reference = referenceSecondsAt(sample.bytes, expected.curve);
		const measuredAt = (sample.bytesAtMs ?? sample.elapsedMs) / 1000 - origin;
		if (reference !== undefined && reference > 0 && measuredAt > 0) {
			// Clamped: a run 3x slower or faster than the measured one is already an outlier.
			const pace = Math.min(3, Math.max(1 / 3, measuredAt / reference));
			remaining = (expected.seconds - reference) * pace - (elapsed - origin - measuredAt);
		}
	}
	return remaining > 0 ? remaining * 1000 : undefined;
}

export function describeSample(phase: string, sample: Sample, expected: ProgressExpectation): string {
	const parts = [`${phase}: ${formatDuration(sample.elapsedMs)} elapsed`];
	if (sample.packages === 0) {
		const measured = expected.resolveSeconds === undefined ? '' : ` (measured: ${formatDuration(expected.resolveSeconds * 1000)})`;
		parts.push(`resolving the dependency tree, nothing extracted yet${measured}`);
	} else {
		if (sample.bytes) {
			parts.push(
				expected.bytes
					? `${formatBytes(sample.bytes)} of ~${formatBytes(expected.bytes)} on disk (${Math.min(99, Math.round((sample.bytes / expected.bytes) * 100))}%)`
					: `${formatBytes(sample.bytes)} on disk`,
			);
		}
		if (sample.packages) parts.push(`${sample.packages}${expected.packages ? ` of ${expected.packages}` : ''} packages`);
	}
	const remaining = estimateRemainingMs(sample, expected);
	const measured = formatDuration(measuredSeconds(expected) * 1000);
	parts.push(remaining === undefined ? `longer than the ${measured} measured, still working` : `~${formatDuration(remaining)} left (measured: ${measured} in all)`);
	return parts.join(', ');
}

/** Log a progress line for `phase` every `intervalMs` until the returned `stop()` is called. */
export function startProgress(options: ProgressOptions): { stop(): void } {
	const started = Date.now();
	let bytes: number | undefined;
	let bytesAtMs: number | undefined;
	let extractingSinceMs: number | undefined;
	let measuring = false;
	let stopped = false;
	const abort = new AbortController();
	const measureBytes = () => {
		if (!options.dir || measuring || stopped) return;
		measuring = true;
		const at = Date.now() - started;
		void diskBytes(options.dir, { signal: abort.signal }).then((value) => {
			measuring = false;
			if (value === undefined) return;
			bytes = value;
			bytesAtMs = at;
		});
	};
	measureBytes();
	const timer = setInterval(() => {
		if (stopped) return;
		const sample: Sample = { elapsedMs: Date.now() - started, bytes, bytesAtMs };
		if (options.dir) {
			sample.packages = countPackages(options.dir);
			// Within one interval of the first package on disk: good enough for minutes-long steps.
			if (sample.packages > 0 && extractingSinceMs === undefined) extractingSinceMs = sample.elapsedMs;
			sample.extractingSinceMs = extractingSinceMs;
		}
		options.log(describeSample(options.phase, sample, options.expected));
		measureBytes(); // the next line uses it; a slow `du` never delays a line
	}, options.intervalMs ?? 10_000);
	timer.unref(); // never keeps the process alive on its own
	return {
		stop: () => {
			stopped = true;
			clearInterval(timer);
			abort.abort(); // a `du` still running is killed
		},
	};
}

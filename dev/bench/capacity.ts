/**
 * Capacity: how many callbacks per second one n8n setting sustains with the ack's p99 under a bound (2 s, and
 * 1 s), for three sides: n8n's own Webhook node, a minimal community trigger (minimalTrigger/: it only hands
 * on its body, the least any community trigger costs) and our trigger. Settings: regular mode in the default
 * and the legacy expression engine, and queue mode with 1 and then 2 webhook processors.
 *
 * Method: a bounded stepped-rate search. Each step sends rate × stepSeconds signed callbacks OPEN LOOP
 * (callback i starts i / rate s after the first, answered or not) to 127.0.0.1, then waits until their
 * executions finished, so the next step starts idle. A step passes a bound when its ack p99 is under it,
 * nothing failed (every ack HTTP 200, no failed execution) and the work kept up: every execution finished
 * within CAPACITY_FINISH_WITHIN_SECONDS of the last ack (acks alone are not capacity). The next rate comes from
 * the steps so far (rateSearch.ts): up by a factor until a step fails, down until one passes, then halving the
 * bracket (geometric mean) until it is within the resolution; at most maxSteps steps per side. The sides take turns
 * step by step, in an order rotated each round, so drift on a shared machine falls on all of them. The
 * sustained rate for a bound is the highest passing rate below the lowest failing one.
 */
import { loadavg } from 'os';
import { setTimeout as sleep } from 'timers/promises';

import { runLoad } from '../harness/loadGenerator';
import type { DeskSimulator } from '../simulator';
import { callbackSender } from './callbacks';
import type { BenchConfig } from './config';
import { nextRate, rateBracket, sustainedStep, type RateSearchOptions, type StepCriterion } from './rateSearch';

export const CAPACITY_SIDES = {
	bare: "n8n's Webhook node",
	minimal: 'minimal community trigger',
	ours: 'Tencent Cloud Desk Trigger',
} as const;
export type CapacitySide = keyof typeof CAPACITY_SIDES;

/** One step: a fixed rate for a few seconds. */
export interface CapacityStep {
	ratePerSecond: number;
	count: number;
	p50Ms: number;
	p99Ms: number;
	maxMs: number;
	/** Acks that were not HTTP 200 (or never came) plus executions that failed. */
	errors: number;
	/**
	 * Seconds from the step's last ack to its last execution seen finished (polled every 100 ms): how far
	 * executions fell behind the acks. When they never all finished, the time waited (the step fails).
	 */
	drainSeconds: number;
	/** The largest start lag of the open-loop schedule (the benchmark process itself short of CPU). */
	maxStartLagMs: number;
	loadAverageAfter: number;
}

export interface CapacitySideResult {
	side: CapacitySide;
	/** Closed-loop acks/s before the search (warm-up and starting point: the first step is startFraction of it). */
	probePerSecond: number;
	steps: CapacityStep[];
	/** Why the search stopped: every bracket resolved, maxSteps reached, or the setting's time budget spent. */
	stopped: 'resolved' | 'maxSteps' | 'budget';
}

export interface CapacitySetting {
	/** `legacy`, `default`, `tuned` (regular mode) or `queue-1`, `queue-2` (queue mode, default engine), `tuned-queue-1`, … */
	key: string;
	label: string;
	engine: 'legacy' | 'default' | 'tuned';
	/** 0 in regular mode. */
	webhookProcessors: number;
	workers: number;
	sides: CapacitySideResult[];
	durationSeconds: number;
}

export interface CapacityResults {
	boundsMs: number[];
	stepSeconds: number;
	maxSteps: number;
	resolution: number;
	growth: number;
	startFraction: number;
	requestTimeoutMs: number;
	settings: CapacitySetting[];
	/** Queue mode not measured, and why. */
	queueSkipped?: string;
	n8nVersion: string;
	measuredAt: string;
	command: string;
	loadAverageStart: number;
	loadAverageEnd: number;
	durationSeconds: number;
}

export type CapacityConfig = Pick<
	BenchConfig,
	'capacityBoundsMs' | 'capacityStepSeconds' | 'capacityMaxSteps' | 'capacityResolution' | 'capacityGrowth' | 'capacityStartFraction' | 'capacityProbeCount' | 'capacityTimeoutMs' | 'capacityBudgetSeconds' | 'callbackConcurrency'
>;

/**
 * Finished work: a step passes only if every execution it started finished within this many seconds of the
 * step's last ack. Why 2 s: it is Tencent's callback timeout and the looser ack bound, so the work behind an
 * ack is done within the latency Desk itself tolerates; and with 5 s steps, a backlog that drains in 2 s means
 * executions ran at least 5 / (5 + 2) ≈ 0.7× the offered rate during the step (if they ran at e < r, the
 * backlog is (r − e) × 5 s, drained in (r / e − 1) × 5 s), where the queue-mode failure this rule was made for
 * ran at 0.19× (78/s acked, executions finished 21.5 s after the last ack). A tighter bound would fail steps on
 * the idle latency from ack to finished execution alone (queue mode: the Redis hop, a worker's pickup, the writes).
 */
export const CAPACITY_FINISH_WITHIN_SECONDS = 2;

/** The step's executions finished within CAPACITY_FINISH_WITHIN_SECONDS of its last ack. */
export const keptUp = (step: CapacityStep): boolean => step.drainSeconds <= CAPACITY_FINISH_WITHIN_SECONDS;

/** A step passes a bound: ack p99 under it, nothing failed, and the executions kept up (finished work). */
export const passes = (step: CapacityStep, boundMs: number): boolean => step.errors === 0 && step.p99Ms < boundMs && keptUp(step);

const underBound =
	(boundMs: number): StepCriterion<CapacityStep> =>
	(step) =>
		passes(step, boundMs);

/** The bracket of one bound so far: the lowest failing rate, and the highest passing rate below it. */
export function capacityBracket(steps: CapacityStep[], boundMs: number): { passed?: number; failed?: number } {
	return rateBracket(steps, underBound(boundMs));
}

/** The sustained rate for a bound (undefined: no rate passed), and the step it was measured in. */
export function sustainedRate(steps: CapacityStep[], boundMs: number): CapacityStep | undefined {
	return sustainedStep(steps, underBound(boundMs));
}

export interface SearchOptions extends RateSearchOptions {
	boundsMs: number[];
}

/** The next rate to try under every bound, or undefined when each bound's bracket is resolved (rateSearch.ts). */
export function nextCapacityRate(steps: CapacityStep[], options: SearchOptions): number | undefined {
	return nextRate(steps, options.boundsMs.map(underBound), options);
}

/** Where one side runs, and how its finished executions are counted. */
export interface CapacityTarget {
	side: CapacitySide;
	url: string;
	/** Finished executions so far, by status. */
	executions(): Promise<Record<string, number>>;
}

const totalOf = (counts: Record<string, number>) => Object.values(counts).reduce((sum, n) => sum + n, 0);
const failedOf = (counts: Record<string, number>) => Object.entries(counts).reduce((sum, [status, n]) => sum + (status === 'success' ? 0 : n), 0);

/**
 * Waits (bounded) until `expected` executions finished, then until the count holds for half a second; returns
 * the counts and when the expected count was first seen (undefined: never, within the time).
 */
async function settle(target: CapacityTarget, expected: number, timeoutMs: number): Promise<{ counts: Record<string, number>; reachedAt?: number }> {
	const deadline = Date.now() + timeoutMs;
	let counts = await target.executions();
	while (totalOf(counts) < expected && Date.now() < deadline) {
		await sleep(100);
		counts = await target.executions();
	}
	const reachedAt = totalOf(counts) >= expected ? Date.now() : undefined;
	for (;;) {
		if (Date.now() > deadline) return { counts, reachedAt };
		await sleep(500);
		const again = await target.executions();
		if (totalOf(again) === totalOf(counts)) return { counts: again, reachedAt };
		counts = again;
	}
}

/** One step: `rate × stepSeconds` callbacks open loop, then until their executions finished. */
export async function measureStep(simulator: DeskSimulator, target: CapacityTarget, ratePerSecond: number, config: CapacityConfig): Promise<CapacityStep> {
	const before = await target.executions();
	const count = Math.max(3, Math.round(ratePerSecond * config.capacityStepSeconds));
	// An in-flight cap the schedule never reaches: every request ends within the timeout.
	const cap = Math.ceil((ratePerSecond * config.capacityTimeoutMs) / 1000) + 1;
	const run = await runLoad({ count, concurrency: cap, ratePerSecond, timeoutMs: config.capacityTimeoutMs }, callbackSender(simulator, target.url));
	const answeredAt = Date.now();
	const loadAverageAfter = loadavg()[0];
	const answered = run.outcomes.filter((outcome) => outcome.status !== null).length;
	const { counts: after, reachedAt } = await settle(target, totalOf(before) + answered, Math.max(60_000, count * 500));
	return {
		ratePerSecond,
		count,
		p50Ms: run.p50Ms,
		p99Ms: run.p99Ms,
		maxMs: run.maxMs,
		errors: count - run.ok + Math.max(0, failedOf(after) - failedOf(before)),
		drainSeconds: Math.round(((reachedAt ?? Date.now()) - answeredAt) / 100) / 10,
		maxStartLagMs: Math.round(run.pacing?.maxStartLagMs ?? 0),
		loadAverageAfter: Math.round(loadAverageAfter * 100) / 100,
	};
}

/** Unmeasured warm-up (a few callbacks one at a time), then a closed-loop probe of the ack rate. */
async function probe(simulator: DeskSimulator, target: CapacityTarget, config: CapacityConfig): Promise<number> {
	const before = await target.executions();
	const warmup = 5;
	await runLoad({ count: warmup, concurrency: 1, timeoutMs: config.capacityTimeoutMs }, callbackSender(simulator, target.url));
	const run = await runLoad({ count: config.capacityProbeCount, concurrency: config.callbackConcurrency, timeoutMs: 30_000 }, callbackSender(simulator, target.url));
	await settle(target, totalOf(before) + warmup + run.ok, 120_000);
	return run.ok / (run.durationMs / 1000);
}

const sideLine = (side: CapacitySide, step: CapacityStep, boundsMs: number[]) =>
	`${side} ${step.ratePerSecond}/s × ${step.count}: p99 ${step.p99Ms.toFixed(0)} ms, ${step.errors} error(s), last execution ${step.drainSeconds} s after the last ack${keptUp(step) ? '' : ' (fell behind)'} → ${boundsMs.map((bound) => `${passes(step, bound) ? 'pass' : 'fail'} ${bound / 1000} s`).join(', ')}`;

/**
 * The search for every side of one setting, interleaved: in round r each side still searching takes one
 * step, in an order rotated by r. Bounded by maxSteps per side and the setting's time budget.
 */
export async function measureCapacitySetting(
	simulator: DeskSimulator,
	targets: CapacityTarget[],
	setting: Omit<CapacitySetting, 'sides' | 'durationSeconds'>,
	config: CapacityConfig,
	log: (line: string) => void,
): Promise<CapacitySetting> {
	const started = Date.now();
	const results: CapacitySideResult[] = [];
	for (const target of targets) {
		const probePerSecond = await probe(simulator, target, config);
		log(`  ${setting.key} ${target.side}: closed-loop probe ${probePerSecond.toFixed(1)} acks/s`);
		results.push({ side: target.side, probePerSecond: Math.round(probePerSecond * 10) / 10, steps: [], stopped: 'resolved' });
	}
	const search = (result: CapacitySideResult): SearchOptions => ({
		boundsMs: config.capacityBoundsMs,
		startPerSecond: result.probePerSecond * config.capacityStartFraction,
		growth: config.capacityGrowth,
		resolution: config.capacityResolution,
	});
	const searching = new Set(results.map((_, index) => index));
	for (let round = 0; searching.size > 0; round++) {
		for (let k = 0; k < targets.length; k++) {
			const index = (k + round) % targets.length;
			if (!searching.has(index)) continue;
			const result = results[index];
			const rate = nextCapacityRate(result.steps, search(result));
			if (rate === undefined) {
				searching.delete(index);
				continue;
			}
			if (result.steps.length >= config.capacityMaxSteps || (Date.now() - started) / 1000 > config.capacityBudgetSeconds) {
				result.stopped = result.steps.length >= config.capacityMaxSteps ? 'maxSteps' : 'budget';
				searching.delete(index);
				continue;
			}
			const step = await measureStep(simulator, targets[index], rate, config);
			result.steps.push(step);
			log(`  ${setting.key} ${sideLine(result.side, step, config.capacityBoundsMs)} (${((Date.now() - started) / 60_000).toFixed(1)} min into this setting)`);
		}
	}
	for (const result of results) {
		log(`  ${setting.key} ${result.side}: ${config.capacityBoundsMs.map((bound) => `p99 < ${bound / 1000} s: ${sustainedRate(result.steps, bound)?.ratePerSecond ?? 'none'}/s`).join(', ')} (${result.steps.length} steps, ${result.stopped})`);
	}
	return { ...setting, sides: results, durationSeconds: Math.round((Date.now() - started) / 100) / 10 };
}

/**
 * One setting's time: typical (probes, then every side's steps at a usual length) and the bound (probes, the
 * budget, then at most one more step that started just before it ran out, at its longest).
 */
export function capacitySettingSeconds(config: CapacityConfig, sides: number): { typical: number; bound: number } {
	const probe = 15;
	const usualStep = config.capacityStepSeconds * 1.4 + 1.5;
	const longestStep = config.capacityStepSeconds + config.capacityTimeoutMs / 1000 + 10;
	return {
		typical: sides * (probe + Math.min(config.capacityMaxSteps * usualStep, config.capacityBudgetSeconds / sides)),
		bound: sides * probe + config.capacityBudgetSeconds + longestStep,
	};
}

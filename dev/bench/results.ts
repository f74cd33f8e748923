/** The shape of one benchmark run (also written as JSON next to the report) and the target checks. */
import type { ActionRun } from './action';
import type { CallbackRun } from './callbacks';
import { capacityBracket, sustainedRate, type CapacityResults, type CapacitySetting, type CapacitySide } from './capacity';
import type { SimulatorCeiling } from './ceilings';
import type { BenchConfig } from './config';
import { decisionSettingLabel, sideOf, type DecisionRateRun, type DecisionResults } from './decisions';
import { getManyTarget, type GetManyResults } from './getMany';
import type { HandlerCost, UserSigResult } from './inProcess';
import type { MachineInfo, SectionLoad } from './machine';
import type { QueueBenchResult } from './queue';
import { linearFit, ratio } from '../harness/stats';

export interface BenchResults {
	config: BenchConfig;
	machine: MachineInfo;
	command: string;
	settings: { engines: { key: string; label: string; env: Record<string, string> }[]; commonEnv: Record<string, string> };
	inProcess: { userSig: UserSigResult; handler: HandlerCost[] };
	simulatorCeiling: SimulatorCeiling;
	callbacks: CallbackRun[];
	callbackGrowth: CallbackRun[];
	action: ActionRun[];
	actionGrowth: ActionRun[];
	/** Get Many over 1,000+ records, ours against the DIY chain (section 2b). Optional: older results lack it. */
	getMany?: GetManyResults;
	/** Queue mode, or why it was not run. Optional: results written before it was part of the run lack it. */
	queue?: QueueBenchResult | { skipped: string };
	/** Decision callbacks (the VIP example): reply latency by setting and rate. Optional: older results lack it. */
	decisions?: DecisionResults;
	/** Capacity (section 8): sustained callbacks/s under ack p99 bounds. Optional: older results lack it. */
	capacity?: CapacityResults;
	/** The load average watched through each section (older results lack it). */
	sectionLoad?: SectionLoad[];
	/** Key figures of the run this one replaced at the same output path, for the comparison in the report. */
	previous?: PreviousRun;
	/** Busy processes seen that were not ours (shared machine). */
	otherLoad: string[];
	durationSeconds: number;
}

/** Action-node sides, in report order. */
export const ACTION_SIDES = {
	oursDefaults: 'ours, defaults (concurrency 5, 100 req/s)',
	oursC1: 'ours, concurrency 1',
	diy: 'DIY: Code (UserSig) + HTTP Request',
	oursTuned: 'ours, concurrency 10, 190 req/s',
	oursUnlimited: 'ours, no rate limit (simulator limit off)',
	diyUnlimited: 'DIY (simulator limit off)',
} as const;

export const CALLBACK_SIDES = {
	bare: 'n8n Webhook node alone',
	ours: 'Tencent Cloud Desk Trigger',
	diy: 'DIY: Webhook + Code + Switch',
} as const;

export function callbackRun(results: BenchResults, setting: string, side: keyof typeof CALLBACK_SIDES): CallbackRun | undefined {
	return results.callbacks.find((run) => run.setting === setting && run.side === side);
}

export function actionRun(results: BenchResults, side: keyof typeof ACTION_SIDES): ActionRun | undefined {
	return results.action.find((run) => run.side === side);
}

/** Items answered with ErrorCode 0 per second of the side's wall time (141009 answers are not results). */
export function correctPerSecond(run: ActionRun): number {
	return Math.min(run.items, run.simulator.ok) / run.wallSeconds;
}

export function queueRun(results: BenchResults): QueueBenchResult | undefined {
	return results.queue && 'rows' in results.queue ? results.queue : undefined;
}

export function queueSkipReason(results: BenchResults): string | undefined {
	return results.queue && 'skipped' in results.queue ? results.queue.skipped : undefined;
}

/** Callbacks/s of our trigger in regular mode, default engine: what queue mode is compared with. */
export function regularModeCallbacksPerSecond(results: BenchResults): number {
	return callbackRun(results, 'default', 'ours')?.callbacksPerSecond ?? Number.NaN;
}

/** The issue's goal for decision callbacks: routing answer p99 under this at DECISION_GOAL_RATE/s, regular mode, default engine. */
export const DECISION_GOAL_P99_MS = 500;
export const DECISION_GOAL_RATE = 10;
export const DECISION_GOAL_SETTING = 'default';

/** A fixed-rate decision run (not a step) of one setting and side (ours unless named). */
export function decisionRun(decisions: DecisionResults | undefined, setting: string, ratePerSecond: number, side: 'ours' | 'n8n' = 'ours'): DecisionRateRun | undefined {
	return decisions?.runs.find((run) => run.setting === setting && sideOf(run) === side && run.ratePerSecond === ratePerSecond && run.kind === 'rate');
}

/** The goal, when the run measured its rate in its setting. */
export function decisionGoal(decisions: DecisionResults | undefined): TargetCheck | undefined {
	const run = decisionRun(decisions, DECISION_GOAL_SETTING, DECISION_GOAL_RATE);
	if (!run) return undefined;
	return {
		target: `decision callbacks: routing answer p99 under ${DECISION_GOAL_P99_MS} ms at ${DECISION_GOAL_RATE}/s (VIP example, regular mode, ${DECISION_GOAL_SETTING} engine)`,
		measured: `p99 ${run.p99Ms.toFixed(0)} ms over ${run.count} callbacks (p50 ${run.p50Ms.toFixed(0)}, p95 ${run.p95Ms.toFixed(0)} ms; ${(run.fallbackShare * 100).toFixed(1)} % fallback answers)`,
		met: run.p99Ms < DECISION_GOAL_P99_MS,
	};
}

/** The goal for section 8: our trigger sustains at least this share of the minimal community trigger's rate. */
export const CAPACITY_GOAL_RATIO = 0.95;

/** A side's sustained rate under one bound (undefined: no rate tried passed). */
export function capacityOf(setting: CapacitySetting, side: CapacitySide, boundMs: number): number | undefined {
	const result = setting.sides.find((entry) => entry.side === side);
	return result ? sustainedRate(result.steps, boundMs)?.ratePerSecond : undefined;
}

/** The lowest rate a side tried (to say "below X/s" when it sustained none). */
export function lowestTried(setting: CapacitySetting, side: CapacitySide): number | undefined {
	const steps = setting.sides.find((entry) => entry.side === side)?.steps ?? [];
	return steps.length ? Math.min(...steps.map((step) => step.ratePerSecond)) : undefined;
}

/** The first failing rate above the sustained one (the bracket's top), when the search found one. */
export function capacityCeilingOf(setting: CapacitySetting, side: CapacitySide, boundMs: number): number | undefined {
	const result = setting.sides.find((entry) => entry.side === side);
	return result ? capacityBracket(result.steps, boundMs).failed : undefined;
}

/** True when no step of the side failed the bound: its sustained rate is only a lower bound. */
export function capacityOpen(setting: CapacitySetting, side: CapacitySide, boundMs: number): boolean {
	return capacityCeilingOf(setting, side, boundMs) === undefined;
}

const CAPACITY_OTHER = { bare: "n8n's Webhook node", minimal: 'the minimal trigger' } as const;

/**
 * Ours against another side in one setting, every bound (queue mode: per webhook processor). A ratio from a
 * lower bound decides only one way: "met" needs the other side's failing rate found, "missed" needs ours;
 * otherwise the check is reported as undetermined (and not met).
 */
export function capacityRatioCheck(setting: CapacitySetting, boundsMs: number[], other: keyof typeof CAPACITY_OTHER, goalRatio: number, target: string): TargetCheck {
	const parts: string[] = [];
	let met = true;
	const processors = setting.webhookProcessors > 0 ? setting.webhookProcessors : 1;
	const perProcessor = setting.webhookProcessors > 0 ? ' per webhook processor' : '';
	const share = (rate: number) => Math.round((rate / processors) * 10) / 10;
	for (const bound of boundsMs) {
		const ours = capacityOf(setting, 'ours', bound);
		const theirs = capacityOf(setting, other, bound);
		const label = `p99 < ${bound / 1000} s`;
		if (theirs === undefined) {
			parts.push(`${label}: ${CAPACITY_OTHER[other]} sustained no rate tried (from ${lowestTried(setting, other) ?? 0}/s)`);
			met = false;
			continue;
		}
		const r = ratio(ours ?? 0, theirs);
		const reached = r >= goalRatio;
		const open = reached ? capacityOpen(setting, other, bound) : capacityOpen(setting, 'ours', bound);
		parts.push(
			`${label}: ${share(ours ?? 0)} vs ${share(theirs)}/s${perProcessor} (${x(r)})${open ? `, undetermined: no step failed for ${reached ? CAPACITY_OTHER[other] : 'ours'}, so its rate is only a lower bound` : ''}`,
		);
		if (!reached || open) met = false;
	}
	return { target, measured: parts.join('; '), met };
}

/** Ours against the minimal trigger in one setting, every bound: the section-8 goal. */
export function capacityGoal(setting: CapacitySetting, boundsMs: number[]): TargetCheck {
	return capacityRatioCheck(setting, boundsMs, 'minimal', CAPACITY_GOAL_RATIO, `capacity: trigger ≥ ${CAPACITY_GOAL_RATIO}× the minimal community trigger's sustained callbacks/s (${setting.label})`);
}

/** Issue 23's goals hold in the tuned setting: the default engine with lazy acquisition, compile cache and a pool. */
export const GOAL_ENGINE = 'tuned';
/** Ours against n8n's Webhook node (capacity, both bounds) and ours against n8n's own nodes doing the VIP routing (sustained decisions). */
export const WEBHOOK_NODE_GOAL_RATIO = 1.0;
export const DECISION_SIDE_GOAL_RATIO = 0.95;

/** Ours's sustained decision rate against n8n's own nodes' in one setting (when both were searched). */
export function decisionRatioCheck(decisions: DecisionResults, setting: string): TargetCheck | undefined {
	const entries = decisions.sustained ?? [];
	const ours = entries.find((entry) => entry.setting === setting && entry.side === 'ours');
	const theirs = entries.find((entry) => entry.setting === setting && entry.side === 'n8n');
	if (!ours || !theirs) return undefined;
	const criterion = `p99 < ${(decisions.p99LimitMs ?? 2000).toLocaleString('en-US')} ms with ≥ ${Math.round((decisions.minWorkflowShare ?? 0.99) * 100)} % answered by the workflow`;
	const target = `decisions: Decision Trigger's sustained rate (${criterion}) ≥ ${DECISION_SIDE_GOAL_RATIO}× n8n's own nodes' on the same work (${decisionSettingLabel(decisions, setting)})`;
	if (theirs.ratePerSecond === undefined) return { target, measured: `n8n's own nodes sustained no rate tried; ours ${ours.ratePerSecond ?? 0}/s`, met: false };
	const r = ratio(ours.ratePerSecond ?? 0, theirs.ratePerSecond);
	const reached = r >= DECISION_SIDE_GOAL_RATIO;
	const open = reached ? theirs.failedAtPerSecond === undefined : ours.failedAtPerSecond === undefined;
	return {
		target,
		measured: `${ours.ratePerSecond ?? 0} vs ${theirs.ratePerSecond}/s (${x(r)})${open ? `, undetermined: no rate failed for ${reached ? "n8n's own nodes" : 'ours'}, so its rate is only a lower bound` : ''}`,
		met: reached && !open,
	};
}

/**
 * Issue 23's goals in the tuned setting, from the run's figures: per tuned capacity setting (regular mode, each
 * queue layout), ours ≥ 1.0× n8n's Webhook node and ≥ 0.95× the minimal trigger under every bound; decisions,
 * ours's sustained rate ≥ 0.95× n8n's own nodes' (regular mode).
 */
export function goalChecks(results: Pick<BenchResults, 'capacity' | 'decisions'>): TargetCheck[] {
	const checks: TargetCheck[] = [];
	const capacity = results.capacity;
	for (const setting of capacity?.settings.filter((entry) => entry.engine === GOAL_ENGINE) ?? []) {
		const bounds = capacity?.boundsMs ?? [];
		checks.push(capacityRatioCheck(setting, bounds, 'bare', WEBHOOK_NODE_GOAL_RATIO, `capacity: trigger ≥ ${WEBHOOK_NODE_GOAL_RATIO.toFixed(1)}× n8n's Webhook node's sustained callbacks/s (${setting.label})`));
		checks.push(capacityGoal(setting, bounds));
	}
	const decision = results.decisions && decisionRatioCheck(results.decisions, GOAL_ENGINE);
	if (decision) checks.push(decision);
	return checks;
}

/** Section 8's goals: ours against the minimal trigger in every setting; in the tuned settings also against the Webhook node. */
export function capacityGoals(capacity: CapacityResults | undefined): TargetCheck[] {
	if (!capacity) return [];
	return [...capacity.settings.filter((setting) => setting.engine !== GOAL_ENGINE).map((setting) => capacityGoal(setting, capacity.boundsMs)), ...goalChecks({ capacity })];
}

/** The figures of an earlier run kept for comparison (taken from its RESULTS.json when this run replaces it). */
export interface PreviousRun {
	date: string;
	gitCommit: string;
	scale: string;
	loadAverageStart: number;
	/** Headline figures by name (summaryFigures). */
	figures: Record<string, number>;
	/** Target → met. */
	targets: Record<string, boolean>;
}

/** The headline figures compared between runs, by a stable name. */
export function summaryFigures(results: BenchResults): Record<string, number> {
	const figures: Record<string, number> = {};
	for (const run of results.callbacks) figures[`callbacks/s, ${run.setting} engine, ${CALLBACK_SIDES[run.side as keyof typeof CALLBACK_SIDES] ?? run.side}`] = run.callbacksPerSecond;
	for (const run of results.action) figures[`action items/s, ${ACTION_SIDES[run.side as keyof typeof ACTION_SIDES] ?? run.side}`] = run.itemsPerSecond;
	figures['UserSig ops/s, ours'] = results.inProcess.userSig.oursOpsPerSecond;
	for (const row of queueRun(results)?.rows ?? []) figures[`queue mode ${row.webhookProcessors} + ${row.workers}, acks/s`] = row.acksPerSecond;
	for (const entry of results.decisions?.sustained ?? []) {
		if (entry.ratePerSecond !== undefined) figures[`decisions sustained/s, ${entry.setting}, ${entry.side}`] = entry.ratePerSecond;
	}
	for (const setting of results.capacity?.settings ?? []) {
		for (const bound of results.capacity?.boundsMs ?? []) {
			for (const side of ['bare', 'minimal', 'ours'] as const) {
				const rate = capacityOf(setting, side, bound);
				if (rate !== undefined) figures[`capacity ${setting.key}, ${side}, p99 < ${bound / 1000} s`] = rate;
			}
		}
	}
	return figures;
}

/** What a later run keeps of this one. */
export function previousRunOf(results: BenchResults): PreviousRun {
	return {
		date: results.machine.date,
		gitCommit: results.machine.gitCommit,
		scale: results.config.scale,
		loadAverageStart: results.machine.loadAverageStart,
		figures: summaryFigures(results),
		targets: Object.fromEntries(checkTargets(results).map((check) => [check.target, check.met])),
	};
}

export interface TargetCheck {
	target: string;
	measured: string;
	met: boolean;
}

const x = (value: number) => (Number.isFinite(value) ? `${value.toFixed(2)}×` : 'n/a');

/** Per-unit time at the largest size against the smallest, and the fit of time over size. */
export function growthOf(points: { size: number; seconds: number; peakBytes: number; startBytes: number }[]) {
	const sorted = [...points].sort((a, b) => a.size - b.size);
	const fit = linearFit(
		sorted.map((p) => p.size),
		sorted.map((p) => p.seconds),
	);
	const first = sorted[0];
	const last = sorted[sorted.length - 1];
	const perUnitFirst = first.seconds / first.size;
	const perUnitLast = last.seconds / last.size;
	return {
		fit,
		perUnitRatio: ratio(perUnitLast, perUnitFirst),
		/** Peak RSS during the largest run against the smallest. */
		peakRatio: ratio(last.peakBytes, first.peakBytes),
		/** RSS added during the run (peak − start), largest run. */
		addedBytesLast: last.peakBytes - last.startBytes,
		addedBytesFirst: first.peakBytes - first.startBytes,
	};
}

export function callbackGrowthPoints(results: BenchResults) {
	return results.callbackGrowth.map((run) => ({ size: run.count, seconds: run.endToEndSeconds, peakBytes: run.memory.peakBytes, startBytes: run.memory.startBytes }));
}

export function actionGrowthPoints(results: BenchResults) {
	return results.actionGrowth.map((run) => ({ size: run.items, seconds: run.wallSeconds, peakBytes: run.memory.peakBytes, startBytes: run.memory.startBytes }));
}

/**
 * Linear (or better): time per unit at the largest size at most 1.25× that at the smallest, i.e. no
 * super-linear growth (fixed costs make small runs dearer per unit). Flat: peak RSS within +25%.
 */
export const LINEAR_LIMIT = 1.25;
export const FLAT_MEMORY_LIMIT = 1.25;

export function checkTargets(results: BenchResults): TargetCheck[] {
	const checks: TargetCheck[] = [];
	const bareLegacy = callbackRun(results, 'legacy', 'bare');
	const oursLegacy = callbackRun(results, 'legacy', 'ours');
	if (bareLegacy && oursLegacy) {
		const r = ratio(oursLegacy.callbacksPerSecond, bareLegacy.callbacksPerSecond);
		checks.push({ target: 'trigger ≥ 0.95× the bare Webhook node, like-for-like (legacy engine)', measured: x(r), met: r >= 0.95 });
	}
	for (const setting of ['legacy', 'default']) {
		const ours = callbackRun(results, setting, 'ours');
		const diy = callbackRun(results, setting, 'diy');
		if (!ours || !diy) continue;
		const r = ratio(ours.callbacksPerSecond, diy.callbacksPerSecond);
		checks.push({
			target: `trigger ≥ 1.5× the DIY chain's callbacks/s with better p99 (${setting} engine)`,
			measured: `${x(r)}, p99 ${ours.load.p99Ms.toFixed(0)} vs ${diy.load.p99Ms.toFixed(0)} ms`,
			met: r >= 1.5 && ours.load.p99Ms < diy.load.p99Ms,
		});
	}
	const oursAction = actionRun(results, 'oursDefaults');
	const diyAction = actionRun(results, 'diy');
	if (oursAction && diyAction) {
		const r = ratio(oursAction.itemsPerSecond, diyAction.itemsPerSecond);
		const rCorrect = ratio(correctPerSecond(oursAction), correctPerSecond(diyAction));
		const within = oursAction.simulator.rateLimited === 0 && oursAction.simulator.peakRequestsPerSecond <= oursAction.simulator.rateLimit;
		checks.push({
			target: `action node ≥ 3× the DIY chain on ${oursAction.items} items at defaults, within the rate limit`,
			measured: `${x(r)} items/s, ${x(rCorrect)} correct answers/s; ours peak ${oursAction.simulator.peakRequestsPerSecond} req/s, ${oursAction.simulator.rateLimited} × 141009 (DIY: ${diyAction.simulator.peakRequestsPerSecond} req/s, ${diyAction.simulator.rateLimited} × 141009)`,
			met: r >= 3 && within,
		});
	}
	const getMany = getManyTarget(results.getMany);
	if (getMany) checks.push(getMany);
	const sig = results.inProcess.userSig;
	checks.push({ target: 'our UserSig no slower than the official library', measured: x(sig.ratio), met: sig.ratio >= 1 });
	if (results.actionGrowth.length >= 2) {
		const g = growthOf(actionGrowthPoints(results));
		checks.push({
			target: 'action node: time grows linearly with items',
			measured: `time per item at ${Math.max(...results.actionGrowth.map((r) => r.items))} vs ${Math.min(...results.actionGrowth.map((r) => r.items))} items: ${x(g.perUnitRatio)}, R² ${g.fit.r2.toFixed(3)}`,
			met: g.perUnitRatio <= LINEAR_LIMIT,
		});
		checks.push({
			target: 'action node: memory stays flat',
			measured: `peak RSS ${x(g.peakRatio)} (added during the run: ${(g.addedBytesFirst / 2 ** 20).toFixed(0)} → ${(g.addedBytesLast / 2 ** 20).toFixed(0)} MiB)`,
			met: g.peakRatio <= FLAT_MEMORY_LIMIT,
		});
	}
	if (results.callbackGrowth.length >= 2) {
		const g = growthOf(callbackGrowthPoints(results));
		checks.push({
			target: 'callbacks: time grows linearly with callbacks',
			measured: `time per callback at ${Math.max(...results.callbackGrowth.map((r) => r.count))} vs ${Math.min(...results.callbackGrowth.map((r) => r.count))}: ${x(g.perUnitRatio)}, R² ${g.fit.r2.toFixed(3)}`,
			met: g.perUnitRatio <= LINEAR_LIMIT,
		});
		checks.push({
			target: 'callbacks: memory stays flat',
			measured: `peak RSS ${x(g.peakRatio)} (added during the run: ${(g.addedBytesFirst / 2 ** 20).toFixed(0)} → ${(g.addedBytesLast / 2 ** 20).toFixed(0)} MiB)`,
			met: g.peakRatio <= FLAT_MEMORY_LIMIT,
		});
	}
	const goal = decisionGoal(results.decisions);
	if (goal) checks.push(goal);
	checks.push(...capacityGoals(results.capacity));
	const decisionGoalCheck = results.decisions && decisionRatioCheck(results.decisions, GOAL_ENGINE);
	if (decisionGoalCheck) checks.push(decisionGoalCheck);
	const queue = queueRun(results);
	if (queue) {
		const exact = queue.rows.every((row) => row.acked === row.callbacks && row.executions.success === row.callbacks && Object.keys(row.executions).length === 1);
		checks.push({
			target: 'queue mode: every acked callback is exactly one successful execution (counted in PostgreSQL)',
			measured: queue.rows.map((row) => `${row.webhookProcessors} + ${row.workers}: ${row.acked} acked, ${Object.entries(row.executions).map(([status, n]) => `${n} ${status}`).join(', ')}`).join('; '),
			met: exact,
		});
	}
	return checks;
}

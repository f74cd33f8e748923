/**
 * Decision callbacks: how fast Desk gets its routing answer (ChatBot.OnAssignHuman) for the same work done two
 * ways (vipWorkflows.ts): our VIP example (Decision Trigger → HTTP Request to a CRM → IF → Decision Answer) and
 * the same workflow from n8n's own nodes (Webhook → HTTP Request → IF → Respond to Webhook), in a real n8n with
 * the CRM stand-in answering at once. Callbacks are signed by the simulator exactly as Desk signs them (no
 * RequestID, Desk does not retry a decision; n8n's side ignores the signature) and sent OPEN LOOP at fixed
 * rates: request i starts i / rate seconds after the first whether or not earlier ones were answered, as Desk
 * sends one customer's request without waiting for another's answer. The sides take turns rate by rate.
 *
 * The customer is always a VIP, so the workflow's answer is the VIP group and the trigger's fallback group
 * means the answer guard answered (the workflow failed, missed the deadline, or the trigger shed the load).
 * Per setting × side × rate: p50, p95, p99, who answered, and the share answered validly within Tencent's 2 s.
 * Then (when asked) the sustained rate of each side: the highest rate with p99 under 2 s and at least 99 %
 * answered by the workflow, found by the stepped-rate search (rateSearch.ts); then one overload step for ours
 * at 5× its sustained rate: does every callback still get a valid answer (the workflow's or the fallback) in time?
 */
import { randomUUID } from 'crypto';
import { loadavg } from 'os';
import { setTimeout as sleep } from 'timers/promises';

import { decisionInfo } from '../../nodes/shared/decisionCallbacks';
import { runLoad, type LoadPacing, type SendOutcome } from '../harness/loadGenerator';
import type { ShopStandIn } from '../harness/shopStandIn';
import type { DeskSimulator } from '../simulator';
import { DEFAULT_CUSTOMER_SERVICE_ID } from '../simulator/defaults';
import type { BenchConfig } from './config';
import { engineWords } from './n8nSetup';
import { nextRate, rateBracket, sustainedStep, type StepCriterion } from './rateSearch';
import type { AnswerGroups, DecisionSide } from './vipWorkflows';

const COMMAND = decisionInfo('assignHuman').commands[0];
/** Tencent's before-callback timeout: an answer later than this is one Desk no longer waits for. */
export const TENCENT_TIMEOUT_MS = 2000;
/** The customer the CRM stand-in knows as a VIP. */
const VIP_USER = 'bench_vip_user';

/** Who gave Desk its answer, read from the answer itself. */
export type AnsweredBy = 'workflow' | 'fallback' | 'other' | 'failed';

export interface DecisionRateRun {
	/** `legacy` / `default` / `tuned` (regular mode) or `queue` / `queue-tuned`. */
	setting: string;
	/** Older results lack it: ours. */
	side?: DecisionSide;
	ratePerSecond: number;
	/** `rate`: one of the fixed rates; `step`: a rate tried by the search; `overload`: a multiple of the sustained rate. */
	kind: 'rate' | 'step' | 'overload';
	count: number;
	p50Ms: number;
	p95Ms: number;
	p99Ms: number;
	maxMs: number;
	/** Answers by who gave them: the workflow (VIP group), the guard (fallback group), anything else, none/non-200. */
	answeredBy: Record<AnsweredBy, number>;
	/** fallback / count. */
	fallbackShare: number;
	/** Requests whose answer took TENCENT_TIMEOUT_MS or longer (or never came), over count. */
	lateShare: number;
	/** Valid answers (the workflow's or the fallback) within TENCENT_TIMEOUT_MS, over count. Older results lack it. */
	validInTimeShare?: number;
	byStatus: Record<string, number>;
	/** How the open-loop schedule was kept (start lag from this process). */
	pacing: LoadPacing;
	/** Executions of the run, when the engine's count could be read (regular: n8n's API; queue: PostgreSQL). */
	executions: Record<string, number>;
	/** 1-minute load average right after the run. */
	loadAverageAfter: number;
}

/** A side's sustained rate in one setting: p99 under the limit with at least the share answered by the workflow. */
export interface DecisionSustained {
	setting: string;
	side: DecisionSide;
	/** The highest passing rate below the lowest failing one; undefined when no rate tried passed. */
	ratePerSecond?: number;
	/** The lowest failing rate; undefined when every rate tried passed (the sustained rate is a lower bound). */
	failedAtPerSecond?: number;
	/** Whether the search ran (false: from the fixed rates alone). */
	searched: boolean;
}

export interface DecisionResults {
	example: string;
	n8nVersion: string;
	/** The trigger's answer deadline in the example (its option, else the node's default). */
	deadlineMs: number;
	vipGroup: number;
	fallbackGroup: number;
	tencentTimeoutMs: number;
	/** Each request's time limit in the load generator. */
	requestTimeoutMs: number;
	/** Unanswered-at-start callbacks sent one by one before each setting's runs. */
	warmup: number;
	/** What "sustained" means: p99 under this with at least this share answered by the workflow. Older results lack them. */
	p99LimitMs?: number;
	minWorkflowShare?: number;
	/** The overload step's rate as a multiple of ours's sustained rate, and its cap. */
	overloadFactor?: number;
	overloadMaxPerSecond?: number;
	runs: DecisionRateRun[];
	/** Per setting and side (older results lack it). */
	sustained?: DecisionSustained[];
	/** Queue mode not measured, and why. */
	queueSkipped?: string;
	/** Per queue setting whose runs had answers missing (none, not HTTP 200, or from neither side): the cluster's last log lines then. */
	queueLogs?: Record<string, string>;
	/** Queue mode's layout, when measured. */
	queue?: { webhookProcessors: number; workers: number; workerConcurrency: number };
	measuredAt: string;
	command: string;
	loadAverageStart: number;
	loadAverageEnd: number;
	durationSeconds: number;
}

/** "regular mode, default engine", "queue mode (1 + 1, default engine, tuned)". */
export function decisionSettingLabel(decisions: Pick<DecisionResults, 'queue'>, setting: string): string {
	const queue = setting === 'queue' || setting.startsWith('queue-');
	const engine = setting === 'queue' ? 'default' : setting.replace(/^queue-/, '');
	const words = engineWords(engine === 'tuned' || engine === 'legacy' ? engine : 'default');
	if (!queue) return `regular mode, ${words}`;
	const layout = decisions.queue;
	return layout ? `queue mode (${layout.webhookProcessors} + ${layout.workers}, ${words})` : `queue mode, ${words}`;
}

/** Older results have no side: they measured ours alone. */
export const sideOf = (run: DecisionRateRun): DecisionSide => run.side ?? 'ours';

type RoutingOutcome = SendOutcome & { answeredBy: AnsweredBy };

/** The load generator's `send`: one routing callback for the VIP customer, signed as Desk signs it. */
function routingSender(simulator: DeskSimulator, url: string, groups: AnswerGroups) {
	return async (_index: number, timeoutMs: number): Promise<RoutingOutcome> => {
		const result = await simulator.sendCallback(
			url,
			{ CallbackCommand: COMMAND, SessionId: randomUUID(), ClientUserId: VIP_USER, CustomerServiceId: DEFAULT_CUSTOMER_SERVICE_ID, EventTime: Date.now() },
			{ query: { CallbackCommand: COMMAND, RequestID: null }, timeoutMs },
		);
		return {
			status: result.status,
			latencyMs: result.latencyMs,
			...(result.error !== undefined && { error: result.error }),
			answeredBy: answeredBy(result.status, result.responseText, groups),
		};
	};
}

export function answeredBy(status: number | null, text: string, groups: AnswerGroups): AnsweredBy {
	if (status !== 200) return 'failed';
	let group: unknown;
	try {
		group = (JSON.parse(text) as { AgentGroupId?: unknown }).AgentGroupId;
	} catch {
		return 'other';
	}
	if (group === groups.vipGroup) return 'workflow';
	if (group === groups.fallbackGroup) return 'fallback';
	return 'other';
}

/** Where one side runs and how its executions are counted. */
export interface DecisionTarget {
	setting: string;
	side: DecisionSide;
	groups: AnswerGroups;
	url: string;
	/** Finished executions of the workflow so far, by status. */
	executions(): Promise<Record<string, number>>;
	/** Executions started and not finished yet. */
	unfinished(): Promise<number>;
}

const total = (counts: Record<string, number>) => Object.values(counts).reduce((sum, n) => sum + n, 0);
const minus = (after: Record<string, number>, before: Record<string, number>) =>
	Object.fromEntries(Object.entries(after).map(([status, n]) => [status, n - (before[status] ?? 0)]).filter(([, n]) => (n as number) > 0));

/**
 * Waits (bounded) until at least `expected` executions finished (every answer from the workflow ran one; a
 * callback answered with the fallback, or given up on by the load generator, may or may not have: the trigger
 * may have shed it), then until none is unfinished and the count stays the same for a second.
 */
async function settled(target: DecisionTarget, expected: number, timeoutMs: number): Promise<Record<string, number>> {
	const deadline = Date.now() + timeoutMs;
	let counts = await target.executions();
	while (total(counts) < expected && Date.now() < deadline) {
		await sleep(200);
		counts = await target.executions();
	}
	for (;;) {
		if (Date.now() > deadline) return counts;
		await sleep(1_000);
		const [again, open] = await Promise.all([target.executions(), target.unfinished()]);
		if (open === 0 && total(again) === total(counts)) return again;
		counts = again;
	}
}

/** One rate: `count` callbacks open loop, then wait until their executions finished (so the next rate starts idle). */
async function measureRate(
	simulator: DeskSimulator,
	target: DecisionTarget,
	rate: { ratePerSecond: number; count: number; kind: DecisionRateRun['kind'] },
	timeoutMs: number,
	loadWindow?: LoadWindow,
): Promise<DecisionRateRun> {
	const before = await target.executions();
	// A cap the schedule never reaches: every request ends within timeoutMs.
	const cap = Math.ceil((rate.ratePerSecond * timeoutMs) / 1000) + 1;
	loadWindow?.onLoadStart();
	const run = await runLoad({ count: rate.count, concurrency: cap, ratePerSecond: rate.ratePerSecond, timeoutMs }, routingSender(simulator, target.url, target.groups));
	loadWindow?.onLoadEnd();
	const loadAverageAfter = loadavg()[0];
	const by: Record<AnsweredBy, number> = { workflow: 0, fallback: 0, other: 0, failed: 0 };
	for (const outcome of run.outcomes) by[outcome.answeredBy]++;
	const after = await settled(target, total(before) + by.workflow, Math.max(120_000, rate.count * 500));
	const late = run.outcomes.filter((outcome) => outcome.status !== 200 || outcome.latencyMs >= TENCENT_TIMEOUT_MS).length;
	const validInTime = run.outcomes.filter((outcome) => (outcome.answeredBy === 'workflow' || outcome.answeredBy === 'fallback') && outcome.latencyMs < TENCENT_TIMEOUT_MS).length;
	return {
		setting: target.setting,
		side: target.side,
		ratePerSecond: rate.ratePerSecond,
		kind: rate.kind,
		count: rate.count,
		p50Ms: run.latencies.percentile(50),
		p95Ms: run.latencies.percentile(95),
		p99Ms: run.latencies.percentile(99),
		maxMs: run.latencies.percentile(100),
		answeredBy: by,
		fallbackShare: by.fallback / rate.count,
		lateShare: late / rate.count,
		validInTimeShare: validInTime / rate.count,
		byStatus: run.byStatus,
		pacing: run.pacing ?? { ratePerSecond: rate.ratePerSecond, maxStartLagMs: 0, lateStarts: 0, startSpanMs: 0 },
		executions: minus(after, before),
		loadAverageAfter: Math.round(loadAverageAfter * 100) / 100,
	};
}

export type DecisionConfig = Pick<
	BenchConfig,
	| 'decisionRates'
	| 'decisionStepSeconds'
	| 'decisionP99LimitMs'
	| 'decisionMinWorkflowShare'
	| 'decisionSearchMaxSteps'
	| 'decisionSearchGrowth'
	| 'decisionSearchResolution'
	| 'decisionCapPerSecond'
	| 'decisionOverloadFactor'
	| 'decisionOverloadMaxPerSecond'
	| 'decisionWarmup'
	| 'decisionTimeoutMs'
>;

/** A run counts toward the sustained rate: p99 under the limit and at least the share answered by the workflow. */
export function decisionPasses(run: DecisionRateRun, limits: { p99LimitMs: number; minWorkflowShare: number }): boolean {
	return run.p99Ms < limits.p99LimitMs && run.answeredBy.workflow / run.count >= limits.minWorkflowShare;
}

/** The sustained rate of one side from its runs (fixed rates and search steps; not the overload step). */
export function decisionSustained(runs: DecisionRateRun[], key: { setting: string; side: DecisionSide; searched: boolean }, limits: { p99LimitMs: number; minWorkflowShare: number }): DecisionSustained {
	const own = runs.filter((run) => run.setting === key.setting && sideOf(run) === key.side && run.kind !== 'overload');
	const criterion: StepCriterion<DecisionRateRun> = (run) => decisionPasses(run, limits);
	const { failed } = rateBracket(own, criterion);
	const passed = sustainedStep(own, criterion)?.ratePerSecond;
	return { ...key, ...(passed !== undefined && { ratePerSecond: passed }), ...(failed !== undefined && { failedAtPerSecond: failed }) };
}

/** Told when a measured rate's callbacks start and when the last is answered (before its executions are counted), e.g. to cut a CPU profile. */
export interface LoadWindow {
	onLoadStart(): void;
	onLoadEnd(): void;
}

export interface DecisionSettingOptions {
	config: DecisionConfig;
	/** Search each side's sustained rate and measure ours at a multiple of it (regular mode). */
	search: boolean;
	log?: (line: string) => void;
	/** Around each measured rate's load (not the warm-up): profile.ts's decisions mode. */
	loadWindow?: LoadWindow;
}

/**
 * One setting, every side: warm-up, the fixed rates in ascending order (the sides taking turns, in an order
 * rotated by rate), then, if asked, the search for each side's sustained rate (sides taking turns step by
 * step) and the overload step for ours.
 */
export async function measureDecisionSetting(
	simulator: DeskSimulator,
	targets: DecisionTarget[],
	options: DecisionSettingOptions,
): Promise<{ runs: DecisionRateRun[]; sustained: DecisionSustained[] }> {
	const { config, log = () => undefined } = options;
	for (const target of targets) {
		const warmupBefore = await target.executions();
		const warmup = await runLoad({ count: config.decisionWarmup, concurrency: 1, timeoutMs: config.decisionTimeoutMs }, routingSender(simulator, target.url, target.groups));
		await settled(target, total(warmupBefore) + warmup.outcomes.filter((outcome) => outcome.answeredBy === 'workflow').length, 120_000);
	}
	const runs: DecisionRateRun[] = [];
	const measure = async (target: DecisionTarget, rate: { ratePerSecond: number; count: number; kind: DecisionRateRun['kind'] }) => {
		const run = await measureRate(simulator, target, rate, config.decisionTimeoutMs, options.loadWindow);
		log(
			`  ${run.setting} ${run.side} ${run.kind} ${run.ratePerSecond}/s × ${run.count}: p50 ${run.p50Ms.toFixed(0)} ms, p99 ${run.p99Ms.toFixed(0)} ms, workflow ${run.answeredBy.workflow}, fallback ${run.answeredBy.fallback}, none ${run.answeredBy.failed + run.answeredBy.other}`,
		);
		runs.push(run);
		return run;
	};
	const rates = [...config.decisionRates].sort((a, b) => a.ratePerSecond - b.ratePerSecond);
	for (const [index, rate] of rates.entries()) {
		for (let k = 0; k < targets.length; k++) await measure(targets[(k + index) % targets.length], { ...rate, kind: 'rate' });
	}
	const limits = { p99LimitMs: config.decisionP99LimitMs, minWorkflowShare: config.decisionMinWorkflowShare };
	const sustainedOf = (target: DecisionTarget) => decisionSustained(runs, { setting: target.setting, side: target.side, searched: options.search }, limits);
	if (!options.search) return { runs, sustained: targets.map(sustainedOf) };

	const stepsOf = (target: DecisionTarget) => runs.filter((run) => run.side === target.side && run.kind !== 'overload');
	const searchOptions = { startPerSecond: rates[0]?.ratePerSecond ?? 1, growth: config.decisionSearchGrowth, resolution: config.decisionSearchResolution, maxPerSecond: config.decisionCapPerSecond };
	const criterion: StepCriterion<DecisionRateRun> = (run) => decisionPasses(run, limits);
	const searching = new Set(targets.map((_, index) => index));
	const stepsTaken = targets.map(() => 0);
	for (let round = 0; searching.size > 0; round++) {
		for (let k = 0; k < targets.length; k++) {
			const index = (k + round) % targets.length;
			if (!searching.has(index)) continue;
			const rate = nextRate(stepsOf(targets[index]), [criterion], searchOptions);
			if (rate === undefined || stepsTaken[index] >= config.decisionSearchMaxSteps) {
				searching.delete(index);
				continue;
			}
			stepsTaken[index]++;
			await measure(targets[index], { ratePerSecond: rate, count: Math.max(1, Math.round(rate * config.decisionStepSeconds)), kind: 'step' });
		}
	}
	const sustained = targets.map(sustainedOf);
	for (const entry of sustained) log(`  ${entry.setting} ${entry.side}: sustained ${entry.ratePerSecond ?? 'none'}/s (p99 < ${limits.p99LimitMs} ms, ≥ ${limits.minWorkflowShare * 100} % by the workflow)`);
	const ours = targets.find((target) => target.side === 'ours');
	const oursRate = sustained.find((entry) => entry.side === 'ours')?.ratePerSecond;
	if (ours && oursRate !== undefined) {
		// Above what the process answers in time: the trigger should shed load and still answer every callback validly.
		const rate = Math.round(Math.min(config.decisionOverloadMaxPerSecond, oursRate * config.decisionOverloadFactor) * 10) / 10;
		await measure(ours, { ratePerSecond: rate, count: Math.max(1, Math.round(rate * config.decisionStepSeconds)), kind: 'overload' });
	}
	return { runs, sustained };
}

/** The known VIP customer in the CRM stand-in (answering at once). */
export function prepareShop(shop: ShopStandIn): void {
	shop.delayMs = 0;
	shop.customers.set(VIP_USER, { tier: 'vip' });
}

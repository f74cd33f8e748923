/**
 * Decision callbacks: how fast Desk gets its routing answer (ChatBot.OnAssignHuman) from the VIP example
 * (examples/route-vip-customers.json: Decision Trigger → HTTP Request to a CRM → IF → Callback Answer) in a
 * real n8n, with the CRM stand-in answering at once. Callbacks are signed by the simulator exactly as Desk
 * signs them (no RequestID, Desk does not retry a decision) and sent OPEN LOOP at fixed rates: request i
 * starts i / rate seconds after the first whether or not earlier ones were answered, as Desk sends one
 * customer's request without waiting for another's answer.
 *
 * The customer is always a VIP, so the workflow's answer is the VIP group and the trigger's fallback group
 * means the answer guard answered (the workflow failed, or missed the deadline). Per setting × rate: p50, p95,
 * p99 and the share of fallback answers; then rates are stepped up until p99 reaches the limit (2 s,
 * Tencent's before-callback timeout) or a cap.
 */
import { randomUUID } from 'crypto';
import { loadavg } from 'os';
import { setTimeout as sleep } from 'timers/promises';

import { decisionInfo } from '../../nodes/shared/decisionCallbacks';
import { DECISION_OPTION_DEFAULTS } from '../../nodes/TencentCloudDeskDecisionTrigger/decisionProperties';
import { CREDENTIAL_TYPE } from '../../nodes/shared/credentialType';
import type { WorkflowJson } from '../harness';
import { loadExample, triggerWebhookId, withBaseUrl } from '../harness/examples';
import { runLoad, type LoadPacing, type SendOutcome } from '../harness/loadGenerator';
import type { Logger } from '../harness/log';
import { executionStatusCounts, startQueueCluster, waitForSettledExecutions, type QueueCluster } from '../harness/queue';
import type { ShopStandIn } from '../harness/shopStandIn';
import type { DeskSimulator } from '../simulator';
import { DEFAULT_CUSTOMER_SERVICE_ID } from '../simulator/defaults';
import { simulatorCredentials } from '../simulator/n8nCredential';
import type { BenchConfig } from './config';
import { finishedExecutions, waitForFinishedExecutions, type BenchInstance } from './n8nSetup';
import { CREDENTIAL_NAME } from './workflows';

export const DECISION_EXAMPLE = 'route-vip-customers.json';
const COMMAND = decisionInfo('assignHuman').commands[0];
/** Tencent's before-callback timeout: an answer later than this is one Desk no longer waits for. */
export const TENCENT_TIMEOUT_MS = 2000;
/** The customer the CRM stand-in knows as a VIP. */
const VIP_USER = 'bench_vip_user';

/** Who gave Desk its answer, read from the answer itself. */
export type AnsweredBy = 'workflow' | 'fallback' | 'other' | 'failed';

export interface DecisionRateRun {
	/** `legacy` / `default` (regular mode) or `queue`. */
	setting: string;
	ratePerSecond: number;
	/** `rate`: one of the fixed rates; `step`: a rate tried while looking for the p99 limit. */
	kind: 'rate' | 'step';
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
	byStatus: Record<string, number>;
	/** How the open-loop schedule was kept (start lag from this process). */
	pacing: LoadPacing;
	/** Executions of the run, when the engine's count could be read (regular: n8n's API; queue: PostgreSQL). */
	executions: Record<string, number>;
	/** 1-minute load average right after the run. */
	loadAverageAfter: number;
}

export interface DecisionCrossing {
	setting: string;
	limitMs: number;
	/** The highest rate that would have been tried. */
	capPerSecond: number;
	/** The first rate (ascending) whose p99 reached the limit; undefined when none did. */
	crossedAtPerSecond?: number;
	/** The highest rate tried below the crossing (or the highest tried when none crossed). */
	highestBelowPerSecond?: number;
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
	runs: DecisionRateRun[];
	crossings: DecisionCrossing[];
	/** Queue mode not measured, and why. */
	queueSkipped?: string;
	/** Queue mode's layout, when measured. */
	queue?: { webhookProcessors: number; workers: number; workerConcurrency: number };
	measuredAt: string;
	command: string;
	loadAverageStart: number;
	loadAverageEnd: number;
	durationSeconds: number;
}

interface VipWorkflow {
	json: WorkflowJson;
	webhookId: string;
	vipGroup: number;
	fallbackGroup: number;
	deadlineMs: number;
}

function numberAt(value: unknown, what: string): number {
	const raw = typeof value === 'object' && value !== null && 'value' in value ? (value as { value: unknown }).value : value;
	const parsed = Number(raw);
	if (!Number.isInteger(parsed)) throw new Error(`${DECISION_EXAMPLE}: ${what} is not an integer (${JSON.stringify(value)})`);
	return parsed;
}

/**
 * The example as a user imports it, pointed at the CRM stand-in and the bench's credential, with a fresh
 * webhook id; the groups and the deadline are read from it (so the bench follows the example).
 */
export function vipRoutingWorkflow(crmUrl: string): VipWorkflow {
	const example = withBaseUrl(loadExample(DECISION_EXAMPLE), 'https://crm.example.com', crmUrl);
	const exampleWebhookId = triggerWebhookId(example);
	const webhookId = randomUUID();
	const trigger = example.nodes.find((node) => node.webhookId === exampleWebhookId);
	const vipNode = example.nodes.find((node) => node.name === 'Route to VIP Group');
	if (!trigger || !vipNode) throw new Error(`${DECISION_EXAMPLE}: no Decision Trigger or no "Route to VIP Group" node`);
	const options = (trigger.parameters?.options ?? {}) as { deadlineMs?: number };
	const fallbackGroup = numberAt(trigger.parameters?.fallbackSkillGroup, 'the fallback skill group');
	const vipGroup = numberAt(vipNode.parameters?.skillGroup, 'the VIP skill group');
	if (vipGroup === fallbackGroup) throw new Error(`${DECISION_EXAMPLE}: the VIP group equals the fallback group; fallbacks could not be told apart`);
	const json: WorkflowJson = {
		...example,
		name: `bench: ${example.name}`,
		nodes: example.nodes.map((node) => ({
			...node,
			...(node.webhookId === exampleWebhookId && { webhookId }),
			...(node.credentials && {
				credentials: Object.fromEntries(Object.keys(node.credentials).map((type) => [type, { name: CREDENTIAL_NAME }])),
			}),
		})),
	};
	return { json, webhookId, vipGroup, fallbackGroup, deadlineMs: options.deadlineMs ?? DECISION_OPTION_DEFAULTS.deadlineMs };
}

type RoutingOutcome = SendOutcome & { answeredBy: AnsweredBy };

/** The load generator's `send`: one routing callback for the VIP customer, signed as Desk signs it. */
function routingSender(simulator: DeskSimulator, url: string, workflow: VipWorkflow) {
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
			answeredBy: answeredBy(result.status, result.responseText, workflow),
		};
	};
}

export function answeredBy(status: number | null, text: string, groups: { vipGroup: number; fallbackGroup: number }): AnsweredBy {
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

/** Where the example runs and how its executions are counted. */
export interface DecisionTarget {
	setting: string;
	url: string;
	/** Executions of the workflow so far, by status. */
	executions(): Promise<Record<string, number>>;
	/** Waits (bounded) until at least `total` executions have finished; returns the counts. */
	settle(total: number, timeoutMs: number): Promise<Record<string, number>>;
}

const total = (counts: Record<string, number>) => Object.values(counts).reduce((sum, n) => sum + n, 0);
const minus = (after: Record<string, number>, before: Record<string, number>) =>
	Object.fromEntries(Object.entries(after).map(([status, n]) => [status, n - (before[status] ?? 0)]).filter(([, n]) => (n as number) > 0));

/** The example deployed in a regular-mode bench instance. */
export async function regularTarget(instance: BenchInstance, workflow: VipWorkflow): Promise<DecisionTarget> {
	const deployed = await instance.deploy({ json: workflow.json, webhookPath: `${workflow.webhookId}/webhook`, timedNodes: [] });
	const counts = async () => {
		const { success, error } = await finishedExecutions(instance.n8n, deployed.id);
		return { success, error };
	};
	return {
		setting: instance.setting.key,
		url: deployed.url,
		executions: counts,
		async settle(expected, timeoutMs) {
			const done = await waitForFinishedExecutions(instance.n8n, deployed.id, expected, timeoutMs);
			return { success: done.success, error: done.error };
		},
	};
}

/**
 * Waits until at least `expected` executions finished (each answered callback ran one; a callback the load
 * generator gave up on may or may not have), then until the count stays the same for a second, bounded.
 */
async function settled(target: DecisionTarget, expected: number, timeoutMs: number): Promise<Record<string, number>> {
	const deadline = Date.now() + timeoutMs;
	let counts = await target.settle(expected, timeoutMs);
	for (;;) {
		if (Date.now() > deadline) return counts;
		await sleep(1_000);
		const again = await target.executions();
		if (total(again) === total(counts)) return again;
		counts = again;
	}
}

/** One rate: `count` callbacks open loop, then wait until their executions finished (so the next rate starts idle). */
async function measureRate(
	simulator: DeskSimulator,
	target: DecisionTarget,
	workflow: VipWorkflow,
	rate: { ratePerSecond: number; count: number; kind: DecisionRateRun['kind'] },
	timeoutMs: number,
): Promise<DecisionRateRun> {
	const before = await target.executions();
	// A cap the schedule never reaches: every request ends within timeoutMs.
	const cap = Math.ceil((rate.ratePerSecond * timeoutMs) / 1000) + 1;
	const run = await runLoad({ count: rate.count, concurrency: cap, ratePerSecond: rate.ratePerSecond, timeoutMs }, routingSender(simulator, target.url, workflow));
	const loadAverageAfter = loadavg()[0];
	const answered = run.outcomes.filter((outcome) => outcome.status !== null).length;
	const after = await settled(target, total(before) + answered, Math.max(120_000, rate.count * 500));
	const by: Record<AnsweredBy, number> = { workflow: 0, fallback: 0, other: 0, failed: 0 };
	for (const outcome of run.outcomes) by[outcome.answeredBy]++;
	const late = run.outcomes.filter((outcome) => outcome.status !== 200 || outcome.latencyMs >= TENCENT_TIMEOUT_MS).length;
	return {
		setting: target.setting,
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
		byStatus: run.byStatus,
		pacing: run.pacing ?? { ratePerSecond: rate.ratePerSecond, maxStartLagMs: 0, lateStarts: 0, startSpanMs: 0 },
		executions: minus(after, before),
		loadAverageAfter: Math.round(loadAverageAfter * 100) / 100,
	};
}

export interface DecisionSettingOptions {
	config: Pick<BenchConfig, 'decisionRates' | 'decisionSteps' | 'decisionStepSeconds' | 'decisionP99LimitMs' | 'decisionWarmup' | 'decisionTimeoutMs'>;
	/** Step the rate up to find where p99 reaches the limit (regular mode). */
	findCrossing: boolean;
	log?: (line: string) => void;
}

/** The fixed rates (and, if asked, the steps) in one setting: warm-up, then each rate in ascending order. */
export async function measureDecisionSetting(
	simulator: DeskSimulator,
	target: DecisionTarget,
	workflow: VipWorkflow,
	options: DecisionSettingOptions,
): Promise<{ runs: DecisionRateRun[]; crossing?: DecisionCrossing }> {
	const { config, log = () => undefined } = options;
	const warmupBefore = await target.executions();
	await runLoad({ count: config.decisionWarmup, concurrency: 1, timeoutMs: config.decisionTimeoutMs }, routingSender(simulator, target.url, workflow));
	await settled(target, total(warmupBefore) + config.decisionWarmup, 120_000);

	const runs: DecisionRateRun[] = [];
	const report = (run: DecisionRateRun) =>
		log(
			`  ${run.setting} ${run.ratePerSecond}/s × ${run.count}: p50 ${run.p50Ms.toFixed(0)} ms, p95 ${run.p95Ms.toFixed(0)} ms, p99 ${run.p99Ms.toFixed(0)} ms, fallback ${(run.fallbackShare * 100).toFixed(1)} %`,
		);
	const rates = [...config.decisionRates].sort((a, b) => a.ratePerSecond - b.ratePerSecond);
	for (const rate of rates) {
		const run = await measureRate(simulator, target, workflow, { ...rate, kind: 'rate' }, config.decisionTimeoutMs);
		report(run);
		runs.push(run);
	}
	if (!options.findCrossing) return { runs };

	const limitMs = config.decisionP99LimitMs;
	const highestFixed = rates.at(-1)?.ratePerSecond ?? 0;
	const steps = [...config.decisionSteps].filter((rate) => rate > highestFixed).sort((a, b) => a - b);
	const capPerSecond = Math.max(highestFixed, ...steps);
	const crossed = () => runs.find((run) => run.p99Ms >= limitMs);
	for (const ratePerSecond of steps) {
		if (crossed()) break;
		const count = Math.max(1, Math.round(ratePerSecond * config.decisionStepSeconds));
		const run = await measureRate(simulator, target, workflow, { ratePerSecond, count, kind: 'step' }, config.decisionTimeoutMs);
		report(run);
		runs.push(run);
	}
	const crossing = crossed();
	const below = runs.filter((run) => run.p99Ms < limitMs && (!crossing || run.ratePerSecond < crossing.ratePerSecond));
	return {
		runs,
		crossing: {
			setting: target.setting,
			limitMs,
			capPerSecond,
			...(crossing && { crossedAtPerSecond: crossing.ratePerSecond }),
			...(below.length > 0 && { highestBelowPerSecond: Math.max(...below.map((run) => run.ratePerSecond)) }),
		},
	};
}

/**
 * Queue mode: a cluster of its own (1 webhook processor + 1 worker, default engine) with the example, the
 * fixed rates only. Stops the cluster before returning.
 */
export async function measureDecisionsInQueueMode(
	simulator: DeskSimulator,
	shop: ShopStandIn,
	options: DecisionSettingOptions & { tarball: string; workerConcurrency?: number; clusterLog?: Logger | boolean },
): Promise<{ runs: DecisionRateRun[]; layout: NonNullable<DecisionResults['queue']> }> {
	const layout = { webhookProcessors: 1, workers: 1, workerConcurrency: options.workerConcurrency ?? 10 };
	let cluster: QueueCluster | undefined;
	try {
		cluster = await startQueueCluster({ ...layout, packageTarball: options.tarball, log: options.clusterLog ?? false });
		await cluster.api.createCredential(CREDENTIAL_NAME, CREDENTIAL_TYPE, simulatorCredentials(simulator));
		const workflow = vipRoutingWorkflow(shop.url);
		const created = await cluster.api.createWorkflow(workflow.json);
		await cluster.api.activateWorkflow(created.id);
		await cluster.waitForWebhook(workflow.webhookId);
		const postgres = cluster.postgres;
		const finished = (counts: Record<string, number>) => Object.fromEntries(Object.entries(counts).filter(([status]) => !['new', 'running', 'waiting'].includes(status)));
		const target: DecisionTarget = {
			setting: 'queue',
			url: cluster.webhookUrl(workflow.webhookId),
			executions: async () => finished(await executionStatusCounts(postgres, created.id)),
			settle: async (expected, timeoutMs) => finished(await waitForSettledExecutions(postgres, created.id, { expectedAtLeast: expected, timeoutMs })),
		};
		const { runs } = await measureDecisionSetting(simulator, target, workflow, { ...options, findCrossing: false });
		return { runs, layout };
	} finally {
		await cluster?.stop();
	}
}

/** The known VIP customer in the CRM stand-in (answering at once). */
export function prepareShop(shop: ShopStandIn): void {
	shop.delayMs = 0;
	shop.customers.set(VIP_USER, { tier: 'vip' });
}

/**
 * Section 7 in a run: both sides of the VIP routing work (vipWorkflows.ts) in each regular-mode instance (fixed
 * rates, the search for each side's sustained rate, the overload step for ours), then in each queue-mode cluster
 * (queueClusters.ts: default and tuned engine, 1 webhook processor + 1 worker; fixed rates only).
 */
import { loadavg } from 'os';

import type { QueueCluster } from '../harness/queue';
import type { ShopStandIn } from '../harness/shopStandIn';
import type { DeskSimulator } from '../simulator';
import { measureDecisionSetting, prepareShop, TENCENT_TIMEOUT_MS, type DecisionConfig, type DecisionResults, type DecisionTarget } from './decisions';
import { finishedExecutions, unfinishedExecutions, type BenchInstance, type EngineSetting } from './n8nSetup';
import { deployInCluster, QUEUE_BOOT_LAYOUT } from './queueClusters';
import { DECISION_EXAMPLE, vipExample, type DecisionSide } from './vipWorkflows';

/** A decision setting's key: the engine in regular mode, `queue` (default engine) or `queue-<engine>` in queue mode. */
export const decisionKey = (engine: EngineSetting['key'], queue: boolean): string => (!queue ? engine : engine === 'default' ? 'queue' : `queue-${engine}`);

/** Log lines kept per n8n process of a queue cluster whose answers went missing. */
const QUEUE_LOG_LINES = 30;
/** Both sides' VIP workflows (or only `sides`) deployed in a regular-mode instance, pointed at the CRM stand-in. */
export async function deployDecisionTargets(instance: BenchInstance, shop: ShopStandIn, key: string, sides?: DecisionSide[]): Promise<DecisionTarget[]> {
	const targets: DecisionTarget[] = [];
	for (const side of vipExample(shop.url).sides) {
		if (sides && !sides.includes(side.side)) continue;
		const deployed = await instance.deploy(side.workflow);
		targets.push({
			setting: key,
			side: side.side,
			groups: side,
			url: deployed.url,
			executions: () => finishedExecutions(instance.n8n, deployed.id),
			unfinished: () => unfinishedExecutions(instance.n8n, deployed.id),
		});
	}
	return targets;
}

export function decisionRecorder(config: DecisionConfig, simulator: DeskSimulator, shop: ShopStandIn, command: string, log: (line: string) => void) {
	// From the first decision measurement (in a whole run, the other sections come first).
	let started: number | undefined;
	let loadAverageStart = Number.NaN;
	const begin = () => {
		if (started !== undefined) return;
		started = Date.now();
		loadAverageStart = loadavg()[0];
	};
	const runs: DecisionResults['runs'] = [];
	const sustained: NonNullable<DecisionResults['sustained']> = [];
	let queueSkipped: string | undefined;
	let queue: DecisionResults['queue'];
	const queueLogs: Record<string, string> = {};
	prepareShop(shop);
	const describe = (key: string, search: boolean) =>
		log(
			`decision callbacks, ${key}: ours and n8n's own nodes at ${config.decisionRates.map((rate) => `${rate.ratePerSecond}/s × ${rate.count}`).join(', ')}` +
				(search ? `, then each side's sustained rate (p99 < ${config.decisionP99LimitMs} ms, ≥ ${config.decisionMinWorkflowShare * 100} % by the workflow; ≤ ${config.decisionSearchMaxSteps} steps, cap ${config.decisionCapPerSecond}/s) and ours at ${config.decisionOverloadFactor}× it` : ''),
		);
	const record = (result: Awaited<ReturnType<typeof measureDecisionSetting>>) => {
		runs.push(...result.runs);
		sustained.push(...result.sustained);
	};
	return {
		async inInstance(instance: BenchInstance): Promise<void> {
			begin();
			const key = decisionKey(instance.setting.key, false);
			describe(key, true);
			const targets = await deployDecisionTargets(instance, shop, key);
			record(await measureDecisionSetting(simulator, targets, { config, search: true, log }));
		},
		/** A queue cluster of one engine setting, at the layout it booted with (before capacity adds processors). */
		async inCluster(cluster: QueueCluster, engine: EngineSetting): Promise<void> {
			begin();
			const key = decisionKey(engine.key, true);
			describe(key, false);
			const targets: DecisionTarget[] = [];
			for (const side of vipExample(shop.url).sides) targets.push({ setting: key, side: side.side, groups: side, ...(await deployInCluster(cluster, side.workflow)) });
			const result = await measureDecisionSetting(simulator, targets, { config, search: false, log });
			record(result);
			// Kept only when answers went missing, to tell a stalled process from a slow one afterwards.
			const missing = result.runs.reduce((sum, run) => sum + run.answeredBy.failed + run.answeredBy.other, 0);
			if (missing > 0) {
				log(`decision callbacks, ${key}: ${missing} answers missing; keeping the cluster's last log lines in the results`);
				queueLogs[key] = cluster.logTails(QUEUE_LOG_LINES);
			}
			queue = { webhookProcessors: cluster.webhookProcessors.length, workers: cluster.workers.length, workerConcurrency: QUEUE_BOOT_LAYOUT.workerConcurrency };
		},
		/** Queue mode not run, and why. */
		skipQueue(reason: string): void {
			begin();
			log(`decision callbacks, queue mode: not run (${reason})`);
			queueSkipped = reason;
		},
		finish(n8nVersion: string): DecisionResults {
			begin();
			const from = started ?? Date.now();
			const example = vipExample(shop.url);
			return {
				example: DECISION_EXAMPLE,
				n8nVersion,
				deadlineMs: example.deadlineMs,
				vipGroup: example.vipGroup,
				fallbackGroup: example.fallbackGroup,
				tencentTimeoutMs: TENCENT_TIMEOUT_MS,
				requestTimeoutMs: config.decisionTimeoutMs,
				warmup: config.decisionWarmup,
				p99LimitMs: config.decisionP99LimitMs,
				minWorkflowShare: config.decisionMinWorkflowShare,
				overloadFactor: config.decisionOverloadFactor,
				overloadMaxPerSecond: config.decisionOverloadMaxPerSecond,
				runs,
				sustained,
				...(queueSkipped !== undefined && { queueSkipped }),
				...(queue && { queue }),
				...(Object.keys(queueLogs).length > 0 && { queueLogs }),
				measuredAt: new Date(from).toISOString().replace(/\.\d+Z$/, 'Z'),
				command,
				loadAverageStart: Math.round(loadAverageStart * 100) / 100,
				loadAverageEnd: Math.round(loadavg()[0] * 100) / 100,
				durationSeconds: (Date.now() - from) / 1000,
			};
		},
	};
}

/**
 * Section 8 in a run: the capacity search (capacity.ts) in each regular-mode bench instance (the minimal
 * trigger installed beside ours), then in a queue-mode cluster of its own, default engine, with 1 and then
 * 2 webhook processors (1 worker). Progress lines name each setting, its elapsed time and the bound on it.
 */
import { loadavg } from 'os';

import { executionStatusCounts, queueModeMissing, startQueueCluster, type QueueCluster } from '../harness/queue';
import { CREDENTIAL_TYPE } from '../../nodes/shared/credentialType';
import type { DeskSimulator } from '../simulator';
import { simulatorCredentials } from '../simulator/n8nCredential';
import {
	capacitySettingSeconds,
	measureCapacitySetting,
	type CapacityConfig,
	type CapacityResults,
	type CapacitySetting,
	type CapacitySide,
	type CapacityTarget,
} from './capacity';
import { finishedExecutions, type BenchInstance } from './n8nSetup';
import { bareWebhookWorkflow, CREDENTIAL_NAME, minimalTriggerWorkflow, ourTriggerWorkflow, type BenchWorkflow } from './workflows';

const SIDES: CapacitySide[] = ['bare', 'minimal', 'ours'];

function workflowFor(side: CapacitySide): BenchWorkflow {
	if (side === 'bare') return bareWebhookWorkflow();
	if (side === 'minimal') return minimalTriggerWorkflow();
	return ourTriggerWorkflow();
}

/** The queue layouts measured: webhook processors added to one cluster, 1 worker throughout. */
export const QUEUE_CAPACITY_LAYOUTS = [1, 2];

/** The section's typical time and its bound in minutes (every setting, plus a queue cluster's boot), for the progress lines. */
export function capacityMinutes(config: CapacityConfig, queue: boolean): { typical: number; bound: number } {
	const settings = 2 + (queue ? QUEUE_CAPACITY_LAYOUTS.length : 0);
	const one = capacitySettingSeconds(config, SIDES.length);
	const boot = queue ? 60 : 0;
	return { typical: Math.ceil((settings * one.typical + boot) / 60), bound: Math.ceil((settings * one.bound + boot) / 60) };
}

export function capacityRecorder(config: CapacityConfig, simulator: DeskSimulator, options: { command: string; log: (line: string) => void; queue: boolean }) {
	const { log } = options;
	let started: number | undefined;
	let loadAverageStart = Number.NaN;
	const settings: CapacitySetting[] = [];
	let queueSkipped: string | undefined;
	const settingsPlanned = 2 + (options.queue ? QUEUE_CAPACITY_LAYOUTS.length : 0);
	const begin = () => {
		if (started !== undefined) return;
		started = Date.now();
		loadAverageStart = loadavg()[0];
		const minutes = capacityMinutes(config, options.queue);
		log(`capacity: ${settingsPlanned} settings × ${SIDES.length} sides, ≤ ${config.capacityMaxSteps} steps of ${config.capacityStepSeconds} s per side; about ${minutes.typical} min, at most ${minutes.bound}`);
	};
	const progress = (key: string) => {
		const elapsed = (Date.now() - (started ?? Date.now())) / 60_000;
		log(`capacity, ${key}: ${settings.length} of ${settingsPlanned} settings done, ${elapsed.toFixed(1)} min into the section (each setting at most ${(capacitySettingSeconds(config, SIDES.length).bound / 60).toFixed(1)} min)`);
	};
	return {
		/** The three sides in a regular-mode instance booted with the minimal trigger installed. */
		async inInstance(instance: BenchInstance): Promise<void> {
			begin();
			progress(instance.setting.key);
			const targets: CapacityTarget[] = [];
			for (const side of SIDES) {
				const deployed = await instance.deploy(workflowFor(side));
				targets.push({ side, url: deployed.url, executions: () => finishedExecutions(instance.n8n, deployed.id) });
			}
			const setting = await measureCapacitySetting(
				simulator,
				targets,
				{ key: instance.setting.key, label: `regular mode, ${instance.setting.key} engine`, engine: instance.setting.key, webhookProcessors: 0, workers: 0 },
				config,
				log,
			);
			settings.push(setting);
		},
		/** Queue mode: a cluster of its own (default engine), 1 then 2 webhook processors, 1 worker. */
		async inQueueMode(tarball: string, minimalTarball: string): Promise<void> {
			begin();
			const skipped = !options.queue ? 'BENCH_QUEUE=off' : queueModeMissing();
			if (skipped) {
				log(`capacity, queue mode: not run (${skipped})`);
				queueSkipped = skipped;
				return;
			}
			let cluster: QueueCluster | undefined;
			try {
				log('capacity, queue mode: booting a cluster (1 webhook processor + 1 worker)');
				cluster = await startQueueCluster({ webhookProcessors: 1, workers: 1, packageTarball: tarball, extraPackageTarballs: [minimalTarball], log: false });
				await cluster.api.createCredential(CREDENTIAL_NAME, CREDENTIAL_TYPE, simulatorCredentials(simulator));
				for (const processors of QUEUE_CAPACITY_LAYOUTS) {
					while (cluster.webhookProcessors.length < processors) await cluster.addWebhookProcessor();
					const key = `queue-${processors}`;
					progress(key);
					const targets: CapacityTarget[] = [];
					for (const side of SIDES) targets.push(await deployInCluster(cluster, side));
					settings.push(
						await measureCapacitySetting(
							simulator,
							targets,
							{ key, label: `queue mode, ${processors} webhook processor${processors > 1 ? 's' : ''} + ${cluster.workers.length} worker, default engine`, engine: 'default', webhookProcessors: processors, workers: cluster.workers.length },
							config,
							log,
						),
					);
				}
			} finally {
				await cluster?.stop();
			}
		},
		finish(n8nVersion: string): CapacityResults {
			begin();
			const from = started ?? Date.now();
			return {
				boundsMs: config.capacityBoundsMs,
				stepSeconds: config.capacityStepSeconds,
				maxSteps: config.capacityMaxSteps,
				resolution: config.capacityResolution,
				growth: config.capacityGrowth,
				startFraction: config.capacityStartFraction,
				requestTimeoutMs: config.capacityTimeoutMs,
				settings,
				...(queueSkipped !== undefined && { queueSkipped }),
				n8nVersion,
				measuredAt: new Date(from).toISOString().replace(/\.\d+Z$/, 'Z'),
				command: options.command,
				loadAverageStart: Math.round(loadAverageStart * 100) / 100,
				loadAverageEnd: Math.round(loadavg()[0] * 100) / 100,
				durationSeconds: Math.round((Date.now() - from) / 100) / 10,
			};
		},
	};
}

/** A side's workflow published in the cluster, its URL through the proxy, its executions from PostgreSQL. */
async function deployInCluster(cluster: QueueCluster, side: CapacitySide): Promise<CapacityTarget> {
	const workflow = workflowFor(side);
	const created = await cluster.api.createWorkflow(workflow.json);
	await cluster.api.activateWorkflow(created.id);
	// Every webhook processor must know the webhook before the proxy sends it callbacks.
	for (const processor of cluster.webhookProcessors) await cluster.api.waitForWebhook(`${processor.baseUrl}/webhook/${workflow.webhookPath}`);
	const finished = (counts: Record<string, number>) => Object.fromEntries(Object.entries(counts).filter(([status]) => !['new', 'running', 'waiting'].includes(status)));
	return { side, url: `${cluster.proxy.url}/webhook/${workflow.webhookPath}`, executions: async () => finished(await executionStatusCounts(cluster.postgres, created.id)) };
}

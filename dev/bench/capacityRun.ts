/**
 * Section 8 in a run: the capacity search (capacity.ts) in each regular-mode bench instance (the minimal
 * trigger installed beside ours), then in each queue-mode cluster (queueClusters.ts: default and tuned engine),
 * with 1 and then 2 webhook processors (1 worker). Progress lines name each setting, its elapsed time and the
 * bound on it.
 */
import { loadavg } from 'os';

import type { QueueCluster } from '../harness/queue';
import type { DeskSimulator } from '../simulator';
import {
	capacitySettingSeconds,
	measureCapacitySetting,
	type CapacityConfig,
	type CapacityResults,
	type CapacitySetting,
	type CapacitySide,
	type CapacityTarget,
} from './capacity';
import { ENGINE_ORDER, engineWords, finishedExecutions, QUEUE_ENGINES, type BenchInstance, type EngineSetting } from './n8nSetup';
import { deployInCluster } from './queueClusters';
import { bareWebhookWorkflow, minimalTriggerWorkflow, ourTriggerWorkflow, type BenchWorkflow } from './workflows';

const SIDES: CapacitySide[] = ['bare', 'minimal', 'ours'];

function workflowFor(side: CapacitySide): BenchWorkflow {
	if (side === 'bare') return bareWebhookWorkflow();
	if (side === 'minimal') return minimalTriggerWorkflow();
	return ourTriggerWorkflow();
}

/** The queue layouts measured: webhook processors added to one cluster, 1 worker throughout. */
export const QUEUE_CAPACITY_LAYOUTS = [1, 2];

/** A capacity setting's key: the engine in regular mode; `queue-<n>` (default engine) or `<engine>-queue-<n>` in queue mode. */
export const capacityKey = (engine: EngineSetting['key'], webhookProcessors: number): string =>
	webhookProcessors === 0 ? engine : `${engine === 'default' ? '' : `${engine}-`}queue-${webhookProcessors}`;

/** The settings one run measures. */
const settingsPlanned = (queue: boolean) => ENGINE_ORDER.length + (queue ? QUEUE_ENGINES.length * QUEUE_CAPACITY_LAYOUTS.length : 0);

/** The section's typical time and its bound in minutes (every setting, plus the queue clusters' boots), for the progress lines. */
export function capacityMinutes(config: CapacityConfig, queue: boolean): { typical: number; bound: number } {
	const settings = settingsPlanned(queue);
	const one = capacitySettingSeconds(config, SIDES.length);
	const boot = queue ? 60 * QUEUE_ENGINES.length : 0;
	return { typical: Math.ceil((settings * one.typical + boot) / 60), bound: Math.ceil((settings * one.bound + boot) / 60) };
}

export function capacityRecorder(config: CapacityConfig, simulator: DeskSimulator, options: { command: string; log: (line: string) => void; queue: boolean }) {
	const { log } = options;
	let started: number | undefined;
	let loadAverageStart = Number.NaN;
	const settings: CapacitySetting[] = [];
	let queueSkipped: string | undefined;
	const planned = settingsPlanned(options.queue);
	const begin = () => {
		if (started !== undefined) return;
		started = Date.now();
		loadAverageStart = loadavg()[0];
		const minutes = capacityMinutes(config, options.queue);
		log(`capacity: ${planned} settings × ${SIDES.length} sides, ≤ ${config.capacityMaxSteps} steps of ${config.capacityStepSeconds} s per side; about ${minutes.typical} min, at most ${minutes.bound}`);
	};
	const progress = (key: string) => {
		const elapsed = (Date.now() - (started ?? Date.now())) / 60_000;
		log(`capacity, ${key}: ${settings.length} of ${planned} settings done, ${elapsed.toFixed(1)} min into the section (each setting at most ${(capacitySettingSeconds(config, SIDES.length).bound / 60).toFixed(1)} min)`);
	};
	return {
		/** The three sides in a regular-mode instance booted with the minimal trigger installed. */
		async inInstance(instance: BenchInstance): Promise<void> {
			begin();
			const engine = instance.setting.key;
			progress(engine);
			const targets: CapacityTarget[] = [];
			for (const side of SIDES) {
				const deployed = await instance.deploy(workflowFor(side));
				targets.push({ side, url: deployed.url, executions: () => finishedExecutions(instance.n8n, deployed.id) });
			}
			const setting = await measureCapacitySetting(
				simulator,
				targets,
				{ key: capacityKey(engine, 0), label: `regular mode, ${engineWords(engine)}`, engine, webhookProcessors: 0, workers: 0 },
				config,
				log,
			);
			settings.push(setting);
		},
		/** A queue cluster of one engine setting (booted at 1 + 1, the minimal trigger installed): 1, then 2 webhook processors. */
		async inCluster(cluster: QueueCluster, engine: EngineSetting): Promise<void> {
			begin();
			for (const processors of QUEUE_CAPACITY_LAYOUTS) {
				while (cluster.webhookProcessors.length < processors) await cluster.addWebhookProcessor();
				const key = capacityKey(engine.key, processors);
				progress(key);
				const targets: CapacityTarget[] = [];
				for (const side of SIDES) targets.push({ side, ...(await deployInCluster(cluster, workflowFor(side))) });
				settings.push(
					await measureCapacitySetting(
						simulator,
						targets,
						{ key, label: `queue mode, ${processors} webhook processor${processors > 1 ? 's' : ''} + ${cluster.workers.length} worker, ${engineWords(engine.key)}`, engine: engine.key, webhookProcessors: processors, workers: cluster.workers.length },
						config,
						log,
					),
				);
			}
		},
		/** Queue mode not run, and why. */
		skipQueue(reason: string): void {
			begin();
			log(`capacity, queue mode: not run (${reason})`);
			queueSkipped = reason;
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

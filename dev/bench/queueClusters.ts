/**
 * Queue mode for sections 7 and 8: one cluster per expression-engine setting (QUEUE_ENGINES), booted with 1
 * webhook processor + 1 worker and that setting's environment in every n8n process (the settings are read once
 * per process at start), reused by every section measured in it: decisions first (at 1 + 1), then capacity
 * (which adds webhook processors). One boot per setting instead of one per section keeps the run short.
 */
import { CREDENTIAL_TYPE } from '../../nodes/shared/credentialType';
import { executionStatusCounts, openExecutions, queueModeMissing, startQueueCluster, type QueueCluster } from '../harness/queue';
import type { DeskSimulator } from '../simulator';
import { simulatorCredentials } from '../simulator/n8nCredential';
import { ENGINE_SETTINGS, QUEUE_ENGINES, type EngineSetting } from './n8nSetup';
import { CREDENTIAL_NAME, type BenchWorkflow } from './workflows';

/** The layout each cluster boots with; capacity then adds webhook processors. */
export const QUEUE_BOOT_LAYOUT = { webhookProcessors: 1, workers: 1, workerConcurrency: 10 };

/** Why queue mode is not run (BENCH_QUEUE=off, or PostgreSQL / Redis missing), or undefined. */
export function queueSkipReason(queue: boolean): string | undefined {
	return !queue ? 'BENCH_QUEUE=off' : queueModeMissing();
}

/**
 * Boots a cluster per queue setting in turn, hands it to `body`, stops it. `extraTarballs`: more community
 * packages for every process (the minimal trigger, for capacity).
 */
export async function inQueueClusters(
	options: { simulator: DeskSimulator; tarball: string; extraTarballs?: string[]; engines?: readonly EngineSetting['key'][]; log: (line: string) => void },
	body: (cluster: QueueCluster, setting: EngineSetting) => Promise<void>,
): Promise<void> {
	for (const key of options.engines ?? QUEUE_ENGINES) {
		const setting = ENGINE_SETTINGS[key];
		let cluster: QueueCluster | undefined;
		try {
			options.log(`queue mode, ${setting.label}: booting a cluster (${QUEUE_BOOT_LAYOUT.webhookProcessors} webhook processor + ${QUEUE_BOOT_LAYOUT.workers} worker)`);
			cluster = await startQueueCluster({ ...QUEUE_BOOT_LAYOUT, env: setting.env, packageTarball: options.tarball, extraPackageTarballs: options.extraTarballs, log: false });
			await cluster.api.createCredential(CREDENTIAL_NAME, CREDENTIAL_TYPE, simulatorCredentials(options.simulator));
			await body(cluster, setting);
		} finally {
			await cluster?.stop();
		}
	}
}

/** A workflow published in a cluster: its URL through the proxy, its executions from PostgreSQL. */
export interface ClusterWorkflow {
	id: string;
	url: string;
	/** Finished executions by status. */
	executions(): Promise<Record<string, number>>;
	/** Executions created and not finished. */
	unfinished(): Promise<number>;
}

export async function deployInCluster(cluster: QueueCluster, workflow: BenchWorkflow): Promise<ClusterWorkflow> {
	const created = await cluster.api.createWorkflow(workflow.json);
	await cluster.api.activateWorkflow(created.id);
	// Every webhook processor must know the webhook before the proxy sends it callbacks.
	for (const processor of cluster.webhookProcessors) await cluster.api.waitForWebhook(`${processor.baseUrl}/webhook/${workflow.webhookPath}`);
	const finished = (counts: Record<string, number>) => Object.fromEntries(Object.entries(counts).filter(([status]) => !['new', 'running', 'waiting', 'unknown'].includes(status)));
	return {
		id: created.id,
		url: `${cluster.proxy.url}/webhook/${workflow.webhookPath}`,
		executions: async () => finished(await executionStatusCounts(cluster.postgres, created.id)),
		unfinished: async () => openExecutions(await executionStatusCounts(cluster.postgres, created.id)),
	};
}

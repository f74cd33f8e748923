/**
 * Queue-mode benchmark: signed Desk callbacks through the proxy into n8n 2.41.1 in queue mode (PostgreSQL,
 * Redis, main, webhook processors, workers), first with 1 webhook processor + 1 worker, then scaled out (by
 * starting more processes in the same cluster) to 2 + 2. For each step: ack rate and ack latency as Desk
 * sees them, and how fast the workers turned the callbacks into finished executions (counted in PostgreSQL).
 *
 *   const result = await runQueueBench({ callbacks: 1000 });
 */
import { cpus, loadavg } from 'node:os';

import {
	burstWorkflow,
	executionRows,
	type QueueCluster,
	sendBurst,
	sessionEventPayload,
	startQueueCluster,
	uniqueDeliveries,
	waitForSettledExecutions,
} from '../../harness/queue';
import type { Logger } from '../../harness/log';
import { N8N_VERSION } from '../../harness/install';
import { CREDENTIAL_TYPE } from '../../../nodes/shared/credentialType';
import { startDeskSimulator } from '../../simulator';
import { simulatorCredentials } from '../../simulator/n8nCredential';

export interface QueueBenchOptions {
	/** Measured callbacks per configuration (default 1,000). */
	callbacks?: number;
	/** Callbacks in flight at once (default 10, as the single-process bench). */
	concurrency?: number;
	/** Unmeasured callbacks first, per configuration (default 50). */
	warmup?: number;
	/** Configurations in the order run; each must have at least as many processes as the one before (default 1+1, then 2+2). */
	configurations?: { webhookProcessors: number; workers: number }[];
	/** `--concurrency` of each worker (default 10, n8n's own default). */
	workerConcurrency?: number;
	/** Extra environment for every n8n process (e.g. `{ N8N_EXPRESSION_ENGINE: 'legacy' }`). */
	env?: Record<string, string | undefined>;
	log?: Logger | boolean;
}

export interface QueueBenchRow {
	webhookProcessors: number;
	workers: number;
	callbacks: number;
	concurrency: number;
	/** Callbacks answered with Desk's ack (HTTP 200). */
	acked: number;
	/** Acks per second over the burst (what one Desk app's callbacks can sustain). */
	acksPerSecond: number;
	p50AckMs: number;
	p99AckMs: number;
	maxAckMs: number;
	/** Executions of the burst by status, from PostgreSQL (all `success` when nothing was lost). */
	executions: Record<string, number>;
	/** Finished executions per second, from the first callback sent to the last execution's stoppedAt. */
	executionsPerSecond: number;
	/** How long after the last ack the workers needed to finish the backlog. */
	drainSecondsAfterLastAck: number;
	/** 1-minute load average right after the burst (other work on the machine skews every figure). */
	loadAverageAfter: number;
}

export interface QueueBenchResult {
	n8nVersion: string;
	/** n8n's expression engine setting used (`default` unless overridden through `env`). */
	expressionEngine: string;
	workerConcurrency: number;
	cpus: number;
	/** 1-minute load average before the first burst (other work on the machine skews every figure). */
	loadAverageBefore: number;
	clusterBootSeconds: number;
	rows: QueueBenchRow[];
	totalSeconds: number;
}

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

export async function runQueueBench(options: QueueBenchOptions = {}): Promise<QueueBenchResult> {
	const callbacks = options.callbacks ?? 1000;
	const concurrency = options.concurrency ?? 10;
	const warmup = options.warmup ?? 50;
	const workerConcurrency = options.workerConcurrency ?? 10;
	const configurations = options.configurations ?? [
		{ webhookProcessors: 1, workers: 1 },
		{ webhookProcessors: 2, workers: 2 },
	];
	for (let i = 1; i < configurations.length; i++) {
		if (configurations[i].webhookProcessors < configurations[i - 1].webhookProcessors || configurations[i].workers < configurations[i - 1].workers) {
			throw new Error('runQueueBench: configurations must not shrink (the cluster is scaled out between them)');
		}
	}
	const started = Date.now();
	const simulator = await startDeskSimulator({ seed: false });
	let cluster: QueueCluster | undefined;
	try {
		cluster = await startQueueCluster({
			webhookProcessors: configurations[0].webhookProcessors,
			workers: configurations[0].workers,
			workerConcurrency,
			env: options.env,
			log: options.log,
		});
		const clusterBootSeconds = (Date.now() - started) / 1000;
		const credentialName = 'Tencent Cloud Desk account';
		await cluster.api.createCredential(credentialName, CREDENTIAL_TYPE, simulatorCredentials(simulator));
		const session = simulator.sessions.create({});
		const loadAverageBefore = loadavg()[0];
		const rows: QueueBenchRow[] = [];
		for (const [index, configuration] of configurations.entries()) {
			while (cluster.webhookProcessors.length < configuration.webhookProcessors) await cluster.addWebhookProcessor();
			while (cluster.workers.length < configuration.workers) await cluster.addWorker();
			const { workflow, webhookId } = burstWorkflow({ name: `queue bench ${index + 1}`, credentialName });
			const created = await cluster.api.createWorkflow(workflow);
			await cluster.api.activateWorkflow(created.id);
			await cluster.waitForWebhook(webhookId);
			const url = cluster.webhookUrl(webhookId);
			const prefix = `qbench${index}-${Date.now().toString(16)}`;

			if (warmup > 0) {
				await sendBurst(simulator, url, uniqueDeliveries(`${prefix}w`, warmup, (n) => sessionEventPayload(session, n)), concurrency);
				await waitForSettledExecutions(cluster.postgres, created.id, { expectedAtLeast: warmup, timeoutMs: 5 * 60_000 });
			}
			const firstSent = Date.now();
			const deliveries = uniqueDeliveries(`${prefix}m`, callbacks, (n) => sessionEventPayload(session, n));
			const burst = await sendBurst(simulator, url, deliveries, concurrency);
			const lastAck = Date.now();
			const loadAverageAfter = loadavg()[0];
			await waitForSettledExecutions(cluster.postgres, created.id, { expectedAtLeast: warmup + callbacks, timeoutMs: 15 * 60_000 });
			const drained = Date.now();
			const measured = (await executionRows(cluster.postgres, created.id, `${prefix}m-[0-9]+`)).filter((row) => row.requestId !== '');
			const executions: Record<string, number> = {};
			for (const row of measured) executions[row.status] = (executions[row.status] ?? 0) + 1;
			const lastStop = Math.max(...measured.map((row) => (row.stoppedAt ? Date.parse(row.stoppedAt) : 0)));
			const row: QueueBenchRow = {
				webhookProcessors: cluster.webhookProcessors.length,
				workers: cluster.workers.length,
				callbacks,
				concurrency,
				acked: burst.acked,
				acksPerSecond: round(burst.perSecond),
				p50AckMs: Math.round(burst.p50Ms),
				p99AckMs: Math.round(burst.p99Ms),
				maxAckMs: Math.round(burst.maxMs),
				executions,
				executionsPerSecond: round((executions.success ?? 0) / ((Math.max(lastStop, lastAck) - firstSent) / 1000)),
				drainSecondsAfterLastAck: round((drained - lastAck) / 1000),
				loadAverageAfter: round(loadAverageAfter, 2),
			};
			rows.push(row);
		}
		return {
			n8nVersion: N8N_VERSION,
			expressionEngine: options.env?.N8N_EXPRESSION_ENGINE ?? 'default',
			workerConcurrency,
			cpus: cpus().length,
			loadAverageBefore: round(loadAverageBefore, 2),
			clusterBootSeconds: round(clusterBootSeconds),
			rows,
			totalSeconds: round((Date.now() - started) / 1000),
		};
	} finally {
		await cluster?.stop();
		await simulator.close();
	}
}

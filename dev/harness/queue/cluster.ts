/**
 * n8n 2.41.1 in queue mode, all on 127.0.0.1: PostgreSQL + Redis (Debian packages), the main instance
 * (`n8n start`: editor, API, publishing; it does not serve production webhooks here), N webhook processors
 * (`n8n webhook`) behind a small proxy, and M workers (`n8n worker`). Every n8n process has this package
 * installed from the same tarball the way the Community Nodes installer does.
 *
 *   const cluster = await startQueueCluster({ webhookProcessors: 2, workers: 2 });
 *   const wf = await cluster.api.createWorkflow(json); await cluster.api.activateWorkflow(wf.id);
 *   await cluster.waitForWebhook(webhookId);                 // registered on every webhook processor
 *   simulator.sendCallback(cluster.webhookUrl(webhookId), …) // through the proxy
 *   await cluster.stop();
 */
import type { N8nApiClient } from '../api';
import { sleep } from '../http';
import { ensureRuntime } from '../install';
import { type N8nInstance, startN8n } from '../instance';
import { type Logger, resolveLogger } from '../log';
import { type N8nProcess, startN8nProcess } from '../n8nProcess';
import { packPackage } from '../pack';
import { makeTempFolder, type TempFolder } from '../processes';
import { startPostgres, type PostgresServer } from './postgres';
import { type ProxyStrategy, startWebhookProxy, type WebhookProxy } from './proxy';
import { startRedis, type RedisServer } from './redis';

export type N8nRole = 'webhook' | 'worker';

/** A webhook processor (`n8n webhook`) or a worker (`n8n worker`, whose `port` is its health check). */
export interface N8nRoleProcess extends N8nProcess {
	role: N8nRole;
	/** 1-based within its role, for logs ("webhook 2"). */
	ordinal: number;
}

export interface QueueClusterOptions {
	/** `n8n webhook` processes behind the proxy (default 2). */
	webhookProcessors?: number;
	/** `n8n worker` processes (default 2). */
	workers?: number;
	/** `--concurrency` of each worker (default n8n's 10). */
	workerConcurrency?: number;
	/** How the proxy spreads callbacks over the webhook processors (default round-robin). */
	proxyStrategy?: ProxyStrategy;
	/** A packed package; default: build and pack this repository once for every process. */
	packageTarball?: string;
	/** More packed community packages, installed beside it in every n8n process. */
	extraPackageTarballs?: string[];
	/** Extra environment for every n8n process (e.g. `N8N_EXECUTIONS_QUEUE_RECOVERY_INTERVAL`). */
	env?: Record<string, string | undefined>;
	/** Extra PostgreSQL `-c` settings. */
	postgresSettings?: Record<string, string>;
	log?: Logger | boolean;
	/** Keep the n8n folders (logs) after stop (default env `KEEP_N8N=1`). */
	keep?: boolean;
	cacheDir?: string;
}

export interface QueueCluster {
	main: N8nInstance;
	/** The main instance's API client (workflows, credentials, publishing). */
	api: N8nApiClient;
	postgres: PostgresServer;
	redis: RedisServer;
	proxy: WebhookProxy;
	webhookProcessors: N8nRoleProcess[];
	workers: N8nRoleProcess[];
	/** Production URL through the proxy: `/webhook/<webhookId>/<path>`. */
	webhookUrl(webhookId: string, path?: string): string;
	/** Wait (bounded) until every running webhook processor answers for this webhook (CORS preflight probe). */
	waitForWebhook(webhookId: string, path?: string, timeoutMs?: number): Promise<void>;
	/** Start one more webhook processor and put it behind the proxy. */
	addWebhookProcessor(): Promise<N8nRoleProcess>;
	addWorker(): Promise<N8nRoleProcess>;
	/** Log tails of every n8n process, for a failing test. */
	logTails(lines?: number): string;
	stop(): Promise<void>;
}

export async function startQueueCluster(options: QueueClusterOptions = {}): Promise<QueueCluster> {
	const log = resolveLogger(options.log);
	const keep = options.keep ?? process.env.KEEP_N8N === '1';
	const started = Date.now();
	const runtime = await ensureRuntime({ cacheDir: options.cacheDir, log });
	const webhookProcessors: N8nRoleProcess[] = [];
	const workers: N8nRoleProcess[] = [];
	let postgres: PostgresServer | undefined;
	let redis: RedisServer | undefined;
	let proxy: WebhookProxy | undefined;
	let main: N8nInstance | undefined;
	let packDir: TempFolder | undefined;

	const stopAll = async () => {
		// Webhook processors first (no new jobs), then workers, then main, then the stores.
		await Promise.all(webhookProcessors.map((process) => process.stop()));
		await Promise.all(workers.map((process) => process.stop()));
		await main?.stop();
		await proxy?.close();
		await redis?.stop();
		await postgres?.stop();
		await packDir?.remove();
	};

	try {
		let tarball = options.packageTarball;
		if (!tarball) {
			packDir = await makeTempFolder('n8n-harness-pack-');
			tarball = await packPackage({ destDir: packDir.path, log });
		}
		[postgres, redis, proxy] = await Promise.all([
			startPostgres({ log, settings: options.postgresSettings }),
			startRedis({ log }),
			startWebhookProxy([], options.proxyStrategy),
		]);
		const sharedEnv: Record<string, string | undefined> = {
			...postgres.n8nEnv(),
			...redis.n8nEnv(),
			EXECUTIONS_MODE: 'queue',
			// Users paste the load balancer's URL into Desk: make the editor show that one.
			N8N_WEBHOOK_URL: `${proxy.url}/`,
			// The harness counts every execution: nothing may prune them mid-test.
			EXECUTIONS_DATA_PRUNE: 'false',
			...options.env,
		};
		// Main runs the migrations: start it alone, then the others in parallel.
		main = await startN8n({
			packageTarball: tarball,
			extraPackageTarballs: options.extraPackageTarballs,
			env: { ...sharedEnv, N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true' },
			log,
			keep,
			cacheDir: options.cacheDir,
		});
		const packageTarball = tarball;
		const startRole = async (role: N8nRole): Promise<N8nRoleProcess> => {
			const list = role === 'webhook' ? webhookProcessors : workers;
			const ordinal = list.length + 1;
			const concurrency = role === 'worker' && options.workerConcurrency ? [`--concurrency=${options.workerConcurrency}`] : [];
			const n8n = await startN8nProcess({
				runtime,
				command: role,
				args: concurrency,
				label: `n8n ${role} ${ordinal}`,
				tarball: packageTarball,
				extraTarballs: options.extraPackageTarballs,
				env: sharedEnv,
				keep,
				log,
			});
			const member = Object.assign(n8n, { role, ordinal });
			list.push(member);
			if (role === 'webhook') proxy?.addBackend(member.baseUrl);
			return member;
		};
		// Sequential within a role keeps ordinals and proxy order stable; roles boot side by side.
		const bootRole = async (role: N8nRole, count: number) => {
			for (let i = 0; i < count; i++) await startRole(role);
		};
		await Promise.all([bootRole('webhook', options.webhookProcessors ?? 2), bootRole('worker', options.workers ?? 2)]);
		log(
			`queue cluster ready in ${((Date.now() - started) / 1000).toFixed(1)} s: main ${main.baseUrl}, ` +
				`${webhookProcessors.length} webhook processor(s) behind ${proxy.url} (${proxy.strategy}), ${workers.length} worker(s)`,
		);

		const clusterMain = main;
		const clusterProxy = proxy;
		let stopped = false;
		const cluster: QueueCluster = {
			main: clusterMain,
			api: clusterMain.api,
			postgres,
			redis,
			proxy: clusterProxy,
			webhookProcessors,
			workers,
			webhookUrl: (webhookId, path = 'webhook') => `${clusterProxy.url}/webhook/${webhookId}/${path}`,
			async waitForWebhook(webhookId, path = 'webhook', timeoutMs = 30_000) {
				// One deadline for all processors; a connection error (a processor still binding) is retried until then.
				const deadline = Date.now() + timeoutMs;
				for (const processor of webhookProcessors.filter((candidate) => candidate.isRunning())) {
					for (;;) {
						try {
							await clusterMain.api.waitForWebhook(`${processor.baseUrl}/webhook/${webhookId}/${path}`, undefined, {
								timeoutMs: Math.max(1, deadline - Date.now()),
							});
							break;
						} catch (error) {
							if (Date.now() > deadline) throw error;
							await sleep(200);
						}
					}
				}
			},
			addWebhookProcessor: () => startRole('webhook'),
			addWorker: () => startRole('worker'),
			logTails: (lines = 40) =>
				[
					`--- main (${clusterMain.logFile}) ---\n${clusterMain.logTail(lines)}`,
					...[...webhookProcessors, ...workers].map((process) => `--- ${process.role} ${process.ordinal} (${process.logFile}) ---\n${process.logTail(lines)}`),
				].join('\n'),
			async stop() {
				if (stopped) return;
				stopped = true;
				await stopAll();
				log('queue cluster stopped');
			},
		};
		return cluster;
	} catch (error) {
		await stopAll();
		throw error;
	}
}

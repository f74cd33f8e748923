/**
 * One n8n instance per expression-engine setting, reused for every scenario in that setting:
 * boot (with this package installed from one tarball), the credential, and helpers to deploy a
 * workflow and to count its finished executions cheaply.
 */
import type { N8nInstance } from '../harness';
import { mkdirSync } from 'fs';
import { join } from 'path';

import { packPackage, startN8n, type Logger } from '../harness';
import { HttpError, sleep } from '../harness/http';
import type { DeskSimulator } from '../simulator';
import { simulatorCredentials } from '../simulator/n8nCredential';
import type { BenchWorkflow } from './workflows';
import { CREDENTIAL_TYPE } from '../../nodes/shared/credentialType';
import { CREDENTIAL_NAME } from './workflows';

export interface EngineSetting {
	key: 'default' | 'legacy' | 'tuned';
	label: string;
	/** Environment that selects it (besides what every instance gets). */
	env: Record<string, string>;
}

/**
 * Isolates the tuned setting keeps in n8n's expression-isolate pool (N8N_EXPRESSION_ENGINE_POOL_SIZE, default 1).
 * Measured with the tuned flags, n8n 2.41.1, 2 cores (one boot per size, twice; the machine was not quiet):
 * idle RSS after warm-up 818–846 MiB at 1, 859–864 at 4, 907–916 at 8, so about 12 MiB per pooled isolate;
 * throughput the same within noise (n8n's own VIP nodes, 200 closed-loop answers at concurrency 10: 10.9, 10.2,
 * 11.3/s), since building an isolate costs the same CPU whatever the pool. A pool only saves waiting: requests
 * that arrive together find isolates built ahead instead of queueing for builds (60–75 ms of CPU each). 4 absorbs
 * such a burst for about 36 MiB more than n8n's default, is the size of the trial, and 8 added memory
 * without a measured gain.
 */
export const TUNED_POOL_SIZE = 4;

export const ENGINE_SETTINGS: Record<EngineSetting['key'], EngineSetting> = {
	default: { key: 'default', label: 'default expression engine (vm isolate)', env: {} },
	legacy: { key: 'legacy', label: 'like-for-like: N8N_EXPRESSION_ENGINE=legacy', env: { N8N_EXPRESSION_ENGINE: 'legacy' } },
	// The default engine as a busy Desk app would run it: an isolate only when an expression is evaluated (an
	// experimental n8n flag), compiled expressions cached, and isolates built ahead for concurrent requests.
	tuned: {
		key: 'tuned',
		label: 'default engine, tuned: lazy isolate acquisition, compile cache, isolate pool',
		env: {
			N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE: 'true',
			N8N_EXPRESSION_ENGINE_COMPILE_CACHE: 'true',
			N8N_EXPRESSION_ENGINE_POOL_SIZE: String(TUNED_POOL_SIZE),
		},
	},
};

/** "default engine", "legacy engine", "default engine, tuned": how labels and section names call a setting. */
export const engineWords = (key: EngineSetting['key']): string => (key === 'tuned' ? 'default engine, tuned' : `${key} engine`);

/** The settings in the order a run measures them. */
export const ENGINE_ORDER: EngineSetting['key'][] = ['legacy', 'default', 'tuned'];

/** The settings queue mode is measured in (legacy only in regular mode: it is the like-for-like reference). */
export const QUEUE_ENGINES: EngineSetting['key'][] = ['default', 'tuned'];

/**
 * Every instance: the DIY Code nodes may `require('crypto')` and `require('zlib')` (n8n's task runner
 * refuses Node built-ins otherwise). It changes nothing for the Webhook node or this package's nodes.
 */
export const COMMON_ENV: Record<string, string> = { NODE_FUNCTION_ALLOW_BUILTIN: 'crypto,zlib' };

export interface BenchInstance {
	setting: EngineSetting;
	n8n: N8nInstance;
	/** n8n's boot time, for the log. */
	bootSeconds: number;
	deploy(workflow: BenchWorkflow): Promise<DeployedWorkflow>;
	stop(): Promise<void>;
}

export interface DeployedWorkflow {
	id: string;
	url: string;
	workflow: BenchWorkflow;
}

export async function startBenchInstance(
	setting: EngineSetting,
	options: { tarball: string; extraTarballs?: string[]; simulator: DeskSimulator; extraEnv?: Record<string, string>; log?: (line: string) => void },
): Promise<BenchInstance> {
	const started = Date.now();
	const n8n = await startN8n({
		packageTarball: options.tarball,
		extraPackageTarballs: options.extraTarballs,
		env: { ...COMMON_ENV, ...setting.env, ...options.extraEnv },
		log: options.log ?? false,
	});
	const bootSeconds = (Date.now() - started) / 1000;
	await n8n.api.createCredential(CREDENTIAL_NAME, CREDENTIAL_TYPE, simulatorCredentials(options.simulator));
	return {
		setting,
		n8n,
		bootSeconds,
		async deploy(workflow) {
			const created = await n8n.api.createWorkflow(workflow.json);
			await n8n.api.activateWorkflow(created.id);
			const url = n8n.api.webhookUrl(workflow.webhookPath);
			await n8n.api.waitForWebhook(url);
			return { id: created.id, url, workflow };
		},
		stop: () => n8n.stop(),
	};
}

interface ExecutionPage {
	count: number;
	estimated?: boolean;
	results: { id: string; status: string }[];
}

/** Executions of a workflow (with one of these statuses), from the editor's list endpoint (one small query, not every page). */
export async function countExecutions(n8n: N8nInstance, workflowId: string, status?: string | string[]): Promise<number> {
	const filter = JSON.stringify(status ? { workflowId, status: Array.isArray(status) ? status : [status] } : { workflowId });
	// Saturated, n8n's health check briefly answers 503 "Database is not ready!": ask again, bounded.
	for (let attempt = 1; ; attempt++) {
		try {
			const page = await n8n.api.rest<ExecutionPage>('GET', `/executions?filter=${encodeURIComponent(filter)}&limit=1`);
			return page.count;
		} catch (error) {
			if (!(error instanceof HttpError && error.status === 503) || attempt >= 60) throw error;
			await sleep(500);
		}
	}
}

/** Finished executions of the workflow so far, by outcome (both counts asked for at once). */
export async function finishedExecutions(n8n: N8nInstance, workflowId: string): Promise<{ success: number; error: number }> {
	const [success, error] = await Promise.all([countExecutions(n8n, workflowId, 'success'), countExecutions(n8n, workflowId, 'error')]);
	return { success, error };
}

/** Executions of the workflow started and not finished yet. */
export const unfinishedExecutions = (n8n: N8nInstance, workflowId: string): Promise<number> => countExecutions(n8n, workflowId, ['new', 'running']);

/**
 * Poll until `expected` executions of the workflow have finished (success or error), bounded; returns when the
 * last one was seen (ms, performance.now clock) and the counts by status.
 */
export async function waitForFinishedExecutions(
	n8n: N8nInstance,
	workflowId: string,
	expected: number,
	timeoutMs: number,
): Promise<{ seenAt: number; success: number; error: number; timedOut: boolean }> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const { success, error } = await finishedExecutions(n8n, workflowId);
		if (success + error >= expected) return { seenAt: performance.now(), success, error, timedOut: false };
		if (Date.now() > deadline) return { seenAt: performance.now(), success, error, timedOut: true };
		await sleep(100);
	}
}

/** This package packed into the bench's output folder (`dev/bench/out/pack`), where the minimal trigger is packed too. */
export async function packForBench(log: Logger | boolean): Promise<{ packDir: string; tarball: string }> {
	const packDir = join(__dirname, 'out', 'pack');
	mkdirSync(packDir, { recursive: true });
	return { packDir, tarball: await packPackage({ destDir: packDir, log }) };
}

/**
 * One extra n8n process of a queue-mode cluster: `n8n webhook` (a webhook processor) or `n8n worker`.
 * Each gets its own user folder with this package installed as the Community Nodes installer does
 * (same `installPackageInto` as `startN8n`), its own free ports, its own process group (kept by PID).
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { n8nEnv } from '../env';
import { lastLines } from '../exec';
import { httpRequest, sleep } from '../http';
import type { Runtime } from '../install';
import type { Logger } from '../log';
import { installPackageInto } from '../pack';
import { freePorts } from '../ports';
import { isGroupAlive, registerFolder, registerProcess, stopProcessGroup, unregisterFolder } from '../processes';

export type N8nRole = 'webhook' | 'worker';

export interface N8nRoleProcess {
	role: N8nRole;
	/** 1-based within its role, for logs ("webhook 2"). */
	ordinal: number;
	/** PID of `n8n webhook|worker`, leader of its own process group (a worker's task runner is in it). */
	pid: number;
	/** Webhook processor: its HTTP port (webhooks + /healthz). Worker: its health-check port. */
	port: number;
	baseUrl: string;
	folder: string;
	logFile: string;
	logTail(lines?: number): string;
	/** False once stopped or killed. */
	isRunning(): boolean;
	/** SIGTERM the group (n8n's graceful shutdown), bounded, then SIGKILL. Removes the folder unless kept (also after kill()). */
	stop(): Promise<void>;
	/** SIGKILL the whole process group at once (a crash: no graceful shutdown). */
	kill(): Promise<void>;
}

export interface StartRoleOptions {
	role: N8nRole;
	ordinal: number;
	runtime: Runtime;
	tarball: string;
	/** Cluster-wide environment (DB, Redis, EXECUTIONS_MODE, …), applied after the harness defaults. */
	env: Record<string, string | undefined>;
	/** `n8n worker --concurrency=` (default n8n's 10). */
	concurrency?: number;
	keep?: boolean;
	log: Logger;
	readinessTimeoutMs?: number;
}

function readTail(file: string, lines: number): string {
	try {
		return lastLines(readFileSync(file, 'utf8'), lines);
	} catch {
		return '(no log)';
	}
}

export async function startN8nRole(options: StartRoleOptions): Promise<N8nRoleProcess> {
	const { role, ordinal, runtime, log } = options;
	const label = `${role} ${ordinal}`;
	const folder = await mkdtemp(join(tmpdir(), `n8n-queue-${role}-`));
	const keep = options.keep ?? false;
	if (!keep) registerFolder(folder);
	const n8nFolder = join(folder, '.n8n');
	await mkdir(n8nFolder, { recursive: true });
	const logFile = join(folder, 'n8n.log');
	let pid: number | undefined;
	let killed = false;
	let stopped = false;

	const removeFolder = async () => {
		if (!keep) await rm(folder, { recursive: true, force: true });
		unregisterFolder(folder);
	};

	try {
		await installPackageInto(n8nFolder, options.tarball, { log: false });
		for (let attempt = 1; ; attempt++) {
			const [port, brokerPort] = await freePorts(2);
			const roleEnv: Record<string, string | undefined> =
				role === 'worker'
					? { QUEUE_HEALTH_CHECK_ACTIVE: 'true', QUEUE_HEALTH_CHECK_PORT: String(port), N8N_WORKER_SERVER_ADDRESS: '127.0.0.1' }
					: {};
			// n8nEnv's N8N_PORT is the webhook processor's listening port; a worker listens only on its health port.
			const env = n8nEnv({
				userFolder: folder,
				port,
				brokerPort,
				nodeBin: runtime.nodeBin,
				extra: { ...options.env, ...roleEnv },
			});
			const args = [runtime.n8nBin, role, ...(role === 'worker' && options.concurrency ? [`--concurrency=${options.concurrency}`] : [])];
			const logOffset = existsSync(logFile) ? statSync(logFile).size : 0;
			const logFd = openSync(logFile, 'a');
			const child = spawn(runtime.nodeBin, args, { cwd: folder, env, detached: true, stdio: ['ignore', logFd, logFd] });
			closeSync(logFd);
			let exited: string | undefined;
			child.on('exit', (code, signal) => {
				exited = `code ${code ?? '-'}, signal ${signal ?? '-'}`;
			});
			child.on('error', (error) => {
				exited = `spawn error: ${error.message}`;
			});
			child.unref();
			if (child.pid === undefined) throw new Error(`n8n ${role} did not start: ${exited ?? 'no pid'}`);
			pid = child.pid;
			registerProcess(pid, `n8n ${label} (${folder})`);
			const started = Date.now();
			const baseUrl = `http://127.0.0.1:${port}`;
			const deadline = started + (options.readinessTimeoutMs ?? 180_000);
			let lastError = '';
			let ready = false;
			while (!exited && Date.now() < deadline) {
				try {
					const response = await httpRequest(`${baseUrl}/healthz/readiness`, { timeoutMs: 5_000 });
					if (response.status === 200) {
						ready = true;
						break;
					}
					lastError = `HTTP ${response.status}`;
				} catch (error) {
					lastError = (error as Error).message;
				}
				await sleep(250);
			}
			if (!ready) {
				await stopProcessGroup(pid);
				const attemptLog = readFileSync(logFile, 'utf8').slice(logOffset);
				pid = undefined;
				if (attempt < 3 && exited && /EADDRINUSE|already in use/i.test(attemptLog)) {
					log(`n8n ${label}: a chosen port was taken meanwhile, retrying with new ports`);
					continue;
				}
				throw new Error(
					`n8n ${label} not ready (${exited ? `exited: ${exited}` : `last: ${lastError}`})\n--- log (last 60 lines, ${logFile}) ---\n${readTail(logFile, 60)}`,
				);
			}
			log(`n8n ${label} ready in ${((Date.now() - started) / 1000).toFixed(1)} s: pid ${pid}, ${baseUrl}`);
			const leader = pid;
			return {
				role,
				ordinal,
				pid: leader,
				port,
				baseUrl,
				folder,
				logFile,
				logTail: (lines = 60) => readTail(logFile, lines),
				isRunning: () => !killed && !stopped && isGroupAlive(leader),
				async stop() {
					if (stopped) return;
					stopped = true;
					if (!killed) await stopProcessGroup(leader);
					await removeFolder();
					if (!killed) log(`n8n ${label} stopped (pid ${leader})`);
				},
				async kill() {
					if (killed || stopped) return;
					killed = true;
					await stopProcessGroup(leader, 10_000, 'SIGKILL');
					log(`n8n ${label} killed with SIGKILL (pid ${leader})`);
				},
			};
		}
	} catch (error) {
		if (pid !== undefined) await stopProcessGroup(pid);
		await removeFolder();
		throw error;
	}
}

/**
 * One throwaway n8n 2.41.1 instance: fresh user folder with this package installed as a community node,
 * booted on free loopback ports, owner + API key set up, torn down by `stop()`.
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { N8nApiClient } from './api';
import { n8nEnv } from './env';
import { lastLines, run } from './exec';
import { httpRequest, sleep } from './http';
import { ensureRuntime, type Runtime } from './install';
import { type Logger, resolveLogger } from './log';
import { createApiKey, DEFAULT_OWNER, login, type OwnerAccount, setupOwner } from './owner';
import { type InstallMode, installPackageInto, packPackage } from './pack';
import { freePorts } from './ports';
import { isGroupAlive, registerFolder, registerProcess, stopProcessGroup, unregisterFolder } from './processes';

export interface StartN8nOptions {
	/**
	 * The package to install as a community node: a .tgz path; `undefined` builds and packs this repo;
	 * `false` boots n8n without it.
	 */
	packageTarball?: string | false;
	/** How to install the tarball (default: as n8n 2.41.1's Community Nodes installer does). */
	installMode?: InstallMode;
	/** Extra environment for n8n (e.g. `{ N8N_EXPRESSION_ENGINE: 'legacy' }`); `undefined` values remove a key. */
	env?: Record<string, string | undefined>;
	/** Progress lines; `false` silences them. */
	log?: Logger | boolean;
	/** Keep the instance folder after `stop()` (default: env `KEEP_N8N=1`). */
	keep?: boolean;
	/** Cache folder for Node 24 + n8n (default: env `N8N_HARNESS_CACHE` or ~/.cache/n8n-nodes-tencent-desk). */
	cacheDir?: string;
	/** Bound on waiting for `/healthz/readiness` (default 180 s). */
	readinessTimeoutMs?: number;
	owner?: OwnerAccount;
}

export interface HeadlessRunResult {
	/** The `n8n execute --rawOutput` JSON (a run's full data), when the run succeeded. */
	data?: { data: { resultData: { runData: Record<string, unknown>; error?: unknown } }; status?: string; [key: string]: unknown };
	code: number;
	stdout: string;
	stderr: string;
}

export interface N8nInstance {
	baseUrl: string;
	port: number;
	brokerPort: number;
	/** PID of `n8n start`, leader of its own process group (its task runner is in the group). */
	pid: number;
	/** The instance folder (`N8N_USER_FOLDER`); n8n's own files are in `<folder>/.n8n`. */
	folder: string;
	logFile: string;
	api: N8nApiClient;
	owner: { email: string; password: string };
	runtime: Runtime;
	/** The package installed as a community node, if any (a tarball packed by `startN8n` is deleted by `stop()`). */
	installedPackage?: { name: string; version: string; tarball: string };
	/** The owner's session cookie, shaped for Playwright's `context.addCookies()` (not bound to a browser id). */
	browserCookies(): { name: string; value: string; url: string }[];
	/** The last `lines` lines of n8n's log. */
	logTail(lines?: number): string;
	/** Run a saved workflow once from its start node with `n8n execute --id=… --rawOutput` (own broker port). */
	runWorkflowHeadless(workflowId: string, options?: { timeoutMs?: number }): Promise<HeadlessRunResult>;
	/** SIGTERM the process group, wait (bounded, then SIGKILL), remove the folder unless kept. Idempotent. */
	stop(): Promise<void>;
	readonly stopped: boolean;
}

function readTail(file: string, lines: number): string {
	try {
		return lastLines(readFileSync(file, 'utf8'), lines);
	} catch {
		return '(no log)';
	}
}

interface Booted {
	port: number;
	brokerPort: number;
}

/** `n8n start` as the leader of its own process group (registered for cleanup), output appended to `logFile`. */
function spawnN8n(runtime: Runtime, folder: string, env: NodeJS.ProcessEnv, logFile: string): { pid: number; exited: () => string | undefined } {
	const logFd = openSync(logFile, 'a');
	const child = spawn(runtime.nodeBin, [runtime.n8nBin, 'start'], { cwd: folder, env, detached: true, stdio: ['ignore', logFd, logFd] });
	closeSync(logFd);
	let exitInfo: string | undefined;
	child.on('exit', (code, signal) => {
		exitInfo = `code ${code ?? '-'}, signal ${signal ?? '-'}`;
	});
	child.on('error', (error) => {
		exitInfo = `spawn error: ${error.message}`;
	});
	child.unref();
	if (child.pid === undefined) throw new Error(`n8n did not start: ${exitInfo ?? 'no pid'}`);
	registerProcess(child.pid, `n8n start (${folder})`);
	return { pid: child.pid, exited: () => exitInfo };
}

async function waitForReadiness(
	baseUrl: string,
	timeoutMs: number,
	exited: () => string | undefined,
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	let lastError = '';
	while (Date.now() < deadline) {
		const exit = exited();
		if (exit) throw new Error(`n8n exited before becoming ready (${exit})`);
		try {
			const response = await httpRequest(`${baseUrl}/healthz/readiness`, { timeoutMs: 5_000 });
			if (response.status === 200) return;
			lastError = `HTTP ${response.status}`;
		} catch (error) {
			lastError = (error as Error).message;
		}
		await sleep(250);
	}
	throw new Error(`n8n not ready after ${timeoutMs} ms (last: ${lastError})`);
}

/** Boot a fresh n8n with this package installed; see StartN8nOptions. Call `stop()` when done (also done on process exit). */
export async function startN8n(options: StartN8nOptions = {}): Promise<N8nInstance> {
	const log = resolveLogger(options.log);
	const keep = options.keep ?? process.env.KEEP_N8N === '1';
	const runtime = await ensureRuntime({ cacheDir: options.cacheDir, log });

	const folder = await mkdtemp(join(tmpdir(), 'n8n-harness-'));
	const n8nFolder = join(folder, '.n8n');
	await mkdir(n8nFolder, { recursive: true });
	const logFile = join(folder, 'n8n.log');
	let pid: number | undefined;
	let stopped = false;
	let packDir: string | undefined;

	if (!keep) registerFolder(folder);
	const cleanup = async () => {
		if (pid !== undefined) await stopProcessGroup(pid);
		if (!keep) await rm(folder, { recursive: true, force: true });
		if (packDir) await rm(packDir, { recursive: true, force: true });
		unregisterFolder(folder);
		if (packDir) unregisterFolder(packDir);
	};

	try {
		let installedPackage: N8nInstance['installedPackage'];
		if (options.packageTarball !== false) {
			let tarball = options.packageTarball;
			if (tarball === undefined) {
				packDir = await mkdtemp(join(tmpdir(), 'n8n-harness-pack-'));
				registerFolder(packDir);
				tarball = await packPackage({ destDir: packDir, log });
			}
			const installed = await installPackageInto(n8nFolder, tarball, { mode: options.installMode, log });
			installedPackage = { ...installed, tarball };
		}

		// Ports are picked free, then released for n8n to bind: if something grabs one meanwhile, n8n exits with
		// EADDRINUSE and we retry with new ports (bounded).
		let booted: Booted | undefined;
		for (let attempt = 1; !booted; attempt++) {
			const [port, brokerPort] = await freePorts(2);
			const env = n8nEnv({ userFolder: folder, port, brokerPort, nodeBin: runtime.nodeBin, extra: options.env });
			const logOffset = existsSync(logFile) ? statSync(logFile).size : 0;
			const started = Date.now();
			const child = spawnN8n(runtime, folder, env, logFile);
			pid = child.pid;
			log(`n8n starting: pid ${pid}, http://127.0.0.1:${port}, broker ${brokerPort}, folder ${folder}`);
			try {
				await waitForReadiness(`http://127.0.0.1:${port}`, options.readinessTimeoutMs ?? 180_000, child.exited);
				booted = { port, brokerPort };
				log(`n8n ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
			} catch (error) {
				await stopProcessGroup(child.pid);
				pid = undefined;
				const attemptLog = readFileSync(logFile, 'utf8').slice(logOffset);
				if (attempt < 3 && child.exited() && /EADDRINUSE|already in use/i.test(attemptLog)) {
					log('a chosen port was taken meanwhile, retrying with new ports');
					continue;
				}
				throw new Error(`${(error as Error).message}\n--- n8n log (last 60 lines, ${logFile}) ---\n${readTail(logFile, 60)}`);
			}
		}
		const { port, brokerPort } = booted;
		const baseUrl = `http://127.0.0.1:${port}`;
		if (pid === undefined) throw new Error('n8n pid lost');

		const owner = options.owner ?? DEFAULT_OWNER;
		await setupOwner(baseUrl, owner);
		const cookie = await login(baseUrl, owner.email, owner.password);
		const apiKey = await createApiKey(baseUrl, cookie);
		const api = new N8nApiClient(baseUrl, apiKey, cookie);
		const leader = pid;

		const instance: N8nInstance = {
			baseUrl,
			port,
			brokerPort,
			pid: leader,
			folder,
			logFile,
			api,
			owner: { email: owner.email, password: owner.password },
			runtime,
			installedPackage,
			browserCookies: () =>
				cookie.split('; ').map((pair) => {
					const at = pair.indexOf('=');
					return { name: pair.slice(0, at), value: pair.slice(at + 1), url: baseUrl };
				}),
			logTail: (lines = 60) => readTail(logFile, lines),
			runWorkflowHeadless: async (workflowId, runOptions = {}) => {
				const [cliBroker] = await freePorts(1);
				const cliEnv = n8nEnv({ userFolder: folder, port, brokerPort: cliBroker, nodeBin: runtime.nodeBin, extra: options.env });
				const result = await run(runtime.nodeBin, [runtime.n8nBin, 'execute', `--id=${workflowId}`, '--rawOutput'], {
					cwd: folder,
					env: cliEnv,
					timeoutMs: runOptions.timeoutMs ?? 120_000,
					allowFailure: true,
				});
				return { ...result, data: result.code === 0 ? (parseTrailingJson(result.stdout) as HeadlessRunResult['data']) : undefined };
			},
			stop: async () => {
				if (stopped) return;
				stopped = true;
				await cleanup();
				log(`n8n stopped (pid ${leader})${keep ? `; kept ${folder}` : ''}`);
			},
			get stopped() {
				return stopped;
			},
		};
		return instance;
	} catch (error) {
		stopped = true;
		await cleanup();
		throw error;
	}
}

/** `n8n execute` prints log lines, then the run's JSON (pretty-printed): parse from the first line that starts it. */
export function parseTrailingJson(stdout: string): unknown {
	const lines = stdout.split('\n');
	for (let i = 0; i < lines.length; i++) {
		if (lines[i] !== '{') continue;
		try {
			return JSON.parse(lines.slice(i).join('\n'));
		} catch {
			/* a log line that happened to be "{"; try the next */
		}
	}
	return undefined;
}

/** True while any process of the instance's group is still alive (for tests of teardown). */
export function isInstanceRunning(instance: Pick<N8nInstance, 'pid'>): boolean {
	return isGroupAlive(instance.pid);
}


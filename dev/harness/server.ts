/**
 * The one way the harness starts a server — n8n (`n8nProcess.ts`), PostgreSQL and Redis (`queue/`):
 * - a fresh temp folder, with the server's log in it;
 * - the server as the leader of its own process group (registered for cleanup), its exit tracked;
 * - free ports picked for each attempt, and a new attempt when the server exited because one was taken meanwhile;
 * - ready once a probe passes; `stop()` ends the whole group and removes the folder.
 */
import { closeSync, existsSync, openSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import execa from 'execa';

import { type Logger, logFileTail } from './log';
import { adoptFolder, isGroupAlive, makeTempFolder, registerProcess, stopProcessGroup } from './processes';

/** What one attempt runs. */
export interface ServerLaunch {
	command: string;
	args: string[];
	/** The whole environment (this process's is not added). */
	env: NodeJS.ProcessEnv;
	/** Added to the "starting" log line (URL, ports). */
	detail?: string;
}

export interface StartServerOptions<Launch extends ServerLaunch> {
	/** Name in log lines and errors ("n8n webhook 2", "postgres :5433"). */
	label: string;
	/** The temp folder is `<tmp>/n8n-harness-<folderName>-XXXXXX`. */
	folderName: string;
	/** The log file's name in the folder. */
	logName: string;
	log: Logger;
	/** Keep the folder after `stop()` (default: remove it). */
	keep?: boolean;
	/** Run as another user (PostgreSQL refuses to run as root). */
	uid?: number;
	gid?: number;
	/** First signal of `stop()` (default SIGTERM; PostgreSQL's fast shutdown is SIGINT). */
	stopSignal?: NodeJS.Signals;
	/** How long `stop()` waits for the group after the first signal before SIGKILL (default 15 s). */
	graceMs?: number;
	/** Boot in this existing folder instead of a fresh one (a restart of a stopped server); `prepare` is not run. */
	folder?: string;
	/** Once, in the fresh folder, before the first attempt (initdb, installing this package). */
	prepare?: (folder: string) => Promise<void>;
	/** Each attempt: what to run, usually on freshly picked free ports. */
	launch: (folder: string) => Promise<Launch>;
	/** Resolves once the server is ready; rejecting means "not yet". */
	ready: (launch: Launch) => Promise<unknown>;
	readyTimeoutMs: number;
	/** How often `ready` is tried (default 200 ms). */
	pollMs?: number;
}

export interface Server<Launch extends ServerLaunch> {
	label: string;
	/** What was started (the ports it listens on). */
	launch: Launch;
	/** PID of the server, leader of its own process group. */
	pid: number;
	folder: string;
	logFile: string;
	/** The last `lines` lines of the server's log. */
	logTail(lines?: number): string;
	/** False once stopped or killed, or once no process of its group is alive. */
	isRunning(): boolean;
	/** The stop signal, a bounded wait, then SIGKILL; the folder is removed unless kept. Idempotent. */
	stop(): Promise<void>;
	/** SIGKILL the whole group at once (a crash: no graceful shutdown). `stop()` still removes the folder. */
	kill(): Promise<void>;
}

const ATTEMPTS = 3;
const PORT_TAKEN = /EADDRINUSE|already in use/i;

function describeExit(outcome: { exitCode?: number; signal?: string; originalMessage?: string }): string {
	if (outcome.originalMessage) return `spawn error: ${outcome.originalMessage}`;
	return outcome.signal ? `signal ${outcome.signal}` : `code ${outcome.exitCode ?? '-'}`;
}

/** Start `launch` as the leader of its own process group, output appended to `logFile`; `exited()` says how it ended. */
async function spawnGroup(
	launch: ServerLaunch,
	cwd: string,
	logFile: string,
	options: Pick<StartServerOptions<ServerLaunch>, 'label' | 'uid' | 'gid' | 'stopSignal'>,
): Promise<{ pid: number; exited: () => string | undefined }> {
	const logFd = openSync(logFile, 'a');
	const child = execa(launch.command, launch.args, {
		cwd,
		env: launch.env,
		extendEnv: false,
		detached: true,
		stdio: ['ignore', logFd, logFd],
		uid: options.uid,
		gid: options.gid,
	});
	closeSync(logFd);
	let exitInfo: string | undefined;
	const settled = child.then(describeExit, (error: execa.ExecaError) => describeExit(error));
	void settled.then((info) => {
		exitInfo = info;
	});
	child.unref();
	if (child.pid === undefined) throw new Error(`${options.label} did not start: ${await settled}`);
	registerProcess(child.pid, options.label, options.stopSignal);
	return { pid: child.pid, exited: () => exitInfo };
}

export async function startServer<Launch extends ServerLaunch>(options: StartServerOptions<Launch>): Promise<Server<Launch>> {
	const { label, log } = options;
	const keep = options.keep ?? false;
	const folder = options.folder ? adoptFolder(options.folder, keep) : await makeTempFolder(`n8n-harness-${options.folderName}-`, keep);
	const logFile = join(folder.path, options.logName);
	const logTail = (lines = 60) => logFileTail(logFile, lines);
	const failure = (why: string) => new Error(`${label} ${why}\n--- ${logFile} (last 40 lines) ---\n${logTail(40)}`);

	try {
		if (!options.folder) await options.prepare?.(folder.path);
		for (let attempt = 1; ; attempt++) {
			const launch = await options.launch(folder.path);
			const logOffset = existsSync(logFile) ? statSync(logFile).size : 0;
			const started = Date.now();
			const { pid, exited } = await spawnGroup(launch, folder.path, logFile, options);
			log(`${label} starting: pid ${pid}${launch.detail ? `, ${launch.detail}` : ''}, folder ${folder.path}`);
			const deadline = started + options.readyTimeoutMs;
			let lastError = '';
			let ready = false;
			while (!ready && !exited() && Date.now() < deadline) {
				try {
					await options.ready(launch);
					ready = true;
				} catch (error) {
					lastError = (error as Error).message;
					await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 200));
				}
			}
			if (!ready) {
				await stopProcessGroup(pid, options.graceMs);
				const exit = exited();
				if (exit && attempt < ATTEMPTS && PORT_TAKEN.test(readFileSync(logFile, 'utf8').slice(logOffset))) {
					log(`${label}: a chosen port was taken meanwhile, retrying with new ports`);
					continue;
				}
				throw failure(exit ? `exited before becoming ready (${exit})` : `not ready after ${options.readyTimeoutMs} ms (last: ${lastError})`);
			}
			log(`${label} ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);

			let stopping: Promise<void> | undefined;
			let killed = false;
			const stop = async () => {
				const wasRunning = !killed && isGroupAlive(pid);
				await stopProcessGroup(pid, options.graceMs);
				await folder.remove();
				if (wasRunning) log(`${label} stopped (pid ${pid})${keep ? `; kept ${folder.path}` : ''}`);
			};
			return {
				label,
				launch,
				pid,
				folder: folder.path,
				logFile,
				logTail,
				isRunning: () => !stopping && !killed && isGroupAlive(pid),
				stop: () => (stopping ??= stop()),
				async kill() {
					if (killed || stopping) return;
					killed = true;
					await stopProcessGroup(pid, 10_000, 'SIGKILL');
					log(`${label} killed with SIGKILL (pid ${pid})`);
				},
			};
		}
	} catch (error) {
		await folder.remove();
		throw error;
	}
}

/**
 * `n8n execute --id=… --rawOutput` beside a running server: same user folder, database and settings, its own
 * task-broker port, an expression engine it can exit from cleanly, and its output read from files.
 *
 * Why not n8n's default `vm` expression engine (issue 13: "exit code 1 although the JSON says success"; here
 * 5 of 8 runs died of SIGSEGV). n8n 2.41.1's `execute` ends in BaseCommand.finally()
 * (dist/commands/base-command.js): `await this.dbConnection.close(); process.exit(error ? 1 : 0)`, without the
 * `Expression.disposeExpressionEngine()` that the servers' exitSuccessFully() awaits. Running the workflow took
 * an isolate from the `vm` engine's pool, and IsolatePool.acquire() (@n8n/expression-runtime
 * dist/cjs/pool/isolate-pool.js) starts `replenish()`: a new isolated-vm isolate loads n8n's runtime bundle on its
 * own native thread. When process.exit() tears Node down while that thread still runs V8 code, the process dies
 * of SIGSEGV (gdb: main thread in node::DefaultProcessExitHandlerInternal, the isolate thread faulting under
 * v8::internal::Heap). A segfault prints nothing, and a death by signal has no exit code, which `run()`
 * reported as 1. `quickjs` evaluates expressions in the same sandboxed runtime bundle as `vm`, but in
 * WebAssembly on the main thread: nothing is left running for exit to race (0 crashes in 10 + 10 runs here, and
 * in 20 runs of the harness test). A caller who configured `legacy` keeps it (no isolates either).
 */
import { closeSync, openSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import execa from 'execa';

import { n8nEnv } from './env';
import type { Runtime } from './install';
import { freePorts } from './ports';
import { isN8n1 } from './releases';
import { registerFolder, registerProcess, signalGroup, unregisterFolder, unregisterProcess } from './processes';

/**
 * The expression engine for a one-off `n8n execute`, given the engine the caller configured (if any). n8n 1.x has
 * no `quickjs` (its engines: `legacy`, `vm`), so it gets `legacy`, which starts no isolate either.
 */
export function executeCliEngine(requested: string | undefined, n8nVersion: string): 'legacy' | 'quickjs' {
	return requested === 'legacy' || isN8n1(n8nVersion) ? 'legacy' : 'quickjs';
}

export interface ExecuteCliOptions {
	runtime: Pick<Runtime, 'nodeBin' | 'n8nBin' | 'n8nVersion'>;
	/** The server's user folder (`N8N_USER_FOLDER`): the CLI reads the same SQLite database. */
	folder: string;
	/** The server's HTTP port (the CLI does not listen on it; it only shapes the URLs n8n computes). */
	port: number;
	workflowId: string;
	/** The server's extra environment (StartN8nOptions.env), so the CLI runs with the same settings. */
	env?: Record<string, string | undefined>;
	/** Default 120 s; then the CLI's process group is killed. */
	timeoutMs?: number;
}

export interface ExecuteCliResult {
	/** Exit code; `null` when the process died of a signal (see `signal`). */
	code: number | null;
	signal: string | null;
	stdout: string;
	stderr: string;
	timedOut: boolean;
	/** The run's JSON (`--rawOutput`), when the command exited 0 and printed it. */
	data?: { data: { resultData: { runData: Record<string, unknown>; error?: unknown } }; status?: string; [key: string]: unknown };
}

/** Run a saved workflow once from its start node with `n8n execute`, beside the server that owns `folder`. */
export async function runN8nExecute(options: ExecuteCliOptions): Promise<ExecuteCliResult> {
	const timeoutMs = options.timeoutMs ?? 120_000;
	// Its own broker port: the server's JS task runner broker already listens on the server's.
	const [brokerPort] = await freePorts(1);
	const env = n8nEnv({
		userFolder: options.folder,
		port: options.port,
		brokerPort,
		nodeBin: options.runtime.nodeBin,
		n8nVersion: options.runtime.n8nVersion,
		extra: { ...options.env, N8N_EXPRESSION_ENGINE: executeCliEngine(options.env?.N8N_EXPRESSION_ENGINE, options.runtime.n8nVersion) },
	});
	// Output to files, not pipes: n8n ends with process.exit(), which drops whatever a pipe could not take yet
	// (Node writes to a full pipe asynchronously), so a large run's JSON could arrive cut; file writes are synchronous.
	const outDir = await mkdtemp(join(tmpdir(), 'n8n-execute-'));
	registerFolder(outDir);
	const stdoutFile = join(outDir, 'stdout');
	const stderrFile = join(outDir, 'stderr');
	const stdoutFd = openSync(stdoutFile, 'w');
	const stderrFd = openSync(stderrFile, 'w');
	try {
		const args = [options.runtime.n8nBin, 'execute', `--id=${options.workflowId}`, '--rawOutput'];
		const child = execa(options.runtime.nodeBin, args, {
			cwd: options.folder,
			env,
			extendEnv: false,
			detached: true,
			reject: false,
			stdio: ['ignore', stdoutFd, stderrFd],
		});
		const pid = child.pid;
		if (pid !== undefined) registerProcess(pid, `n8n execute --id=${options.workflowId} (${options.folder})`);
		let timedOut = false;
		const timer = setTimeout(() => {
			timedOut = true;
			if (pid !== undefined) signalGroup(pid, 'SIGKILL');
		}, timeoutMs);
		const result = await child;
		clearTimeout(timer);
		if (pid !== undefined) unregisterProcess(pid);
		const stdout = await readFile(stdoutFile, 'utf8');
		const stderr = await readFile(stderrFile, 'utf8');
		const signal = result.signal ?? null;
		const code = signal ? null : (result.exitCode ?? null);
		const ok = code === 0 && !timedOut;
		return {
			code,
			signal,
			stdout,
			stderr,
			timedOut,
			data: ok ? (parseTrailingJson(stdout) as ExecuteCliResult['data']) : undefined,
		};
	} finally {
		closeSync(stdoutFd);
		closeSync(stderrFd);
		await rm(outDir, { recursive: true, force: true });
		unregisterFolder(outDir);
	}
}

/**
 * The run's JSON in `n8n execute --rawOutput` output: n8n logs lines before it, and its JS task runner's output,
 * forwarded through the same logger, can land after it. The JSON is pretty-printed, so it opens with a line `{`
 * and closes with a line `}`: the first such pair that parses wins.
 */
export function parseTrailingJson(stdout: string): unknown {
	const lines = stdout.split('\n');
	for (let start = 0; start < lines.length; start++) {
		if (lines[start] !== '{') continue;
		for (let end = start + 1; end < lines.length; end++) {
			if (lines[end] !== '}') continue;
			try {
				return JSON.parse(lines.slice(start, end + 1).join('\n'));
			} catch {
				/* a "}" inside the JSON's strings, or a log line "{": try the next */
			}
		}
	}
	return undefined;
}

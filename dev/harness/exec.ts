/** Running short-lived commands (npm, node, initdb) to completion, with bounded time and a captured tail. */
import execa from 'execa';

import { lastLines } from './log';
import { registerProcess, signalGroup, unregisterProcess } from './processes';

export interface RunOptions {
	cwd: string;
	/** The whole environment (default: this process's). */
	env?: NodeJS.ProcessEnv;
	/** Kill the command's process group after this long. Default 20 minutes. */
	timeoutMs?: number;
	/** Resolve with the exit code instead of rejecting when the command exits non-zero. */
	allowFailure?: boolean;
	/** Run as another user (PostgreSQL's initdb refuses root). */
	uid?: number;
	gid?: number;
}

export interface RunResult {
	code: number;
	stdout: string;
	stderr: string;
}

/**
 * Run `command args` in its own process group (registered for cleanup), resolve with its output.
 * Rejects (with the output's tail) when it cannot start, exits non-zero or times out.
 */
export async function run(command: string, args: string[], options: RunOptions): Promise<RunResult> {
	const timeoutMs = options.timeoutMs ?? 20 * 60 * 1000;
	const child = execa(command, args, {
		cwd: options.cwd,
		env: options.env ?? process.env,
		extendEnv: false,
		detached: true,
		stripFinalNewline: false,
		reject: false,
		uid: options.uid,
		gid: options.gid,
	});
	const pid = child.pid;
	if (pid !== undefined) registerProcess(pid, `${command} ${args.join(' ')}`);
	// execa's own `timeout` would signal the command only: end its whole group (npm's children too).
	let timedOut = false;
	const timer = setTimeout(() => {
		timedOut = true;
		if (pid !== undefined) signalGroup(pid, 'SIGKILL');
	}, timeoutMs);
	const result: execa.ExecaReturnValue & { originalMessage?: string } = await child;
	clearTimeout(timer);
	if (pid !== undefined) unregisterProcess(pid);
	const { stdout, stderr, signal, originalMessage } = result;
	const code = result.exitCode ?? 1;
	if (!timedOut && !originalMessage && (code === 0 || options.allowFailure)) return { code, stdout, stderr };
	const why = timedOut
		? `timed out after ${timeoutMs} ms`
		: originalMessage
			? `failed: ${originalMessage}`
			: `exited with ${signal ?? code}`;
	throw new Error(
		`${command} ${args.join(' ')} (in ${options.cwd}) ${why}\n--- stdout (tail) ---\n${lastLines(stdout, 40)}\n--- stderr (tail) ---\n${lastLines(stderr, 40)}`,
	);
}

/** Running short-lived commands (npm, node) to completion, with bounded time and a captured tail. */
import { spawn } from 'node:child_process';

import { registerProcess, unregisterProcess } from './processes';

export interface RunOptions {
	cwd: string;
	env?: NodeJS.ProcessEnv;
	/** Kill the command's process group after this long. Default 20 minutes. */
	timeoutMs?: number;
	/** Resolve with the exit code instead of rejecting when the command exits non-zero. */
	allowFailure?: boolean;
}

export interface RunResult {
	code: number;
	stdout: string;
	stderr: string;
}

const MAX_CAPTURE = 4 * 1024 * 1024;

function append(buffer: string, chunk: string): string {
	const joined = buffer + chunk;
	return joined.length > MAX_CAPTURE ? joined.slice(joined.length - MAX_CAPTURE) : joined;
}

export function lastLines(text: string, count: number): string {
	const lines = text.split('\n');
	return lines.slice(Math.max(0, lines.length - count - 1)).join('\n');
}

/**
 * Run `command args` in its own process group (registered for cleanup), resolve with its output.
 * Rejects (with the output's tail) when it exits non-zero or times out.
 */
export function run(command: string, args: string[], options: RunOptions): Promise<RunResult> {
	const timeoutMs = options.timeoutMs ?? 20 * 60 * 1000;
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, {
			cwd: options.cwd,
			env: options.env ?? process.env,
			stdio: ['ignore', 'pipe', 'pipe'],
			detached: true,
		});
		const pid = child.pid;
		if (pid !== undefined) registerProcess(pid, `${command} ${args.join(' ')}`);
		let stdout = '';
		let stderr = '';
		let timedOut = false;
		child.stdout.setEncoding('utf8');
		child.stderr.setEncoding('utf8');
		child.stdout.on('data', (chunk: string) => {
			stdout = append(stdout, chunk);
		});
		child.stderr.on('data', (chunk: string) => {
			stderr = append(stderr, chunk);
		});
		const timer = setTimeout(() => {
			timedOut = true;
			if (pid !== undefined) {
				try {
					process.kill(-pid, 'SIGKILL');
				} catch {
					/* already gone */
				}
			}
		}, timeoutMs);
		child.on('error', (error) => {
			clearTimeout(timer);
			if (pid !== undefined) unregisterProcess(pid);
			reject(error);
		});
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			if (pid !== undefined) unregisterProcess(pid);
			const exitCode = code ?? 1;
			if (!timedOut && (exitCode === 0 || options.allowFailure)) {
				resolve({ code: exitCode, stdout, stderr });
				return;
			}
			const why = timedOut ? `timed out after ${timeoutMs} ms` : `exited with ${code ?? signal}`;
			reject(
				new Error(
					`${command} ${args.join(' ')} (in ${options.cwd}) ${why}\n--- stdout (tail) ---\n${lastLines(stdout, 40)}\n--- stderr (tail) ---\n${lastLines(stderr, 40)}`,
				),
			);
		});
	});
}

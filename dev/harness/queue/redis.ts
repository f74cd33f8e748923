/**
 * A throwaway Redis (Debian's `redis-server`) on a free 127.0.0.1 port: no persistence, its own temp
 * folder, started and stopped by PID (leader of its own process group).
 */
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { lastLines } from '../exec';
import { sleep } from '../http';
import { type Logger, resolveLogger } from '../log';
import { freePorts } from '../ports';
import { registerFolder, registerProcess, stopProcessGroup, unregisterFolder } from '../processes';

export interface RedisServer {
	host: '127.0.0.1';
	port: number;
	pid: number;
	folder: string;
	/** n8n's `QUEUE_BULL_REDIS_*` environment for this server. */
	n8nEnv(): Record<string, string>;
	stop(): Promise<void>;
}

/** `REDIS_SERVER` env overrides the binary (default `redis-server` on PATH, as Debian installs it). */
export function redisServerBin(): string {
	return process.env.REDIS_SERVER || 'redis-server';
}

function redisCommand(port: number, line: string, timeoutMs = 5_000): Promise<string> {
	return new Promise((resolve, reject) => {
		const socket = connect({ host: '127.0.0.1', port });
		let reply = '';
		const timer = setTimeout(() => {
			socket.destroy();
			reject(new Error(`redis: no reply to ${line}`));
		}, timeoutMs);
		socket.on('error', (error) => {
			clearTimeout(timer);
			reject(error);
		});
		socket.on('connect', () => socket.write(`${line}\r\n`));
		socket.on('data', (chunk) => {
			reply += chunk.toString('utf8');
			if (reply.includes('\r\n')) {
				clearTimeout(timer);
				socket.end();
				resolve(reply.split('\r\n')[0]);
			}
		});
	});
}

export async function startRedis(options: { log?: Logger | boolean } = {}): Promise<RedisServer> {
	const log = resolveLogger(options.log);
	const folder = await mkdtemp(join(tmpdir(), 'n8n-queue-redis-'));
	registerFolder(folder);
	const logFile = join(folder, 'redis.log');
	let pid: number | undefined;
	const cleanup = async () => {
		if (pid !== undefined) await stopProcessGroup(pid, 5_000);
		await rm(folder, { recursive: true, force: true });
		unregisterFolder(folder);
	};
	try {
		const started = Date.now();
		const [port] = await freePorts(1);
		const args = ['--port', String(port), '--bind', '127.0.0.1', '--protected-mode', 'yes', '--save', '', '--appendonly', 'no', '--dir', folder, '--daemonize', 'no'];
		const logFd = openSync(logFile, 'a');
		const child = spawn(redisServerBin(), args, { cwd: folder, detached: true, stdio: ['ignore', logFd, logFd], env: { PATH: process.env.PATH } });
		closeSync(logFd);
		let exited: string | undefined;
		child.on('exit', (code, signal) => {
			exited = `code ${code ?? '-'}, signal ${signal ?? '-'}`;
		});
		child.on('error', (error) => {
			exited = `spawn error: ${error.message} (apt-get install -y redis-server, or set REDIS_SERVER)`;
		});
		child.unref();
		if (child.pid === undefined) {
			await sleep(50);
			throw new Error(`redis-server did not start: ${exited ?? 'no pid'}`);
		}
		pid = child.pid;
		registerProcess(pid, `redis-server :${port}`);
		const deadline = Date.now() + 30_000;
		for (;;) {
			if (exited) throw new Error(`redis-server exited (${exited}):\n${lastLines(readFileSync(logFile, 'utf8'), 20)}`);
			try {
				if ((await redisCommand(port, 'PING', 1_000)) === '+PONG') break;
			} catch {
				/* not listening yet */
			}
			if (Date.now() > deadline) throw new Error('redis-server not answering PING');
			await sleep(100);
		}
		log(`redis ready on 127.0.0.1:${port} in ${((Date.now() - started) / 1000).toFixed(1)} s (pid ${pid})`);
		const serverPid = pid;
		let stopped = false;
		return {
			host: '127.0.0.1',
			port,
			pid: serverPid,
			folder,
			n8nEnv: () => ({ QUEUE_BULL_REDIS_HOST: '127.0.0.1', QUEUE_BULL_REDIS_PORT: String(port) }),
			async stop() {
				if (stopped) return;
				stopped = true;
				await cleanup();
				log(`redis stopped (pid ${serverPid})`);
			},
		};
	} catch (error) {
		await cleanup();
		throw error;
	}
}

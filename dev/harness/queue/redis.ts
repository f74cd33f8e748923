/**
 * A throwaway Redis (Debian's `redis-server`) on a free 127.0.0.1 port: no persistence, its own temp
 * folder, started and stopped by PID (leader of its own process group).
 */
import { connect } from 'node:net';

import { type Logger, resolveLogger } from '../log';
import { freePorts } from '../ports';
import { startServer } from '../server';

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
	const server = await startServer({
		label: 'redis',
		folderName: 'redis',
		logName: 'redis.log',
		log: resolveLogger(options.log),
		graceMs: 5_000,
		launch: async (folder) => {
			const [port] = await freePorts(1);
			const args = ['--port', String(port), '--bind', '127.0.0.1', '--protected-mode', 'yes', '--save', '', '--appendonly', 'no', '--dir', folder, '--daemonize', 'no'];
			return { command: redisServerBin(), args, env: { PATH: process.env.PATH }, detail: `127.0.0.1:${port}`, port };
		},
		ready: async ({ port }) => {
			if ((await redisCommand(port, 'PING', 1_000)) !== '+PONG') throw new Error('no PONG');
		},
		readyTimeoutMs: 30_000,
		pollMs: 100,
	});
	const { port } = server.launch;
	return {
		host: '127.0.0.1',
		port,
		pid: server.pid,
		folder: server.folder,
		n8nEnv: () => ({ QUEUE_BULL_REDIS_HOST: '127.0.0.1', QUEUE_BULL_REDIS_PORT: String(port) }),
		stop: server.stop,
	};
}

/**
 * A throwaway PostgreSQL (Debian's `postgresql` package) on a free 127.0.0.1 port, in a temp folder,
 * started and stopped by PID. TCP only (no Unix socket), trust auth on loopback, superuser `n8n`, database `n8n`.
 *
 * PostgreSQL refuses to run as root. When this process is root, the server (and initdb) run as the
 * `postgres` system user that Debian's package creates, via Node's `spawn({ uid, gid })` — no su/runuser
 * process in between, so the PID we keep is the postmaster's own. Otherwise they run as the current user.
 */
import { spawn } from 'node:child_process';
import { chmodSync, chownSync, closeSync, existsSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { lastLines, run } from '../exec';
import { sleep } from '../http';
import { type Logger, resolveLogger } from '../log';
import { freePorts } from '../ports';
import { registerFolder, registerProcess, stopProcessGroup, unregisterFolder } from '../processes';

export interface PostgresServer {
	host: '127.0.0.1';
	port: number;
	user: string;
	database: string;
	/** PID of the postmaster, leader of its own process group. */
	pid: number;
	folder: string;
	/** Run SQL with psql; returns rows as arrays of strings (`-At`, unit separator between fields). */
	query(sql: string): Promise<string[][]>;
	/** n8n's `DB_*` environment for this server. */
	n8nEnv(): Record<string, string>;
	stop(): Promise<void>;
}

export interface StartPostgresOptions {
	log?: Logger | boolean;
	/** Extra `-c name=value` server settings. */
	settings?: Record<string, string>;
}

/** Where Debian installs the server binaries: `/usr/lib/postgresql/<major>/bin` (highest major wins); env `PG_BIN` overrides. */
export function postgresBinDir(): string {
	if (process.env.PG_BIN) return process.env.PG_BIN;
	const root = '/usr/lib/postgresql';
	const majors = existsSync(root)
		? readdirSync(root)
				.filter((entry) => /^\d+$/.test(entry) && existsSync(join(root, entry, 'bin', 'postgres')))
				.sort((a, b) => Number(b) - Number(a))
		: [];
	if (majors.length === 0) {
		throw new Error('PostgreSQL server not found under /usr/lib/postgresql/*/bin: apt-get install -y postgresql (or set PG_BIN)');
	}
	return join(root, majors[0], 'bin');
}

interface RunAs {
	uid: number;
	gid: number;
}

/** `postgres` user's uid/gid from /etc/passwd when we are root; undefined otherwise (run as ourselves). */
function serverIdentity(): RunAs | undefined {
	if (typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined;
	const line = readFileSync('/etc/passwd', 'utf8')
		.split('\n')
		.find((entry) => entry.startsWith('postgres:'));
	if (!line) throw new Error('running as root, but there is no "postgres" user to run PostgreSQL as (apt-get install -y postgresql creates it)');
	const [, , uid, gid] = line.split(':');
	return { uid: Number(uid), gid: Number(gid) };
}

function spawnAs(command: string, args: string[], runAs: RunAs | undefined, logFile: string, detached: boolean) {
	const logFd = openSync(logFile, 'a');
	const child = spawn(command, args, {
		stdio: ['ignore', logFd, logFd],
		detached,
		env: { PATH: process.env.PATH, LANG: 'C.UTF-8', TZ: 'UTC' },
		...(runAs && { uid: runAs.uid, gid: runAs.gid }),
	});
	closeSync(logFd);
	return child;
}

function waitForExit(child: ReturnType<typeof spawn>, timeoutMs: number): Promise<number> {
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => {
			child.kill('SIGKILL'); // a hung initdb must not outlive the harness
			reject(new Error(`${String(child.spawnfile)} timed out`));
		}, timeoutMs);
		child.on('error', (error) => {
			clearTimeout(timer);
			reject(error);
		});
		child.on('exit', (code) => {
			clearTimeout(timer);
			resolve(code ?? 1);
		});
	});
}

export async function startPostgres(options: StartPostgresOptions = {}): Promise<PostgresServer> {
	const log = resolveLogger(options.log);
	const binDir = postgresBinDir();
	const runAs = serverIdentity();
	const folder = await mkdtemp(join(tmpdir(), 'n8n-queue-pg-'));
	registerFolder(folder);
	// The server user must be able to reach its data folder inside our temp folder.
	chmodSync(folder, 0o755);
	const dataDir = join(folder, 'data');
	await mkdir(dataDir, { mode: 0o700 });
	if (runAs) chownSync(dataDir, runAs.uid, runAs.gid);
	const logFile = join(folder, 'postgres.log');
	let pid: number | undefined;

	const cleanup = async () => {
		if (pid !== undefined) await stopPostgresGroup(pid);
		await rm(folder, { recursive: true, force: true });
		unregisterFolder(folder);
	};

	try {
		const started = Date.now();
		const initdb = spawnAs(
			join(binDir, 'initdb'),
			['-D', dataDir, '-U', 'n8n', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-instructions'],
			runAs,
			logFile,
			false,
		);
		if ((await waitForExit(initdb, 120_000)) !== 0) throw new Error(`initdb failed:\n${lastLines(readFileSync(logFile, 'utf8'), 30)}`);

		const [port] = await freePorts(1);
		const settings: Record<string, string> = {
			listen_addresses: '127.0.0.1',
			port: String(port),
			unix_socket_directories: '',
			max_connections: '200',
			...options.settings,
		};
		const args = ['-D', dataDir, ...Object.entries(settings).flatMap(([name, value]) => ['-c', `${name}=${value}`])];
		const server = spawnAs(join(binDir, 'postgres'), args, runAs, logFile, true);
		let exited: string | undefined;
		server.on('exit', (code, signal) => {
			exited = `code ${code ?? '-'}, signal ${signal ?? '-'}`;
		});
		server.unref();
		if (server.pid === undefined) throw new Error('postgres did not start');
		pid = server.pid;
		registerProcess(pid, `postgres (${dataDir})`);

		const psql = join(binDir, 'psql');
		const psqlArgs = ['-h', '127.0.0.1', '-p', String(port), '-U', 'n8n', '-X', '-v', 'ON_ERROR_STOP=1', '-At', '-F', '\u001f'];
		const deadline = Date.now() + 60_000;
		for (;;) {
			if (exited) throw new Error(`postgres exited (${exited}):\n${lastLines(readFileSync(logFile, 'utf8'), 30)}`);
			const probe = await run(psql, [...psqlArgs, '-d', 'postgres', '-c', 'SELECT 1'], { cwd: folder, allowFailure: true, timeoutMs: 10_000 });
			if (probe.code === 0) break;
			if (Date.now() > deadline) throw new Error(`postgres not accepting connections: ${probe.stderr}`);
			await sleep(200);
		}
		await run(psql, [...psqlArgs, '-d', 'postgres', '-c', 'CREATE DATABASE n8n'], { cwd: folder });
		log(`postgres ready on 127.0.0.1:${port} in ${((Date.now() - started) / 1000).toFixed(1)} s (pid ${pid}${runAs ? ', as user postgres' : ''})`);

		const serverPid = pid;
		let stopped = false;
		return {
			host: '127.0.0.1',
			port,
			user: 'n8n',
			database: 'n8n',
			pid: serverPid,
			folder,
			async query(sql) {
				const result = await run(psql, [...psqlArgs, '-d', 'n8n', '-c', sql], { cwd: folder, timeoutMs: 120_000 });
				return result.stdout
					.split('\n')
					.filter((line) => line.length > 0)
					.map((line) => line.split('\u001f'));
			},
			n8nEnv: () => ({
				DB_TYPE: 'postgresdb',
				DB_POSTGRESDB_HOST: '127.0.0.1',
				DB_POSTGRESDB_PORT: String(port),
				DB_POSTGRESDB_DATABASE: 'n8n',
				DB_POSTGRESDB_USER: 'n8n',
				DB_POSTGRESDB_PASSWORD: 'n8n',
			}),
			async stop() {
				if (stopped) return;
				stopped = true;
				await cleanup();
				log(`postgres stopped (pid ${serverPid})`);
			},
		};
	} catch (error) {
		await cleanup();
		throw error;
	}
}

/** SIGINT is PostgreSQL's "fast shutdown" (SIGTERM waits for clients). */
async function stopPostgresGroup(pid: number): Promise<void> {
	await stopProcessGroup(pid, 10_000, 'SIGINT');
}

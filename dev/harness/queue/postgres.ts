/**
 * A throwaway PostgreSQL (Debian's `postgresql` package) on a free 127.0.0.1 port, in a temp folder,
 * started and stopped by PID. TCP only (no Unix socket), trust auth on loopback, superuser `n8n`, database `n8n`.
 *
 * PostgreSQL refuses to run as root. When this process is root, the server (and initdb) run as the
 * `postgres` system user that Debian's package creates, via `spawn({ uid, gid })` — no su/runuser process in
 * between, so the PID we keep is the postmaster's own. Otherwise they run as the current user.
 * The harness talks to it with `pg` (node-postgres): readiness, `CREATE DATABASE n8n`, `query()`.
 */
import { chmod, chown, mkdir } from 'node:fs/promises';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { Client, type ClientConfig, Pool, type QueryResultRow } from 'pg';

import { run } from '../exec';
import { type Logger, resolveLogger } from '../log';
import { freePorts } from '../ports';
import { startServer } from '../server';

export interface PostgresServer {
	host: '127.0.0.1';
	port: number;
	user: string;
	database: string;
	/** PID of the postmaster, leader of its own process group. */
	pid: number;
	folder: string;
	/** Run SQL (`$1`, `$2`… take `params`) on database `n8n`; returns the rows (through a small `pg` pool). */
	query<Row extends QueryResultRow = QueryResultRow>(sql: string, params?: unknown[]): Promise<Row[]>;
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

/** Creates database `n8n` unless it exists: idempotent, so it can be the readiness probe. */
async function ensureDatabase(config: ClientConfig): Promise<void> {
	const client = new Client({ ...config, database: 'postgres' });
	await client.connect();
	try {
		const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = 'n8n'");
		if (rowCount === 0) await client.query('CREATE DATABASE n8n');
	} finally {
		await client.end();
	}
}

export async function startPostgres(options: StartPostgresOptions = {}): Promise<PostgresServer> {
	const log = resolveLogger(options.log);
	const binDir = postgresBinDir();
	const runAs = serverIdentity();
	const env = { PATH: process.env.PATH, LANG: 'C.UTF-8', TZ: 'UTC' };
	const dataDir = (folder: string) => join(folder, 'data');
	const server = await startServer({
		label: 'postgres',
		folderName: 'pg',
		logName: 'postgres.log',
		log,
		...runAs,
		stopSignal: 'SIGINT', // fast shutdown (SIGTERM waits for clients)
		graceMs: 10_000,
		prepare: async (folder) => {
			// The server user must be able to reach its data folder inside our temp folder.
			await chmod(folder, 0o755);
			await mkdir(dataDir(folder), { mode: 0o700 });
			if (runAs) await chown(dataDir(folder), runAs.uid, runAs.gid);
			const args = ['-D', dataDir(folder), '-U', 'n8n', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-instructions'];
			await run(join(binDir, 'initdb'), args, { cwd: folder, env, ...runAs, timeoutMs: 120_000 });
		},
		launch: async (folder) => {
			const [port] = await freePorts(1);
			const settings: Record<string, string> = {
				listen_addresses: '127.0.0.1',
				port: String(port),
				unix_socket_directories: '',
				max_connections: '200',
				...options.settings,
			};
			const args = ['-D', dataDir(folder), ...Object.entries(settings).flatMap(([name, value]) => ['-c', `${name}=${value}`])];
			const connection: ClientConfig = { host: '127.0.0.1', port, user: 'n8n', database: 'n8n', connectionTimeoutMillis: 10_000 };
			return { command: join(binDir, 'postgres'), args, env, detail: `127.0.0.1:${port}${runAs ? ', as user postgres' : ''}`, connection };
		},
		ready: ({ connection }) => ensureDatabase(connection),
		readyTimeoutMs: 60_000,
	});
	const { connection } = server.launch;
	const port = Number(connection.port);
	// Idle clients end on their own (allowExitOnIdle); an error on one (the server going away) is not a crash.
	const clients = new Pool({ ...connection, max: 4, allowExitOnIdle: true, query_timeout: 120_000 });
	clients.on('error', () => undefined);
	return {
		host: '127.0.0.1',
		port,
		user: 'n8n',
		database: 'n8n',
		pid: server.pid,
		folder: server.folder,
		query: async <Row extends QueryResultRow>(sql: string, params: unknown[] = []) => (await clients.query<Row>(sql, params)).rows,
		n8nEnv: () => ({
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(port),
			DB_POSTGRESDB_DATABASE: 'n8n',
			DB_POSTGRESDB_USER: 'n8n',
			DB_POSTGRESDB_PASSWORD: 'n8n',
		}),
		async stop() {
			if (!clients.ending) await clients.end();
			await server.stop();
		},
	};
}

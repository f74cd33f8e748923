/**
 * The one way this repository starts an n8n server: `n8n start` (through `startN8n`, used by the tests, the bench
 * and `npm start`), `n8n webhook` and `n8n worker` (the queue cluster). A one-off `n8n execute` beside a running
 * server is `runN8nExecute` (executeCli.ts).
 *
 * Each server is started by `startServer`: a fresh user folder with this package installed as the Community Nodes
 * installer does (`installPackageInto`), free loopback ports, its own process group registered for cleanup, its
 * output in `<folder>/n8n.log`. It counts as started once `/healthz/readiness` answers 200 (and, for `start`,
 * `/rest/settings`).
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

import { n8nEnv } from './env';
import { httpRequest } from './http';
import type { Runtime } from './install';
import type { Logger } from './log';
import { type InstallMode, installPackageInto } from './pack';
import { freePorts } from './ports';
import { type Server, type ServerLaunch, startServer } from './server';

export type N8nCommand = 'start' | 'webhook' | 'worker';

export interface StartN8nProcessOptions {
	runtime: Runtime;
	command: N8nCommand;
	/** Arguments after the command (e.g. `--concurrency=5`). */
	args?: string[];
	/** Environment after the harness defaults (`n8nEnv`); `undefined` values remove a key. */
	env?: Record<string, string | undefined>;
	/** A packed package to install as a community node; omitted: n8n without it. */
	tarball?: string;
	/** More packed community packages installed beside it the same way (e.g. the bench's minimal trigger). */
	extraTarballs?: string[];
	installMode?: InstallMode;
	/** Boot on this existing user folder (its database, and the package installed there): a restart. */
	folder?: string;
	/** Keep the user folder after `stop()`. */
	keep?: boolean;
	/** Name in log lines and errors (default `n8n` for `start`, else `n8n <command>`). */
	label?: string;
	log: Logger;
	/** Bound on waiting for `/healthz/readiness` (default 180 s). */
	readinessTimeoutMs?: number;
}

export interface N8nProcess extends Omit<Server<ServerLaunch>, 'launch'> {
	command: N8nCommand;
	/** HTTP port: editor and API (`start`), webhooks (`webhook`), health check (`worker`). */
	port: number;
	brokerPort: number;
	baseUrl: string;
	/** The package installed as a community node, if any. */
	installedPackage?: { name: string; version: string };
}

export async function startN8nProcess(options: StartN8nProcessOptions): Promise<N8nProcess> {
	const { runtime, command } = options;
	let installedPackage: N8nProcess['installedPackage'];
	const server = await startServer({
		label: options.label ?? (command === 'start' ? 'n8n' : `n8n ${command}`),
		folderName: command,
		logName: 'n8n.log',
		log: options.log,
		keep: options.keep,
		folder: options.folder,
		prepare: async (folder) => {
			const n8nFolder = join(folder, '.n8n');
			await mkdir(n8nFolder, { recursive: true });
			if (options.tarball) {
				installedPackage = await installPackageInto(n8nFolder, options.tarball, { mode: options.installMode, log: options.log });
			}
			for (const extra of options.extraTarballs ?? []) await installPackageInto(n8nFolder, extra, { log: options.log });
		},
		launch: async (folder) => {
			const [port, brokerPort] = await freePorts(2);
			const baseUrl = `http://127.0.0.1:${port}`;
			return {
				command: runtime.nodeBin,
				args: [runtime.n8nBin, command, ...(options.args ?? [])],
				// N8N_PORT is what `start` and `webhook` listen on; a worker listens only on its health-check port.
				env: n8nEnv({
					userFolder: folder,
					port,
					brokerPort,
					nodeBin: runtime.nodeBin,
					n8nVersion: runtime.n8nVersion,
					extra: {
						...options.env,
						...(command === 'worker' && {
							QUEUE_HEALTH_CHECK_ACTIVE: 'true',
							QUEUE_HEALTH_CHECK_PORT: String(port),
							N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
						}),
					},
				}),
				detail: `${baseUrl}, broker ${brokerPort}`,
				port,
				brokerPort,
				baseUrl,
			};
		},
		ready: async ({ baseUrl }) => {
			const response = await httpRequest(`${baseUrl}/healthz/readiness`, { timeoutMs: 5_000 });
			if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
			// n8n 1.x answers readiness before it mounts its REST routes (owner setup answers 404 until then).
			if (command === 'start') {
				const settings = await httpRequest(`${baseUrl}/rest/settings`, { timeoutMs: 5_000 });
				if (settings.status !== 200) throw new Error(`/rest/settings: HTTP ${settings.status}`);
			}
		},
		readyTimeoutMs: options.readinessTimeoutMs ?? 180_000,
		pollMs: 250,
	});

	const { launch, ...rest } = server;
	return {
		...rest,
		command,
		port: launch.port,
		brokerPort: launch.brokerPort,
		baseUrl: launch.baseUrl,
		installedPackage,
	};
}

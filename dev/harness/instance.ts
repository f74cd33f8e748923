/**
 * One throwaway n8n 2.41.1 instance: fresh user folder with this package installed as a community node,
 * booted on free loopback ports (`startN8nProcess`), owner + API key set up, torn down by `stop()`.
 */
import { N8nApiClient } from './api';
import { parseTrailingJson, runN8nExecute } from './executeCli';
import { ensureRuntime, type Runtime } from './install';
import { type Logger, resolveLogger } from './log';
import { startN8nProcess, type N8nProcess } from './n8nProcess';
import { createApiKey, DEFAULT_OWNER, login, type OwnerAccount, setupOwner } from './owner';
import { type InstallMode, packPackage } from './pack';
import { isGroupAlive, makeTempFolder, stopProcessGroup, type TempFolder } from './processes';

export { parseTrailingJson };

export interface StartN8nOptions {
	/**
	 * The package to install as a community node: a .tgz path; `undefined` builds and packs this repo;
	 * `false` boots n8n without it.
	 */
	packageTarball?: string | false;
	/** More packed community packages to install beside it (on the first boot; a restart keeps them). */
	extraPackageTarballs?: string[];
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
	/** Exit code; 1 when n8n died of a signal. */
	code: number;
	/** The signal n8n died of, if any. */
	signal: string | null;
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
	/**
	 * Run a saved workflow once from its start node with `n8n execute --id=… --rawOutput` beside this server
	 * (`runN8nExecute`: own broker port, an expression engine the CLI exits cleanly from).
	 */
	runWorkflowHeadless(workflowId: string, options?: { timeoutMs?: number }): Promise<HeadlessRunResult>;
	/**
	 * Stop n8n and start it again on the same folder (database, credentials, workflows, the installed package):
	 * gracefully (SIGTERM, as a deploy does) or, with `crash`, SIGKILL at once. The new process gets new ports;
	 * `baseUrl`, `port`, `pid`, `api` and the rest are updated in place. `whileDown` runs between the two.
	 */
	restart(options?: { crash?: boolean; whileDown?: () => Promise<void> }): Promise<void>;
	/** SIGTERM the process group, wait (bounded, then SIGKILL), remove the folder unless kept. Idempotent. */
	stop(): Promise<void>;
	readonly stopped: boolean;
}

/** Boot a fresh n8n with this package installed; see StartN8nOptions. Call `stop()` when done (also done on process exit). */
export async function startN8n(options: StartN8nOptions = {}): Promise<N8nInstance> {
	const log = resolveLogger(options.log);
	const keep = options.keep ?? process.env.KEEP_N8N === '1';
	const runtime = await ensureRuntime({ cacheDir: options.cacheDir, log });
	let server: N8nProcess | undefined;
	let packDir: TempFolder | undefined;
	let stopped = false;
	const cleanup = async () => {
		await server?.stop();
		await packDir?.remove();
	};

	try {
		let tarball = options.packageTarball;
		if (tarball === undefined) {
			packDir = await makeTempFolder('n8n-harness-pack-');
			tarball = await packPackage({ destDir: packDir.path, log });
		}
		const boot = (folder?: string) =>
			startN8nProcess({
				runtime,
				command: 'start',
				tarball: folder ? undefined : tarball || undefined,
				extraTarballs: folder ? undefined : options.extraPackageTarballs,
				folder,
				installMode: options.installMode,
				env: options.env,
				keep,
				log,
				readinessTimeoutMs: options.readinessTimeoutMs,
			});
		const n8n = await boot();
		server = n8n;
		const owner = options.owner ?? DEFAULT_OWNER;
		await setupOwner(n8n.baseUrl, owner);
		/** What changes with each boot: ports, process, session. */
		let boots = 0;
		const connect = async (running: N8nProcess) => {
			const cookie = await login(running.baseUrl, owner.email, owner.password);
			// API key labels are unique per user, and the database outlives a restart.
			const apiKey = await createApiKey(running.baseUrl, cookie, boots++ === 0 ? undefined : `harness-restart-${boots}`);
			return {
				baseUrl: running.baseUrl,
				port: running.port,
				brokerPort: running.brokerPort,
				pid: running.pid,
				logFile: running.logFile,
				logTail: running.logTail,
				api: new N8nApiClient(running.baseUrl, apiKey, cookie, runtime.n8nVersion),
				browserCookies: () =>
					cookie.split('; ').map((pair) => {
						const at = pair.indexOf('=');
						return { name: pair.slice(0, at), value: pair.slice(at + 1), url: running.baseUrl };
					}),
			};
		};

		const instance: N8nInstance = {
			...(await connect(n8n)),
			folder: n8n.folder,
			owner: { email: owner.email, password: owner.password },
			runtime,
			installedPackage: n8n.installedPackage && tarball ? { ...n8n.installedPackage, tarball } : undefined,
			restart: async ({ crash = false, whileDown } = {}) => {
				const previous = server as N8nProcess;
				if (crash) await previous.kill();
				else await stopProcessGroup(previous.pid);
				log(`n8n ${crash ? 'killed' : 'stopped'} for a restart (pid ${previous.pid})`);
				await whileDown?.();
				server = await boot(previous.folder);
				Object.assign(instance, await connect(server));
			},
			runWorkflowHeadless: async (workflowId, runOptions = {}) => {
				const { code, signal, stdout, stderr, data } = await runN8nExecute({
					runtime,
					folder: n8n.folder,
					port: instance.port,
					workflowId,
					env: options.env,
					timeoutMs: runOptions.timeoutMs,
				});
				return { code: code ?? 1, signal, stdout, stderr, data };
			},
			stop: async () => {
				if (stopped) return;
				stopped = true;
				await cleanup();
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

/** True while any process of the instance's group is still alive (for tests of teardown). */
export function isInstanceRunning(instance: Pick<N8nInstance, 'pid'>): boolean {
	return isGroupAlive(instance.pid);
}


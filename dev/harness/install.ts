/**
 * One-off install, cached outside the repo and shared by every run: n8n (a release of releases.ts) and the Node
 * that runs it (the system Node when n8n accepts it, else Node 24 from npm's `node` package).
 * Race-safe: each part is built in a temp folder under a mkdir lock, marked complete, then renamed into place.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';

import { run } from './exec';
import { acquireLock } from './lock';
import { type Logger, resolveLogger } from './log';
import { majorOf, N8N_CURRENT, type N8nRelease, selectedRelease } from './releases';
import { formatBytes, formatDuration, measuredSeconds, type ProgressExpectation, startProgress } from './progress';

/** The release runs use unless told otherwise (`N8N_HARNESS_N8N`, releases.ts). */
export const N8N_VERSION = N8N_CURRENT.version;
const MARKER = '.harness-complete';
const NODE_BIN = join('node_modules', 'node', 'bin', 'node');
const N8N_BIN = join('node_modules', 'n8n', 'bin', 'n8n');
const SQLITE3_BUILD = join('node_modules', 'sqlite3', 'build');
const SQLITE3_DIR = join(SQLITE3_BUILD, 'Release');

/**
 * A cold install of n8n 2.41.1 as measured here (2026-12-02; Node 24.21.0, npm 11.19; 2 cores shared with other
 * jobs, load 6-18; npm registry reachable, GitHub not, so sqlite3 compiles from source), for the progress lines:
 * - run 1 (npm cache already holding the repo's devDependencies): node@24 8 s, `npm install` 439 s, sqlite3 234 s
 *   (681 s in all);
 * - run 2 (empty npm cache): node@24 34 s, `npm install` 615 s (225 s resolving the tree with nothing on disk, then
 *   390 s extracting ~270,000 files), sqlite3 259 s (908 s in all).
 * The estimates follow run 2, the fresh-machine case; `curve` is its extraction (bytes on disk by `du -sb`).
 */
export const COLD_INSTALL: { npm: ProgressExpectation; sqlite3: ProgressExpectation; bytes: number; diskBytes: number } = {
	npm: {
		resolveSeconds: 225,
		seconds: 390,
		bytes: 2_226_000_000,
		packages: 1519,
		curve: [
			[0, 0],
			[35, 96_000_000],
			[76, 199_000_000],
			[116, 370_000_000],
			[156, 602_000_000],
			[196, 953_000_000],
			[236, 1_430_000_000],
			[276, 1_740_000_000],
			[316, 2_000_000_000],
			[336, 2_130_000_000],
			[390, 2_226_000_000],
		],
	},
	sqlite3: { seconds: 259 },
	/** `du -sb` (file sizes) of the finished `n8n-<version>` folder; Node 24 adds 191 MB. */
	bytes: 2_234_000_000,
	/** `du -s` (disk blocks, what a disk-space check sees) of that folder; Node 24 adds 198 MB. */
	diskBytes: 3_030_000_000,
};

export interface Runtime {
	cacheDir: string;
	/** Absolute path of the Node (>= 24) binary that runs n8n. */
	nodeBin: string;
	nodeVersion: string;
	/** Folder holding `node_modules/n8n`. */
	n8nDir: string;
	/** n8n's CLI entry (`node_modules/n8n/bin/n8n`), run as `nodeBin n8nBin …`. */
	n8nBin: string;
	n8nVersion: string;
	release: N8nRelease;
}

export interface InstallOptions {
	/** Default: env `N8N_HARNESS_CACHE`, else `~/.cache/n8n-nodes-tencent-desk`. */
	cacheDir?: string;
	log?: Logger | boolean;
	/** Default: `selectedRelease()` (env `N8N_HARNESS_N8N`, else the current 2.x). */
	release?: N8nRelease;
}

export function defaultCacheDir(): string {
	return process.env.N8N_HARNESS_CACHE || join(homedir(), '.cache', 'n8n-nodes-tencent-desk');
}

/**
 * Environment for npm children: the caller's, minus `npm_config_*` / `npm_package_*` / lifecycle variables
 * that `npm run` / `npx` in the repo inject (the repo's .npmrc says ignore-scripts=true), plus `extra`.
 */
export function cleanNpmEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [key, value] of Object.entries(process.env)) {
		const lower = key.toLowerCase();
		if (lower.startsWith('npm_config_') || lower.startsWith('npm_package_') || lower.startsWith('npm_lifecycle_')) continue;
		env[key] = value;
	}
	env.npm_config_fund = 'false';
	env.npm_config_audit = 'false';
	env.npm_config_update_notifier = 'false';
	return { ...env, ...extra };
}

/** PATH with `binDir` first. */
export function pathWith(binDir: string, path = process.env.PATH ?? ''): string {
	return [binDir, ...path.split(delimiter).filter((entry) => entry && entry !== binDir)].join(delimiter);
}

async function readMarkerFile(dir: string): Promise<Record<string, string> | undefined> {
	try {
		return JSON.parse(await readFile(join(dir, MARKER), 'utf8')) as Record<string, string>;
	} catch {
		return undefined;
	}
}

/**
 * Ensure `<cacheDir>/<name>` exists and is complete. `build(tmpDir)` fills a fresh temp folder and returns
 * marker data; the folder is then marked and renamed into place. Other runs wait on the lock and reuse it.
 */
async function ensureCached(
	cacheDir: string,
	name: string,
	log: Logger,
	build: (tmpDir: string) => Promise<Record<string, string>>,
	/** Relative paths that must exist in a complete install (a marked folder missing one is rebuilt). */
	required: string[],
): Promise<{ dir: string; marker: Record<string, string> }> {
	const dir = join(cacheDir, name);
	const readMarker = async (folder: string) => {
		const marker = await readMarkerFile(folder);
		return marker && required.every((path) => existsSync(join(folder, path))) ? marker : undefined;
	};
	const ready = await readMarker(dir);
	if (ready) return { dir, marker: ready };

	await mkdir(cacheDir, { recursive: true });
	const release = await acquireLock(join(cacheDir, `${name}.lock`), { log });
	try {
		const raced = await readMarker(dir);
		if (raced) {
			log(`${name}: installed by another run, reusing ${dir}`);
			return { dir, marker: raced };
		}
		// Under the lock, leftovers of this part are from runs that died mid-install.
		for (const entry of await readdir(cacheDir)) {
			if (entry.startsWith(`.tmp-${name}-`)) await rm(join(cacheDir, entry), { recursive: true, force: true });
		}
		const tmpDir = join(cacheDir, `.tmp-${name}-${process.pid}-${randomBytes(4).toString('hex')}`);
		await mkdir(tmpDir, { recursive: true });
		try {
			const marker = await build(tmpDir);
			await writeFile(join(tmpDir, MARKER), JSON.stringify({ ...marker, completedAt: new Date().toISOString() }, null, '\t'));
			if (existsSync(dir)) await rm(dir, { recursive: true, force: true }); // incomplete or damaged
			await rename(tmpDir, dir);
			return { dir, marker };
		} catch (error) {
			await rm(tmpDir, { recursive: true, force: true });
			throw error;
		}
	} finally {
		await release();
	}
}

async function writeManifest(dir: string, name: string, overrides: Record<string, string> = {}): Promise<void> {
	const manifest = { name, version: '0.0.0', private: true, ...(Object.keys(overrides).length > 0 && { overrides }) };
	await writeFile(join(dir, 'package.json'), JSON.stringify(manifest, null, '\t'));
}

/** The Node binary for n8n: the system one when it has the release's Node major, else a cached `node@<major>` from npm. */
export async function ensureNode(options: InstallOptions = {}): Promise<{ nodeBin: string; nodeVersion: string }> {
	const log = resolveLogger(options.log);
	const major = (options.release ?? selectedRelease()).nodeMajor;
	if (majorOf(process.versions.node) === major) {
		return { nodeBin: process.execPath, nodeVersion: process.versions.node };
	}
	const cacheDir = options.cacheDir ?? defaultCacheDir();
	const name = `node-${major}`;
	const { dir, marker } = await ensureCached(cacheDir, name, log, async (tmpDir) => {
		log(`system Node ${process.versions.node}, n8n runs on ${major}: installing node@${major} from npm into the cache (measured: 8-34 s)`);
		await writeManifest(tmpDir, 'n8n-harness-node');
		// The `node` package fetches its binary in a preinstall script, so scripts must run here.
		await run('npm', ['install', `node@${major}`, '--ignore-scripts=false', '--no-package-lock'], {
			cwd: tmpDir,
			env: cleanNpmEnv(),
		});
		const bin = join(tmpDir, NODE_BIN);
		const { stdout } = await run(bin, ['-p', 'process.versions.node'], { cwd: tmpDir });
		const version = stdout.trim();
		if (majorOf(version) !== major) throw new Error(`installed node reports ${version}`);
		log(`node ${version} ready`);
		return { nodeVersion: version };
	}, [NODE_BIN]);
	return { nodeBin: join(dir, NODE_BIN), nodeVersion: marker.nodeVersion };
}

/**
 * A compiled sqlite3 from another cached n8n with the same sqlite3 version, copied into `tmpDir`: sqlite3 uses
 * N-API, so its binary does not depend on the n8n or Node version, and compiling it takes minutes here.
 */
export async function reuseSqlite3(cacheDir: string, tmpDir: string, log: Logger): Promise<boolean> {
	const version = async (root: string) =>
		(JSON.parse(await readFile(join(root, 'node_modules', 'sqlite3', 'package.json'), 'utf8')) as { version: string }).version;
	const wanted = await version(tmpDir);
	for (const entry of await readdir(cacheDir)) {
		const sibling = join(cacheDir, entry);
		if (!entry.startsWith('n8n-') || !(await readMarkerFile(sibling)) || !existsSync(join(sibling, SQLITE3_DIR))) continue;
		if ((await version(sibling).catch(() => undefined)) !== wanted) continue;
		await cp(join(sibling, SQLITE3_BUILD), join(tmpDir, SQLITE3_BUILD), { recursive: true });
		log(`sqlite3 ${wanted}: reusing the binary compiled for ${entry} (N-API: the same for every n8n and Node)`);
		return true;
	}
	return false;
}

/** n8n (the selected release) with a working sqlite3, cached; plus the Node to run it with. */
export async function ensureRuntime(options: InstallOptions = {}): Promise<Runtime> {
	const log = resolveLogger(options.log);
	const cacheDir = options.cacheDir ?? defaultCacheDir();
	const release = options.release ?? selectedRelease();
	const { version } = release;
	const { nodeBin, nodeVersion } = await ensureNode({ ...options, cacheDir, log, release });
	const name = `n8n-${version}`;
	const { dir } = await ensureCached(cacheDir, name, log, async (tmpDir) => {
		const started = Date.now();
		const measuredTotal = formatDuration((measuredSeconds(COLD_INSTALL.npm) + COLD_INSTALL.sqlite3.seconds) * 1000);
		log(
			`installing n8n@${version} into ${cacheDir} (cold install of 2.41.1 measured: ${measuredTotal}, ` +
				`${formatBytes(COLD_INSTALL.diskBytes)} on disk; progress every 10 s; later runs reuse it)`,
		);
		await writeManifest(tmpDir, 'n8n-harness-n8n', release.overrides);
		const env = cleanNpmEnv({ PATH: pathWith(dirname(nodeBin)) });
		// Scripts off: the Kafka client's install script downloads sources from the internet.
		const npmProgress = startProgress({ phase: `npm install n8n@${version}`, dir: tmpDir, expected: COLD_INSTALL.npm, log });
		try {
			await run('npm', ['install', `n8n@${version}`, '--ignore-scripts', '--no-package-lock', '--loglevel=error'], {
				cwd: tmpDir,
				env,
				timeoutMs: 30 * 60 * 1000,
			});
		} finally {
			npmProgress.stop();
		}
		const loads = async () => {
			await run(nodeBin, ['-e', 'new (require("sqlite3").Database)(":memory:").close()'], { cwd: tmpDir, env });
		};
		const reused = await reuseSqlite3(cacheDir, tmpDir, log).then(
			async (copied) => copied && (await loads().then(() => true, () => false)),
		);
		if (!reused) {
			const sqliteExpected = formatDuration(COLD_INSTALL.sqlite3.seconds * 1000);
			log(
				`n8n installed in ${formatDuration(Date.now() - started)}; building sqlite3 for Node ${nodeVersion} ` +
					`(a prebuilt binary when GitHub is reachable, else compiled from source: ${sqliteExpected} measured)`,
			);
			// nodedir: Debian's headers in /usr/include/node (sqlite3 uses N-API), so node-gyp downloads nothing.
			const sqliteProgress = startProgress({ phase: 'building sqlite3', expected: COLD_INSTALL.sqlite3, log });
			try {
				await run('npm', ['rebuild', 'sqlite3', '--ignore-scripts=false'], {
					cwd: tmpDir,
					env: { ...env, npm_config_nodedir: '/usr' },
					timeoutMs: 15 * 60 * 1000,
				});
			} finally {
				sqliteProgress.stop();
			}
			await loads();
		}
		log(`sqlite3 loads under Node ${nodeVersion}; n8n ${version} ready after ${formatDuration(Date.now() - started)}`);
		return { n8nVersion: version, nodeVersion };
	}, [N8N_BIN, SQLITE3_DIR]);
	return {
		cacheDir,
		nodeBin,
		nodeVersion,
		n8nDir: dir,
		n8nBin: join(dir, N8N_BIN),
		n8nVersion: version,
		release,
	};
}

/** Pack this repository as users get it (npm tarball), and install it the way n8n's Community Nodes installer does. */
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

import { REPO_ROOT } from '../paths';

import { run } from './exec';
import { cleanNpmEnv } from './install';
import { type Logger, resolveLogger } from './log';

/** The repository root. */
export const REPO_DIR = REPO_ROOT;

export interface PackOptions {
	repoDir?: string;
	/** Where the .tgz goes; default a fresh temp folder. */
	destDir?: string;
	/** Run `npm run build` first (default true). */
	build?: boolean;
	log?: Logger | boolean;
}

/** `npm run build`, then `npm pack --ignore-scripts` of dist/ as it is: quick, for tests (a release uses npm run pack:release). Returns the .tgz path. */
export async function packPackage(options: PackOptions = {}): Promise<string> {
	const log = resolveLogger(options.log);
	const repoDir = options.repoDir ?? REPO_DIR;
	const destDir = options.destDir ?? (await mkdtemp(join(tmpdir(), 'n8n-harness-pack-')));
	const env = cleanNpmEnv();
	if (options.build !== false) {
		log(`building ${repoDir}`);
		await run('npm', ['run', 'build'], { cwd: repoDir, env, timeoutMs: 5 * 60 * 1000 });
	}
	const { stdout } = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', destDir], {
		cwd: repoDir,
		env,
		timeoutMs: 2 * 60 * 1000,
	});
	const parsed = JSON.parse(stdout.slice(stdout.indexOf('['))) as { filename: string; files: { path: string }[] }[];
	const tarball = join(destDir, parsed[0].filename);
	log(`packed ${tarball} (${parsed[0].files.length} files)`);
	return tarball;
}

export type InstallMode = 'n8n-installer' | 'npm';

/**
 * Install a package tarball into `<n8nFolder>/nodes/` as users get it. `n8nFolder` is `<N8N_USER_FOLDER>/.n8n`.
 * - `'n8n-installer'` (default) repeats what n8n 2.41.1's Community Nodes installer does
 *   (`CommunityPackagesService.downloadPackage`): extract the tarball into `nodes/node_modules/<name>`, drop
 *   dev/peer/optional dependencies from its package.json, `npm install --ignore-scripts …` inside it, and record
 *   `<name>: <version>` in the `installed-nodes` package.json ledger.
 * - `'npm'`: a minimal package.json, then `npm i --legacy-peer-deps --ignore-scripts <tgz>` (n8n provides n8n-workflow).
 * Returns the package's name and version.
 */
export async function installPackageInto(
	n8nFolder: string,
	tarball: string,
	options: { mode?: InstallMode; log?: Logger | boolean } = {},
): Promise<{ name: string; version: string }> {
	const log = resolveLogger(options.log);
	const nodesDir = join(n8nFolder, 'nodes');
	const tgz = resolve(tarball);
	await mkdir(nodesDir, { recursive: true });
	const env = cleanNpmEnv();
	let installed: { name: string; version: string };
	if (options.mode === 'npm') {
		await writeLedger(nodesDir, {});
		await run('npm', ['install', '--legacy-peer-deps', '--ignore-scripts', '--package-lock=false', tgz], {
			cwd: nodesDir,
			env,
			timeoutMs: 5 * 60 * 1000,
		});
		const ledger = JSON.parse(await readFile(join(nodesDir, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
		const name = Object.keys(ledger.dependencies)[0];
		const manifest = JSON.parse(await readFile(join(nodesDir, 'node_modules', name, 'package.json'), 'utf8')) as { version: string };
		installed = { name, version: manifest.version };
	} else {
		const staging = await mkdtemp(join(nodesDir, '.extract-'));
		await run('tar', ['-xzf', tgz, '-C', staging, '--strip-components=1'], { cwd: nodesDir });
		const manifestPath = join(staging, 'package.json');
		const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as Record<string, unknown> & { name: string; version: string };
		const kept: Record<string, unknown> = { ...manifest };
		for (const field of ['devDependencies', 'peerDependencies', 'optionalDependencies']) delete kept[field];
		await writeFile(manifestPath, JSON.stringify(kept, null, 2), 'utf8');
		const packageDir = join(nodesDir, 'node_modules', manifest.name);
		await mkdir(dirname(packageDir), { recursive: true });
		await rm(packageDir, { recursive: true, force: true });
		await rename(staging, packageDir);
		await run(
			'npm',
			['install', '--audit=false', '--fund=false', '--bin-links=false', '--install-strategy=shallow', '--ignore-scripts=true', '--package-lock=false'],
			{ cwd: packageDir, env, timeoutMs: 5 * 60 * 1000 },
		);
		// Another package installed before this one stays in the ledger (the installer adds, never replaces).
		await writeLedger(nodesDir, { ...(await readLedger(nodesDir)), [manifest.name]: manifest.version });
		installed = { name: manifest.name, version: manifest.version };
	}
	log(`installed ${installed.name}@${installed.version} into ${nodesDir}`);
	return installed;
}

async function readLedger(nodesDir: string): Promise<Record<string, string>> {
	try {
		return (JSON.parse(await readFile(join(nodesDir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> }).dependencies ?? {};
	} catch {
		return {};
	}
}

async function writeLedger(nodesDir: string, dependencies: Record<string, string>): Promise<void> {
	await writeFile(
		join(nodesDir, 'package.json'),
		JSON.stringify({ name: 'installed-nodes', private: true, dependencies }, null, 2),
		'utf8',
	);
}

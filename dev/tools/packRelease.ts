/**
 * The one way a release tarball is made: copy the source files git knows about (tracked, or
 * untracked but not ignored) into a fresh staging folder, build there from nothing, and pack
 * there. The repository's own dist/ is never read, so a stale or missing build cannot be shipped;
 * and .npmrc's ignore-scripts=true (which keeps `prepack` from running) no longer matters.
 *
 * Usage: tsx dev/tools/packRelease.ts [destination]   (npm run pack:release -- <destination>)
 * Prints the tarball's path on stdout; destination defaults to the current folder.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

import { REPO_ROOT } from '../paths';

/** Never copied into staging, whatever .gitignore says: build output and installed modules. */
const NEVER_COPIED = /^(dist|node_modules)(\/|$)/;

/** Source files as git sees them: tracked plus untracked-not-ignored, relative paths; a tracked file deleted from the working tree is not source any more. */
export function sourceFiles(repoDir: string): string[] {
	const stdout = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
		cwd: repoDir,
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024,
	});
	const files = stdout
		.split('\0')
		.filter((file) => file !== '' && !NEVER_COPIED.test(file) && existsSync(join(repoDir, file)));
	return [...new Set(files)].sort();
}

function npm(args: string[], cwd: string): string {
	// ignore-scripts stays on (as .npmrc sets it): the build below is explicit, not a lifecycle hook.
	return execFileSync('npm', [...args, '--ignore-scripts'], {
		cwd,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'pipe'],
		maxBuffer: 64 * 1024 * 1024,
	});
}

export interface PackReleaseOptions {
	repoDir?: string;
	/** Where the .tgz goes (created if missing). */
	destination: string;
}

/** Builds a clean tarball from `repoDir`'s source and returns its path. */
export function packRelease({ repoDir = REPO_ROOT, destination }: PackReleaseOptions): string {
	const staging = mkdtempSync(join(tmpdir(), 'pack-release-'));
	try {
		for (const file of sourceFiles(repoDir)) {
			const target = join(staging, file);
			mkdirSync(dirname(target), { recursive: true });
			copyFileSync(join(repoDir, file), target);
		}
		// The build tools (tsc, gulp) come from the repository's own install.
		symlinkSync(join(resolve(repoDir), 'node_modules'), join(staging, 'node_modules'), 'dir');
		npm(['run', 'build'], staging);
		mkdirSync(destination, { recursive: true });
		const stdout = npm(['pack', '--json', '--pack-destination', resolve(destination)], staging);
		// npm prints the JSON array on stdout; tolerate stray lines before it.
		const [report] = JSON.parse(stdout.slice(stdout.indexOf('['))) as Array<{ filename: string }>;
		return join(resolve(destination), report.filename);
	} finally {
		rmSync(staging, { recursive: true, force: true });
	}
}

if (require.main === module) {
	try {
		process.stdout.write(`${packRelease({ destination: process.argv[2] ?? process.cwd() })}\n`);
	} catch (error) {
		const stderr = (error as { stderr?: string }).stderr;
		process.stderr.write(`pack-release: ${(error as Error).message}\n${stderr ?? ''}`);
		process.exitCode = 1;
	}
}

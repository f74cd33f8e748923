/**
 * What n8n's scanner (dev/tools/n8nScanner.ts) does not look at in the published tarball: which
 * files ship (build output only, no dev or test files, README and LICENSE present), that every
 * node and credential package.json registers is in it with its codex (`X.node.json`: category
 * and docs links in n8n's nodes panel), and that every icon they reference ships beside them.
 * The scanner lints the code and package.json; nothing here repeats its rules.
 *
 * Usage: tsx dev/tools/check-package.ts [tarball]
 * Without a tarball it packs one with packRelease (a clean build of the source).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { packRelease } from './packRelease';

export interface Violation {
	file: string;
	message: string;
}

export interface PackageCheckResult {
	violations: Violation[];
	/** Every regular file in the tarball, as `package/...` paths. */
	files: string[];
}

// Directories that hold dev code; a build that picks them up would ship them.
const DEV_DIRS = new Set([
	'test',
	'tests',
	'__tests__',
	'__mocks__',
	'e2e',
	'dev',
	'simulator',
	'harness',
	'bench',
	'demo',
	'scripts',
	'coverage',
]);

// What `tsc` and `gulp build:icons` produce; anything else in dist/ is an accident.
const DIST_EXTENSIONS = ['.js', '.js.map', '.d.ts', '.d.ts.map', '.json', '.svg', '.png'];

const ROOT_DOC = /^(readme|licen[cs]e|changelog)(\.(md|markdown|txt))?$/i;

// How a compiled node or credential names its icon: `icon: 'file:x.svg'` or `{ light: 'file:…', dark: 'file:…' }`.
const ICON_REFERENCE = /['"`]file:([^'"`]+)['"`]/g;

function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function formatViolation(v: Violation): string {
	return `${v.file}: ${v.message}`;
}

function mainFile(pkg: unknown): string | undefined {
	if (!isPlainObject(pkg) || typeof pkg.main !== 'string') return undefined;
	return `package/${path.posix.normalize(pkg.main)}`;
}

/** Only the build output, package.json, README, LICENSE, CHANGELOG (and the `main` stub npm always adds). */
export function checkFileList(files: string[], pkg: unknown): Violation[] {
	const violations: Violation[] = [];
	const main = mainFile(pkg);
	for (const file of files) {
		const fail = (message: string): void => {
			violations.push({ file, message });
		};
		if (!file.startsWith('package/')) {
			fail('file outside the package/ root of the tarball');
			continue;
		}
		const relative = file.slice('package/'.length);
		if (!relative.includes('/')) {
			if (relative === 'package.json' || ROOT_DOC.test(relative)) continue;
			if (file === main && relative.endsWith('.js')) continue;
			fail('unexpected file at the package root (only dist/, package.json, README, LICENSE, CHANGELOG)');
			continue;
		}
		if (!relative.startsWith('dist/')) {
			fail('file outside dist/ (only dist/, package.json, README, LICENSE, CHANGELOG)');
			continue;
		}
		const segments = relative.split('/');
		const base = segments[segments.length - 1];
		const devDir = segments.slice(1, -1).find((segment) => DEV_DIRS.has(segment));
		if (devDir) {
			fail(`development file (under '${devDir}/') in the published package`);
		} else if (/\.(test|spec)\.[cm]?[jt]s(\.map)?$/.test(base)) {
			fail('test file in the published package');
		} else if (/\.[cm]?ts$/.test(base) && !/\.d\.[cm]?ts$/.test(base)) {
			fail('TypeScript source in the published package');
		} else if (!DIST_EXTENSIONS.some((ext) => base.endsWith(ext))) {
			fail(`unexpected file type in dist/ (allowed: ${DIST_EXTENSIONS.join(' ')})`);
		}
	}
	const rootNames = files.filter((f) => f.split('/').length === 2).map((f) => f.slice('package/'.length));
	if (!rootNames.some((name) => /^readme(\.|$)/i.test(name))) {
		violations.push({ file: 'package/README.md', message: 'README is missing from the package' });
	}
	if (!rootNames.some((name) => /^licen[cs]e(\.|$)/i.test(name))) {
		violations.push({ file: 'package/LICENSE', message: 'LICENSE is missing from the package' });
	}
	return violations;
}

/** Icons a compiled node or credential references (`file:` paths), resolved to tarball paths. */
export function iconReferences(entry: string, source: string): string[] {
	const dir = path.posix.dirname(entry);
	return [...source.matchAll(ICON_REFERENCE)].map((match) => path.posix.normalize(path.posix.join(dir, match[1])));
}

/**
 * Every `n8n.nodes` / `n8n.credentials` entry ships, each node with its codex, and each entry with
 * the icons it references. `readFile` reads a tarball path (`package/...`).
 */
export function checkRegistered(pkg: unknown, files: Set<string>, readFile: (file: string) => string): Violation[] {
	const violations: Violation[] = [];
	const fail = (file: string, message: string): void => {
		violations.push({ file, message });
	};
	const n8n = isPlainObject(pkg) ? pkg.n8n : undefined;
	if (!isPlainObject(n8n)) {
		fail('package/package.json', '"n8n" section is missing');
		return violations;
	}
	for (const key of ['nodes', 'credentials']) {
		const entries = n8n[key];
		// A package may have no credential; it must have a node.
		if (entries === undefined && key === 'credentials') continue;
		if (!Array.isArray(entries) || (key === 'nodes' && entries.length === 0)) {
			fail('package/package.json', `"n8n.${key}" must be a${key === 'nodes' ? ' non-empty' : 'n'} array of paths`);
			continue;
		}
		for (const entry of entries) {
			if (typeof entry !== 'string') {
				fail('package/package.json', `"n8n.${key}" contains a non-string entry`);
				continue;
			}
			const file = `package/${path.posix.normalize(entry)}`;
			if (!files.has(file)) {
				fail(file, `registered in "n8n.${key}" but not in the tarball`);
				continue;
			}
			if (key === 'nodes' && !files.has(`${file}on`)) {
				// n8n reads a node's codex from `X.node.json` beside `X.node.js`: without it, no category or docs link.
				fail(file, `ships without its codex (${path.posix.basename(file)}on)`);
			}
			const icons = iconReferences(file, readFile(file));
			if (icons.length === 0) fail(file, 'references no icon (icon: "file:…")');
			for (const icon of icons) {
				if (!files.has(icon)) fail(file, `icon ${icon} is not in the tarball`);
			}
		}
	}
	return violations;
}

function listFiles(root: string, violations: Violation[]): string[] {
	const files: string[] = [];
	const walk = (dir: string): void => {
		for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
			const full = path.join(dir, entry.name);
			const relative = path.relative(root, full).split(path.sep).join('/');
			if (entry.isDirectory()) walk(full);
			else if (entry.isFile()) files.push(relative);
			else violations.push({ file: relative, message: 'not a regular file (symlink or special file)' });
		}
	};
	walk(root);
	return files.sort();
}

/** Checks an extracted tarball: `root` contains the `package/` directory. */
export function checkExtractedPackage(root: string): PackageCheckResult {
	const violations: Violation[] = [];
	const files = listFiles(root, violations);
	let pkg: unknown;
	try {
		pkg = JSON.parse(fs.readFileSync(path.join(root, 'package', 'package.json'), 'utf8'));
	} catch (error) {
		violations.push({ file: 'package/package.json', message: `cannot read package.json: ${(error as Error).message}` });
	}
	violations.push(...checkFileList(files, pkg));
	if (pkg !== undefined) {
		violations.push(...checkRegistered(pkg, new Set(files), (file) => fs.readFileSync(path.join(root, file), 'utf8')));
	}
	return { violations, files };
}

export function checkTarball(tarball: string): PackageCheckResult {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'check-package-'));
	try {
		execFileSync('tar', ['-xzf', path.resolve(tarball), '-C', dir, '--no-same-owner'], { stdio: 'pipe' });
		return checkExtractedPackage(dir);
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
}

export function main(argv: string[]): number {
	let tarball = argv[0];
	let packDir: string | undefined;
	try {
		if (!tarball) {
			packDir = fs.mkdtempSync(path.join(os.tmpdir(), 'check-package-pack-'));
			tarball = packRelease({ destination: packDir });
		}
		const { violations, files } = checkTarball(tarball);
		for (const violation of violations) console.log(formatViolation(violation));
		const where = `${path.basename(tarball)}: ${files.length} files`;
		if (violations.length > 0) {
			console.log(`check-package: FAILED, ${violations.length} violation(s) in ${where}`);
			return 1;
		}
		console.log(`check-package: OK, no violations in ${where}`);
		return 0;
	} catch (error) {
		console.error(`check-package: ${(error as Error).message}`);
		return 1;
	} finally {
		if (packDir) fs.rmSync(packDir, { recursive: true, force: true });
	}
}

if (require.main === module) {
	process.exitCode = main(process.argv.slice(2));
}

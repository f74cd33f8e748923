/**
 * n8n's own community-package scanner (`@n8n/scan-community-package`), run offline the way it
 * scans a published package (`analyzePackageByName`): its `analyzePackage` on the source
 * (`SOURCE_FILE_PATTERNS`: package.json, nodes/, credentials/) and on the extracted tarball
 * (`**\/*.js`, package.json). The scanner's verdict counts errors only; its rules also warn
 * (require-homepage, …), so the same ESLint setup is run again to list warnings too.
 *
 * Usage: tsx dev/tools/n8nScanner.ts [--json] [--source <dir>] [tarball]
 * Without a tarball it packs one with packRelease. Exit code 1 on any error or warning.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

import { REPO_ROOT } from '../paths';

import { packRelease } from './packRelease';

// eslint-plugin-n8n-nodes-base swaps real file names for fixtures when NODE_ENV=test (its own rule
// tests), which makes the filename rules fail on correct files; n8n's scan never runs that way.
delete process.env.NODE_ENV;

const SCANNER = require.resolve('@n8n/scan-community-package/scanner/scanner.mjs');
/** What the scanner lints in the tarball (see analyzePackageByName in scanner.mjs). */
const TARBALL_FILE_PATTERNS = ['**/*.js', 'package.json'];

interface ScannerModule {
	SOURCE_FILE_PATTERNS: string[];
	buildScanConfig(): Promise<unknown[]>;
	analyzePackage(dir: string, patterns: string[]): Promise<{ passed: boolean; message?: string; details?: string }>;
}

interface LintMessage {
	line: number;
	column: number;
	severity: number;
	ruleId: string | null;
	message: string;
}
interface LintResult {
	filePath: string;
	messages: LintMessage[];
}
interface ESLintClass {
	new (options: Record<string, unknown>): { lintFiles(files: string[]): Promise<LintResult[]> };
}

export interface ScanProblem {
	file: string;
	line: number;
	column: number;
	severity: 'error' | 'warning';
	rule: string;
	message: string;
}

export interface ScanLeg {
	/** The scanner's own verdict (`analyzePackage(...).passed`): false on any error. */
	passed: boolean;
	message?: string;
	/** How many files the scanner's glob picked up. */
	files: number;
	problems: ScanProblem[];
}

export interface ScanReport {
	source: ScanLeg;
	tarball: ScanLeg;
}

// A real dynamic import: the scanner is ESM, and tsx keeps `import()` as it is.
const loadScanner = (): Promise<ScannerModule> => import(SCANNER) as Promise<ScannerModule>;

/** The scanner's dependencies, resolved from the scanner itself so the versions are its own. */
const scannerRequire = createRequire(SCANNER);

async function scanDir(dir: string, patterns: string[]): Promise<ScanLeg> {
	const scanner = await loadScanner();
	const verdict = await scanner.analyzePackage(dir, patterns);
	// Same options, same glob and ignore list as analyzePackage.
	const { ESLint } = scannerRequire('eslint') as { ESLint: ESLintClass };
	const glob = scannerRequire('fast-glob') as { sync(p: string[], o: Record<string, unknown>): string[] };
	const files = glob.sync(patterns, { cwd: dir, absolute: true, ignore: ['node_modules/**', '**/package-lock.json'] });
	const eslint = new ESLint({
		cwd: dir,
		allowInlineConfig: false,
		overrideConfigFile: true,
		overrideConfig: await scanner.buildScanConfig(),
	});
	const results = files.length > 0 ? await eslint.lintFiles(files) : [];
	const problems = results.flatMap(({ filePath, messages }) =>
		messages.map((m) => ({
			file: relative(dir, filePath),
			line: m.line,
			column: m.column,
			severity: m.severity === 2 ? ('error' as const) : ('warning' as const),
			rule: m.ruleId ?? 'parse',
			message: m.message,
		})),
	);
	return { passed: verdict.passed, message: verdict.message, files: files.length, problems };
}

export async function scanSource(dir: string): Promise<ScanLeg> {
	return scanDir(dir, (await loadScanner()).SOURCE_FILE_PATTERNS);
}

/** Extracts the tarball as the scanner does (`tar -xzf … --strip-components=1`) and scans it. */
export async function scanTarball(tarball: string): Promise<ScanLeg> {
	const dir = mkdtempSync(join(tmpdir(), 'n8n-scanner-'));
	try {
		execFileSync('tar', ['-xzf', resolve(tarball), '-C', dir, '--strip-components=1', '--no-same-owner']);
		return await scanDir(dir, TARBALL_FILE_PATTERNS);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

export const isClean = (leg: ScanLeg): boolean => leg.passed && leg.problems.length === 0;

const format = (name: string, leg: ScanLeg): string[] => [
	`${name}: ${leg.files} files, ${leg.problems.length} problem(s), scanner verdict ${leg.passed ? 'passed' : 'FAILED'}`,
	...leg.problems.map((p) => `  ${p.file}:${p.line}:${p.column} ${p.severity} ${p.message} (${p.rule})`),
];

async function main(argv: string[]): Promise<number> {
	const json = argv.includes('--json');
	const sourceAt = argv.indexOf('--source');
	const sourceDir = sourceAt >= 0 ? argv[sourceAt + 1] : REPO_ROOT;
	const positional = argv.filter((arg, i) => !arg.startsWith('--') && (sourceAt < 0 || i !== sourceAt + 1));
	let packDir: string | undefined;
	try {
		let tarball = positional[0];
		if (!tarball) {
			packDir = mkdtempSync(join(tmpdir(), 'n8n-scanner-pack-'));
			tarball = packRelease({ destination: packDir });
		}
		const report: ScanReport = { source: await scanSource(sourceDir), tarball: await scanTarball(tarball) };
		if (json) process.stdout.write(`${JSON.stringify(report)}\n`);
		else process.stdout.write(`${[...format('source', report.source), ...format('tarball', report.tarball)].join('\n')}\n`);
		return isClean(report.source) && isClean(report.tarball) ? 0 : 1;
	} finally {
		if (packDir) rmSync(packDir, { recursive: true, force: true });
	}
}

if (require.main === module) {
	main(process.argv.slice(2)).then(
		(code) => {
			process.exitCode = code;
		},
		(error: Error) => {
			process.stderr.write(`n8n-scanner: ${error.stack ?? error.message}\n`);
			process.exitCode = 1;
		},
	);
}

/**
 * `npm test` needs three programs that npm cannot bring: Chromium (the editor's browser test), and
 * Redis and PostgreSQL (the queue-mode suite). This step finds them, installs what is missing from
 * Debian's packages when it can (root with apt-get), says what it installs and why, and otherwise
 * stops with the command to run: no suite is ever skipped for a missing program.
 *
 *   tsx dev/tools/prerequisites.ts            check, install what is missing
 *   tsx dev/tools/prerequisites.ts --check    check only (exit 1 when something is missing)
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

import { hasPostgres, hasRedis } from '../harness/queue/prerequisites';

/** Debian's Chromium; CHROMIUM_PATH points the browser test at another build. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

interface Prerequisite {
	name: string;
	/** Debian packages that provide it. */
	packages: string[];
	why: string;
	present(): boolean;
}

export const PREREQUISITES: Prerequisite[] = [
	{
		name: 'Chromium',
		packages: ['chromium'],
		why: 'the editor test drives n8n’s editor in headless Chromium (test/e2e/editor.browser.test.ts)',
		present: () => existsSync(CHROMIUM_PATH),
	},
	{
		name: 'Redis',
		packages: ['redis-server'],
		why: 'the queue-mode suite runs n8n with its Redis job queue (test/queue)',
		present: hasRedis,
	},
	{
		name: 'PostgreSQL',
		packages: ['postgresql'],
		why: 'the queue-mode suite stores n8n’s executions in PostgreSQL (test/queue)',
		present: hasPostgres,
	},
];

function log(line: string): void {
	process.stdout.write(`[prerequisites] ${line}\n`);
}

function canUseApt(): boolean {
	return process.getuid?.() === 0 && spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
}

function apt(args: string[]): void {
	const started = Date.now();
	const result = spawnSync('apt-get', args, {
		stdio: ['ignore', 'inherit', 'inherit'],
		env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
	});
	if (result.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed with exit code ${result.status}`);
	log(`  done in ${Math.round((Date.now() - started) / 1000)} s`);
}

export function missingPrerequisites(): Prerequisite[] {
	return PREREQUISITES.filter((prerequisite) => !prerequisite.present());
}

function main(): void {
	const missing = missingPrerequisites();
	if (missing.length === 0) {
		log(`found ${PREREQUISITES.map(({ name }) => name).join(', ')}`);
		return;
	}
	const packages = missing.flatMap(({ packages: names }) => names);
	for (const { name, why } of missing) log(`${name} is missing: ${why}`);
	if (process.argv.includes('--check') || !canUseApt()) {
		log(`install, then run again: sudo apt-get update && sudo apt-get install -y ${packages.join(' ')}`);
		process.exitCode = 1;
		return;
	}
	log(`installing ${packages.join(', ')} from Debian's packages (once per machine; about 1-2 minutes)`);
	apt(['update', '-qq']);
	apt(['install', '-y', '-qq', ...packages]);
	const still = missingPrerequisites();
	if (still.length > 0) {
		log(`still missing after the install: ${still.map(({ name }) => name).join(', ')}`);
		process.exitCode = 1;
		return;
	}
	log(`ready: ${PREREQUISITES.map(({ name }) => name).join(', ')}`);
}

if (require.main === module) {
	try {
		main();
	} catch (error) {
		log(error instanceof Error ? error.message : String(error));
		process.exitCode = 1;
	}
}

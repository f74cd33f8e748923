/**
 * Runs `npm run bench` (bench/run.ts under tsx) as a child process, as a user would, and reads back
 * the report and the JSON figures it writes. Used by the smoke tests of both suites.
 */
import { spawn } from 'child_process';
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

import type { BenchResults } from '../results';
import { REPO_ROOT, TSX_CLI } from '../../paths';

const REPO = REPO_ROOT;

export interface BenchRun {
	markdown: string;
	results: BenchResults;
	/** stdout and stderr, interleaved. */
	output: string;
}

export async function runBenchSmoke(env: NodeJS.ProcessEnv = {}): Promise<BenchRun> {
	const outDir = mkdtempSync(join(tmpdir(), 'bench-smoke-'));
	const file = join(outDir, 'RESULTS.smoke.md');
	let output = '';
	try {
		const code = await new Promise<number>((resolve, reject) => {
			const child = spawn(process.execPath, [TSX_CLI, join(REPO, 'dev', 'bench', 'run.ts')], {
				cwd: REPO,
				env: { ...process.env, BENCH_SCALE: 'smoke', BENCH_OUT: file, ...env },
				stdio: ['ignore', 'pipe', 'pipe'],
			});
			child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
			child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
			child.on('error', reject);
			child.on('exit', (exitCode) => resolve(exitCode ?? 1));
		});
		if (code !== 0) throw new Error(`bench exited with ${code}:\n${output.slice(-4000)}`);
		return {
			markdown: readFileSync(file, 'utf8'),
			results: JSON.parse(readFileSync(file.replace(/\.md$/, '.json'), 'utf8')) as BenchResults,
			output,
		};
	} finally {
		rmSync(outDir, { recursive: true, force: true });
	}
}

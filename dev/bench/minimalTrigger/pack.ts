/**
 * Packs the minimal trigger (BenchMinimalTrigger.node.ts) as a community package of its own,
 * `n8n-nodes-bench-minimal-trigger`: esbuild bundles the node into CommonJS (n8n-workflow is only imported
 * for types), beside a package.json that lists it the way n8n's loader expects, then `npm pack`.
 */
import { build } from 'esbuild';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { run } from '../../harness/exec';
import { cleanNpmEnv } from '../../harness/install';
import { MINIMAL_PACKAGE } from './names';


/** Returns the .tgz path (in destDir). */
export async function packMinimalTrigger(destDir: string): Promise<string> {
	const work = await mkdtemp(join(tmpdir(), 'bench-minimal-trigger-'));
	try {
		await mkdir(join(work, 'dist'), { recursive: true });
		// n8n loads `<file>.node.js` and takes the class named like the file.
		await build({
			entryPoints: [join(__dirname, 'BenchMinimalTrigger.node.ts')],
			outfile: join(work, 'dist', 'BenchMinimalTrigger.node.js'),
			bundle: true,
			platform: 'node',
			format: 'cjs',
			target: 'node20',
			external: ['n8n-workflow'],
			logLevel: 'silent',
		});
		const manifest = {
			name: MINIMAL_PACKAGE,
			version: '0.0.0',
			private: true,
			description: 'Benchmark only: the least a community trigger costs in n8n',
			keywords: ['n8n-community-node-package'],
			license: 'MIT',
			files: ['dist'],
			n8n: { n8nNodesApiVersion: 1, nodes: ['dist/BenchMinimalTrigger.node.js'] },
		};
		await writeFile(join(work, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
		await mkdir(destDir, { recursive: true });
		const { stdout } = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', destDir], { cwd: work, env: cleanNpmEnv(), timeoutMs: 2 * 60 * 1000 });
		const parsed = JSON.parse(stdout.slice(stdout.indexOf('['))) as { filename: string }[];
		return join(destDir, parsed[0].filename);
	} finally {
		await rm(work, { recursive: true, force: true });
	}
}

/**
 * The release tarball as n8n's reviewers see it: n8n's scanner (`@n8n/scan-community-package`, the
 * gate for verified community nodes) on the source and the tarball, zero errors and zero warnings;
 * and what the scanner does not check (dev/tools/check-package.ts). One tarball for both.
 */
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { promisify } from 'util';

import { checkTarball, formatViolation } from '../../dev/tools/check-package';
import type { ScanReport } from '../../dev/tools/n8nScanner';
import { packRelease } from '../../dev/tools/packRelease';
import { REPO_ROOT, TSX_CLI } from '../../dev/paths';

const SCANNER_CLI = path.join(REPO_ROOT, 'dev', 'tools', 'n8nScanner.ts');

/** The scanner is ESM, which jest's CommonJS runtime cannot load: it runs in its own process. */
async function scan(tarball: string, sourceDir = REPO_ROOT): Promise<{ code: number; report: ScanReport }> {
	try {
		const { stdout } = await promisify(execFile)(process.execPath, [TSX_CLI, SCANNER_CLI, '--json', '--source', sourceDir, tarball], {
			maxBuffer: 16 * 1024 * 1024,
		});
		return { code: 0, report: JSON.parse(stdout) as ScanReport };
	} catch (error) {
		const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
		if (!stdout.trim()) throw new Error(`scanner crashed (exit ${code}): ${stderr}`);
		return { code, report: JSON.parse(stdout) as ScanReport };
	}
}

let dir: string;
let tarball: string;
beforeAll(() => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'release-tarball-test-'));
	tarball = packRelease({ destination: dir });
}, 240_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it(
	'passes on the source and the release tarball with no error and no warning',
	async () => {
		const { code, report } = await scan(tarball);
		expect(report.source.problems).toEqual([]);
		expect(report.tarball.problems).toEqual([]);
		expect(report.source.passed).toBe(true);
		expect(report.tarball.passed).toBe(true);
		expect(code).toBe(0);
		// It really looked: package.json, every node and credential source, every shipped .js.
		const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { n8n: { nodes: string[] } };
		expect(report.source.files).toBeGreaterThan(pkg.n8n.nodes.length + 1);
		expect(report.tarball.files).toBeGreaterThan(pkg.n8n.nodes.length + 1);
	},
	240_000,
);

it('ships only the build, and every node package.json lists with its codex and icons', () => {
	const result = checkTarball(tarball);
	expect(result.violations.map(formatViolation)).toEqual([]);
	const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { n8n: { nodes: string[] } };
	for (const node of pkg.n8n.nodes) {
		expect(result.files).toEqual(expect.arrayContaining([`package/${node}`, `package/${node}on`]));
	}
});

it(
	'the scanner reports errors and warnings, from the source and from the tarball',
	async () => {
		const write = (root: string, file: string, content: string): void => {
			fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
			fs.writeFileSync(path.join(root, file), content);
		};
		// What this package looked like before issue 14: an author without an email, no homepage.
		const pkg = JSON.stringify({
			name: 'n8n-nodes-bad',
			version: '0.1.0',
			license: 'MIT',
			author: { name: 'someone' },
			keywords: ['n8n-community-node-package'],
			files: ['dist'],
			n8n: { n8nNodesApiVersion: 1, nodes: ['dist/nodes/Bad.node.js'] },
			peerDependencies: { 'n8n-workflow': '*' },
		});
		const source = path.join(dir, 'bad-source');
		write(source, 'package.json', pkg);
		write(source, 'nodes/helper.ts', "import * as zlib from 'zlib';\nexport const later = () => setTimeout(() => zlib, 1);\n");
		const packed = path.join(dir, 'bad-packed');
		write(packed, 'package/package.json', pkg);
		write(packed, 'package/dist/nodes/Bad.node.js', "const fs = require('fs');\nexports.x = process.env.X;\n");
		const badTarball = path.join(dir, 'bad.tgz');
		await promisify(execFile)('tar', ['-czf', badTarball, '-C', packed, 'package']);

		const { code, report } = await scan(badTarball, source);
		expect(code).toBe(1);
		const rules = (leg: ScanReport['source']): string[] => leg.problems.map((p) => `${p.file} ${p.severity} ${p.rule}`);
		expect(rules(report.source)).toEqual(
			expect.arrayContaining([
				'package.json error @n8n/community-nodes/valid-author',
				'package.json warning @n8n/community-nodes/require-homepage',
				'nodes/helper.ts error @n8n/community-nodes/no-restricted-imports',
				'nodes/helper.ts error @n8n/community-nodes/no-restricted-globals',
			]),
		);
		expect(rules(report.tarball)).toEqual(
			expect.arrayContaining([
				'package.json error @n8n/community-nodes/valid-author',
				'dist/nodes/Bad.node.js error @n8n/community-nodes/no-restricted-imports',
				'dist/nodes/Bad.node.js error @n8n/community-nodes/no-restricted-globals',
			]),
		);
		expect(report.source.passed).toBe(false);
		expect(report.tarball.passed).toBe(false);
	},
	240_000,
);

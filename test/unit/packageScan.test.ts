import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

import { checkFileList, checkRegistered, checkTarball, formatViolation, iconReferences } from '../../dev/tools/check-package';

describe('checkFileList', () => {
	const pkg = { main: 'index.js' };
	const base = ['package/package.json', 'package/README.md', 'package/LICENSE'];

	it('accepts the build output, docs and the main stub', () => {
		const files = [
			...base,
			'package/CHANGELOG.md',
			'package/index.js',
			'package/dist/nodes/A/A.node.js',
			'package/dist/nodes/A/A.node.js.map',
			'package/dist/nodes/A/A.node.d.ts',
			'package/dist/nodes/A/A.node.json',
			'package/dist/nodes/A/a.svg',
			'package/dist/nodes/A/a.png',
		];
		expect(checkFileList(files, pkg)).toEqual([]);
	});

	it.each([
		['package/test/unit/a.test.ts', 'outside dist/'],
		['package/simulator/cli.ts', 'outside dist/'],
		['package/nodes/A/A.node.ts', 'outside dist/'],
		['package/other.js', 'unexpected file at the package root'],
		['package/.npmrc', 'unexpected file at the package root'],
		['package/dist/test/unit/a.test.js', "under 'test/'"],
		['package/dist/dev/simulator/server.js', "under 'dev/'"],
		['package/dist/harness/exec.js', "under 'harness/'"],
		['package/dist/nodes/A/a.spec.js', 'test file'],
		['package/dist/nodes/A/A.node.ts', 'TypeScript source'],
		['package/dist/nodes/A/run.sh', 'unexpected file type'],
		['package/dist/nodes/A/a.mjs', 'unexpected file type'],
		['outside.txt', 'outside the package/ root'],
	])('%s is rejected', (file, message) => {
		expect(checkFileList([...base, file], pkg).map(formatViolation).join('\n')).toContain(message);
	});

	it('requires README and LICENSE', () => {
		const found = checkFileList(['package/package.json'], pkg).map((v) => v.message);
		expect(found).toEqual(['README is missing from the package', 'LICENSE is missing from the package']);
	});
});

describe('checkRegistered', () => {
	const node = "description = { icon: { light: 'file:a.svg', dark: 'file:a.dark.svg' } };";
	const credential = "icon = 'file:../nodes/A/a.svg';";
	const sources: Record<string, string> = {
		'package/dist/nodes/A/A.node.js': node,
		'package/dist/credentials/A.credentials.js': credential,
		'package/dist/nodes/B/B.node.js': node,
	};
	const good = { n8n: { nodes: ['dist/nodes/A/A.node.js'], credentials: ['dist/credentials/A.credentials.js'] } };
	const files = new Set([
		'package/dist/nodes/A/A.node.js',
		'package/dist/nodes/A/A.node.json',
		'package/dist/nodes/A/a.svg',
		'package/dist/nodes/A/a.dark.svg',
		'package/dist/credentials/A.credentials.js',
	]);
	const check = (pkg: unknown, shipped = files, read = (f: string) => sources[f]): string =>
		checkRegistered(pkg, shipped, read).map(formatViolation).join('\n');

	it('accepts nodes and credentials that ship with their codex and icons', () => {
		expect(check(good)).toBe('');
		expect(check({ n8n: { nodes: good.n8n.nodes } })).toBe('');
	});

	it('resolves icon paths relative to the file that names them', () => {
		expect(iconReferences('package/dist/credentials/A.credentials.js', credential)).toEqual(['package/dist/nodes/A/a.svg']);
		expect(iconReferences('package/dist/nodes/A/A.node.js', node)).toEqual(['package/dist/nodes/A/a.svg', 'package/dist/nodes/A/a.dark.svg']);
	});

	it.each([
		[{ n8n: { nodes: [] } }, '"n8n.nodes" must be a non-empty array'],
		[{ n8n: { nodes: ['dist/nodes/B/B.node.js'] } }, 'package/dist/nodes/B/B.node.js: registered in "n8n.nodes" but not in the tarball'],
		[{ n8n: { nodes: good.n8n.nodes, credentials: ['dist/credentials/B.js'] } }, 'registered in "n8n.credentials" but not in the tarball'],
		[{ n8n: { nodes: good.n8n.nodes, credentials: 'x' } }, '"n8n.credentials" must be an array'],
		[{ n8n: { nodes: [1] } }, 'non-string entry'],
		[{ n8n: undefined }, '"n8n" section is missing'],
	])('%j is rejected', (pkg, message) => {
		expect(check(pkg)).toContain(message);
	});

	it('rejects a node without its codex', () => {
		const shipped = new Set([...files].filter((f) => !f.endsWith('.node.json')));
		expect(check(good, shipped)).toContain('package/dist/nodes/A/A.node.js: ships without its codex (A.node.json)');
	});

	it('rejects a missing icon and a node that names none', () => {
		const shipped = new Set([...files].filter((f) => !f.endsWith('a.dark.svg')));
		expect(check(good, shipped)).toBe('package/dist/nodes/A/A.node.js: icon package/dist/nodes/A/a.dark.svg is not in the tarball');
		expect(check(good, files, (f) => (f.endsWith('.node.js') ? 'no icon here' : sources[f]))).toBe(
			'package/dist/nodes/A/A.node.js: references no icon (icon: "file:…")',
		);
	});
});

describe('checkTarball', () => {
	let dir: string;
	beforeAll(() => {
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'package-scan-test-'));
	});
	afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

	it('finds problems in a synthetic tarball', () => {
		const root = path.join(dir, 'bad');
		const write = (file: string, content: string): void => {
			fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
			fs.writeFileSync(path.join(root, file), content);
		};
		write('package/package.json', JSON.stringify({ name: 'n8n-nodes-bad', n8n: { nodes: ['dist/nodes/A.node.js'] } }));
		write('package/README.md', '# bad');
		write('package/LICENSE', 'MIT');
		write('package/dist/nodes/A.node.js', "icon = 'file:a.svg';\n");
		write('package/test/a.test.ts', '');
		const tarball = path.join(dir, 'bad.tgz');
		execFileSync('tar', ['-czf', tarball, '-C', root, 'package']);

		expect(checkTarball(tarball).violations.map(formatViolation)).toEqual([
			'package/test/a.test.ts: file outside dist/ (only dist/, package.json, README, LICENSE, CHANGELOG)',
			'package/dist/nodes/A.node.js: ships without its codex (A.node.json)',
			'package/dist/nodes/A.node.js: icon package/dist/nodes/a.svg is not in the tarball',
		]);
	});
});

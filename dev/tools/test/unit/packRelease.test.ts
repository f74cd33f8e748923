/**
 * The release tarball is built from the source, whatever dist/ holds: a stale build (changed,
 * extra files) and a missing one both give exactly what a fresh `tsc` of the source gives.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { REPO_ROOT } from '../../../paths';
import { packRelease, sourceFiles } from '../../packRelease';

let dir: string;
/** `tsc` of the repository's source into its own folder: relative .js path → content. */
let fresh: Map<string, string>;

function jsFiles(root: string): Map<string, string> {
	const files = new Map<string, string>();
	const walk = (at: string): void => {
		for (const entry of fs.readdirSync(at, { withFileTypes: true })) {
			const full = path.join(at, entry.name);
			if (entry.isDirectory()) walk(full);
			else if (entry.name.endsWith('.js')) files.set(path.relative(root, full).split(path.sep).join('/'), fs.readFileSync(full, 'utf8'));
		}
	};
	walk(root);
	return files;
}

/** A copy of the repository's source in its own git folder, as a fresh clone would have it. */
function copyOfRepo(name: string): string {
	const copy = path.join(dir, name);
	for (const file of sourceFiles(REPO_ROOT)) {
		fs.mkdirSync(path.dirname(path.join(copy, file)), { recursive: true });
		fs.copyFileSync(path.join(REPO_ROOT, file), path.join(copy, file));
	}
	execFileSync('git', ['init', '-q'], { cwd: copy });
	fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
	return copy;
}

/** The tarball's dist/ .js files, as paths relative to dist/. */
function packedJs(tarball: string): Map<string, string> {
	const out = fs.mkdtempSync(path.join(dir, 'unpacked-'));
	execFileSync('tar', ['-xzf', tarball, '-C', out, '--no-same-owner']);
	return jsFiles(path.join(out, 'package', 'dist'));
}

beforeAll(() => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pack-release-test-'));
	const outDir = path.join(dir, 'fresh');
	execFileSync(process.execPath, [path.join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(REPO_ROOT, 'tsconfig.json'), '--outDir', outDir]);
	fresh = jsFiles(outDir);
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it('fresh build sanity: the reference has every node package.json registers', () => {
	const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { n8n: { nodes: string[] } };
	for (const node of pkg.n8n.nodes) expect(fresh.has(node.replace(/^dist\//, ''))).toBe(true);
});

it(
	'a stale dist/ (a changed node, a file whose source is gone) is not shipped',
	() => {
		const repo = copyOfRepo('stale');
		const write = (file: string, content: string): void => {
			fs.mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
			fs.writeFileSync(path.join(repo, file), content);
		};
		write('dist/nodes/TencentCloudDesk/TencentCloudDesk.node.js', '// stale build\n');
		write('dist/nodes/Removed/Removed.node.js', '// source deleted long ago\n');

		const packed = packedJs(packRelease({ repoDir: repo, destination: path.join(dir, 'out-stale') }));
		expect([...packed.keys()].sort()).toEqual([...fresh.keys()].sort());
		for (const [file, content] of fresh) expect(packed.get(file)).toBe(content);
		// The working copy's dist/ is neither read nor cleaned.
		expect(fs.readFileSync(path.join(repo, 'dist/nodes/Removed/Removed.node.js'), 'utf8')).toBe('// source deleted long ago\n');
	},
	180_000,
);

it(
	'with no dist/ at all the tarball still holds the full build',
	() => {
		const repo = copyOfRepo('missing');
		expect(fs.existsSync(path.join(repo, 'dist'))).toBe(false);
		const packed = packedJs(packRelease({ repoDir: repo, destination: path.join(dir, 'out-missing') }));
		expect([...packed.keys()].sort()).toEqual([...fresh.keys()].sort());
		for (const [file, content] of fresh) expect(packed.get(file)).toBe(content);
	},
	180_000,
);

it('copies only source files: never dist/ or node_modules/ (even when git does not ignore them), nor a tracked file deleted since', () => {
	const repo = path.join(dir, 'unignored');
	fs.mkdirSync(path.join(repo, 'dist'), { recursive: true });
	fs.mkdirSync(path.join(repo, 'nodes'), { recursive: true });
	fs.writeFileSync(path.join(repo, 'dist', 'old.js'), '');
	fs.mkdirSync(path.join(repo, 'node_modules', 'x'), { recursive: true });
	fs.writeFileSync(path.join(repo, 'node_modules', 'x', 'index.js'), '');
	fs.writeFileSync(path.join(repo, 'nodes', 'A.node.ts'), '');
	fs.writeFileSync(path.join(repo, 'distant.md'), '');
	fs.writeFileSync(path.join(repo, 'nodes', 'Gone.node.ts'), '');
	execFileSync('git', ['init', '-q'], { cwd: repo });
	execFileSync('git', ['add', 'nodes/Gone.node.ts'], { cwd: repo });
	fs.rmSync(path.join(repo, 'nodes', 'Gone.node.ts'));
	expect(sourceFiles(repo)).toEqual(['distant.md', 'nodes/A.node.ts']);
});

import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

import {
	checkFileList,
	checkJsSource,
	checkPackageJson,
	checkTarball,
	formatViolation,
	packRepo,
	REPO_ROOT,
} from '../../dev/tools/check-package';

const messages = (source: string, files?: Set<string>): string[] =>
	checkJsSource('package/dist/nodes/x.js', source, files).map((v) => v.message);

describe('checkJsSource: forbidden things are found', () => {
	it.each([
		['process.env.SECRET', 'process'],
		['const e = process;', 'process'],
		['typeof process !== "undefined"', 'process'],
		['globalThis.fetch', 'globalThis'],
		['global.x = 1', 'global'],
		['console.log(__dirname, __filename)', '__dirname'],
		['setTimeout(() => {}, 10)', 'setTimeout'],
		['setInterval(f, 10)', 'setInterval'],
		['setImmediate(f)', 'setImmediate'],
		['clearTimeout(t)', 'clearTimeout'],
		['clearInterval(t)', 'clearInterval'],
		['const o = { process };', 'process'],
		['({ process } = other);', 'process'],
		['const { a = process } = o;', 'process'],
		['function f(a = setTimeout) {}', 'setTimeout'],
		['x?.[process]', 'process'],
		['`${process.pid}`', 'process'],
		['class A { m() { return globalThis; } }', 'globalThis'],
		['export { process };', 'process'],
		// A local binding elsewhere must not hide the global here.
		['function f(process) {} process.exit();', 'process'],
		['{ let process = 1; } process.x;', 'process'],
		['function f() { var setTimeout; } setTimeout();', 'setTimeout'],
		['try {} catch (global) {} global.x;', 'global'],
		['for (let process of a) {} process.x;', 'process'],
		['const f = function process() {}; process.x;', 'process'],
		['const g = (setTimeout) => setTimeout; setTimeout(1);', 'setTimeout'],
		['exports.process = process;', 'process'],
	])('%s → %s', (source, name) => {
		expect(messages(source)).toEqual(
			expect.arrayContaining([expect.stringContaining(`restricted global '${name}'`)]),
		);
	});

	it.each([
		['eval("1 + 1")', 'eval'],
		['const e = eval; e("x")', 'eval'],
		['(0, eval)("x")', 'eval'],
		['new Function("return this")()', 'Function'],
		['Function("return this")()', 'Function'],
		['Function.call(null, "x")', 'Function'],
		['const F = Function;', 'Function'],
		['(() => {}).constructor("return process")()', '.constructor'],
		['f["constructor"]("code")', '.constructor'],
	])('%s → %s', (source, what) => {
		expect(messages(source).join('\n')).toContain(what);
	});

	it.each([
		["require('zlib')", "require of 'zlib'"],
		["require('node:zlib')", "require of 'node:zlib'"],
		["require('fs').readFileSync('x')", "require of 'fs'"],
		['require(`http`)', "require of 'http'"],
		["require('lodash')", "require of 'lodash'"],
		["require('n8n-workflow/dist/x')", "require of 'n8n-workflow/dist/x'"],
		["require('crypto-js')", "require of 'crypto-js'"],
		["require.resolve('zlib')", "require of 'zlib'"],
		["module.require('zlib')", "require of 'zlib'"],
		["require.main.require('zlib')", "require of 'zlib'"],
		['require(name)', 'require with a non-literal argument'],
		["require('./' + name)", 'require with a non-literal argument'],
		['require(`./${name}`)', 'require with a non-literal argument'],
		['require()', 'require with a non-literal argument'],
		["const r = require; r('zlib')", "indirect use of 'require'"],
		["[require][0]('zlib')", "indirect use of 'require'"],
		['module.constructor._load("zlib")', "use of 'module'"],
		["import zlib from 'zlib';", "import of 'zlib'"],
		["import * as http from 'http';", "import of 'http'"],
		["export * from 'fs';", "import of 'fs'"],
		["import('zlib')", "dynamic import of 'zlib'"],
		['import(name)', 'dynamic import with a non-literal argument'],
	])('%s → %s', (source, message) => {
		expect(messages(source).join('\n')).toContain(message);
	});

	it('reports the position of each violation', () => {
		const [violation] = checkJsSource('package/dist/a.js', "'use strict';\nconst a = 1;\n  process.exit(a);\n");
		expect(violation).toMatchObject({ file: 'package/dist/a.js', line: 3, column: 3 });
		expect(formatViolation(violation)).toMatch(/^package\/dist\/a\.js:3:3 use of restricted global 'process'/);
	});

	it('reports syntax errors instead of guessing', () => {
		expect(messages('const = ;').join('\n')).toContain('syntax error');
	});

	it('checks relative imports against the package contents when given them', () => {
		const files = new Set(['package/dist/nodes/x.js', 'package/dist/nodes/y.js', 'package/dist/shared/index.js']);
		expect(messages("require('./y'); require('../shared'); require('./y.js')", files)).toEqual([]);
		expect(messages("require('./missing')", files).join('\n')).toContain('does not resolve');
		expect(messages("require('../../../zlib')", files).join('\n')).toContain('leaves the package');
	});
});

describe('checkJsSource: allowed things pass', () => {
	it.each([
		["const n8n_workflow_1 = require('n8n-workflow');"],
		["const crypto_1 = require('crypto'); require(`node:crypto`);"],
		["require('./zlibStored'); require('../shared/userSig'); require('.');"],
		["import { NodeApiError } from 'n8n-workflow';"],
		["export * from './x';"],
		['obj.process(1); job.setTimeout = 5; a.global; x.eval(); y.Function;'],
		["const s = 'process globalThis setTimeout eval require(\"zlib\")';"],
		['const t = `process ${1} setTimeout`;'],
		['// process.env and setTimeout in a comment\n/* require("zlib") */'],
		['const o = { process: 1, setTimeout() {}, get global() { return 1; }, "eval": 2 };'],
		['class A { process = 1; setTimeout() {} static global = 2; #eval = 3; }'],
		["const { process: p } = obj; const { setTimeout: s = 1 } = obj;"],
		['function f(process) { return process.env; }'],
		['const process = { env: {} }; process.env.X;'],
		['let global = 1; { global = 2; }'],
		['function g() { var setTimeout = h; setTimeout(); }'],
		['try { x(); } catch (process) { process.message; }'],
		['const f = function eval() { return eval; };'],
		['for (const process of list) { process.id; }'],
		['function setTimeout() {} setTimeout();'],
		['if (a) { var global = 1; } global.x;'],
		['class process {} new process();'],
		['x instanceof Function; Function.prototype.toString.call(f);'],
		['module.exports = { a: 1 }; exports.b = 2;'],
		['label: for (;;) { break label; }'],
		["Object.defineProperty(exports, '__esModule', { value: true }); exports.x = void 0;"],
		['new Date().getTime(); Buffer.from("a"); JSON.parse("{}"); Math.max(1);'],
		['const sleep = require("n8n-workflow").sleep; await sleep(10);'],
	])('%s', (source) => {
		expect(messages(source)).toEqual([]);
	});

	it('accepts what tsc emits for a CommonJS module', () => {
		const emitted = [
			'"use strict";',
			'var __importDefault = (this && this.__importDefault) || function (mod) {',
			'    return (mod && mod.__esModule) ? mod : { "default": mod };',
			'};',
			'Object.defineProperty(exports, "__esModule", { value: true });',
			'exports.Node = void 0;',
			'const n8n_workflow_1 = require("n8n-workflow");',
			'const crypto_1 = __importDefault(require("crypto"));',
			'class Node { async execute() { await (0, n8n_workflow_1.sleep)(1); return crypto_1.default.randomUUID(); } }',
			'exports.Node = Node;',
		].join('\n');
		expect(messages(emitted)).toEqual([]);
	});
});

describe('checkFileList', () => {
	const pkg = { main: 'index.js' };
	const base = ['package/package.json', 'package/README.md', 'package/LICENSE'];

	it('accepts the build output, docs and the main stub', () => {
		const files = [
			...base,
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
		['package/dist/test/unit/a.test.js', "under 'test/'"],
		['package/dist/simulator/server.js', "under 'simulator/'"],
		['package/dist/harness/exec.js', "under 'harness/'"],
		['package/dist/nodes/A/a.spec.js', 'test file'],
		['package/dist/nodes/A/A.node.ts', 'TypeScript source'],
		['package/dist/nodes/A/run.sh', 'unexpected file type'],
		['package/dist/nodes/A/a.mjs', 'unexpected file type'],
		['outside.txt', 'outside the package/ root'],
	])('%s is rejected', (file, message) => {
		expect(checkFileList([...base, file], pkg).map((v) => v.message).join('\n')).toContain(message);
	});

	it('requires README and LICENSE', () => {
		const found = checkFileList(['package/package.json'], pkg).map((v) => v.message);
		expect(found).toEqual(['README is missing from the package', 'LICENSE is missing from the package']);
	});
});

describe('checkPackageJson', () => {
	const good = {
		name: 'n8n-nodes-x',
		keywords: ['n8n-community-node-package'],
		peerDependencies: { 'n8n-workflow': '*' },
		n8n: { nodes: ['dist/nodes/A/A.node.js'], credentials: ['dist/credentials/A.credentials.js'] },
	};
	const files = new Set(['package/dist/nodes/A/A.node.js', 'package/dist/nodes/A/A.node.json', 'package/dist/credentials/A.credentials.js']);
	const check = (overrides: Record<string, unknown>): string =>
		checkPackageJson({ ...good, ...overrides }, files)
			.map((v) => v.message)
			.join('\n');

	it('accepts a well-formed package.json', () => {
		expect(checkPackageJson(good, files)).toEqual([]);
		expect(check({ dependencies: {} })).toBe('');
	});

	it.each([
		[{ dependencies: { lodash: '4' } }, '"dependencies" must be empty'],
		[{ optionalDependencies: { x: '1' } }, '"optionalDependencies" must be empty'],
		[{ bundleDependencies: ['x'] }, '"bundleDependencies" must be empty'],
		[{ peerDependencies: { 'n8n-workflow': '*', 'n8n-core': '*' } }, 'peerDependency "n8n-core"'],
		[{ peerDependencies: { 'n8n-workflow': '^1.0.0' } }, '"n8n-workflow": "*"'],
		[{ peerDependencies: undefined }, '"peerDependencies" must be'],
		[{ keywords: ['n8n'] }, 'keyword "n8n-community-node-package"'],
		[{ name: 'tencent-desk' }, 'n8n-nodes-'],
		[{ scripts: { postinstall: 'node x' } }, 'lifecycle script "postinstall"'],
		[{ n8n: { nodes: [] } }, '"n8n.nodes" must be a non-empty array'],
		[{ n8n: { nodes: ['dist/nodes/B/B.node.js'] } }, 'dist/nodes/B/B.node.js is not in the tarball'],
		[{ n8n: { nodes: ['dist/nodes/A/A.node.js'], credentials: ['dist/credentials/B.js'] } }, 'dist/credentials/B.js is not in the tarball'],
		[{ n8n: { nodes: ['dist/nodes/A/A.node.js', 'dist/credentials/A.credentials.js'] } }, 'ships without its codex (A.credentials.json)'],
		[{ n8n: undefined }, '"n8n" section is missing'],
	])('%j is rejected', (overrides, message) => {
		expect(check(overrides)).toContain(message);
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
		write('package/package.json', JSON.stringify({
			name: 'n8n-nodes-bad',
			keywords: ['n8n-community-node-package'],
			peerDependencies: { 'n8n-workflow': '*' },
			n8n: { nodes: ['dist/nodes/A.node.js'] },
		}));
		write('package/README.md', '# bad');
		write('package/LICENSE', 'MIT');
		write('package/dist/nodes/A.node.js', "const zlib = require('zlib');\nsetTimeout(() => {}, 1);\n");
		write('package/test/a.test.ts', '');
		const tarball = path.join(dir, 'bad.tgz');
		execFileSync('tar', ['-czf', tarball, '-C', root, 'package']);

		const result = checkTarball(tarball);
		expect(result.jsFiles).toBe(1);
		expect(result.violations.map(formatViolation)).toEqual([
			'package/test/a.test.ts:1:1 file outside dist/ (only dist/, package.json, README, LICENSE)',
			'package/package.json:1:1 node dist/nodes/A.node.js ships without its codex (A.node.json)',
			"package/dist/nodes/A.node.js:1:14 require of 'zlib' is not allowed (only n8n-workflow, crypto, node:crypto and relative paths)",
			"package/dist/nodes/A.node.js:2:1 use of restricted global 'setTimeout' (use 'sleep' from n8n-workflow)",
		]);
	});

	// CI runs `npm run build` before jest; during development dist/ may be missing.
	const hasDist = fs.existsSync(path.join(REPO_ROOT, 'dist'));
	(hasDist ? it : it.skip)(
		'the real packed tarball has no violations',
		() => {
			const tarball = packRepo(dir);
			const result = checkTarball(tarball);
			expect(result.jsFiles).toBeGreaterThan(0);
			expect(result.violations.map(formatViolation)).toEqual([]);
		},
		60_000,
	);
});

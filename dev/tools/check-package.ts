/**
 * Checks the published tarball the way n8n's community-package scanner
 * (`@n8n/scan-community-package`) will: what files ship, what package.json declares, and what
 * every shipped `.js` file imports or touches. Stricter than the scanner where that is cheap,
 * so a green run here means the scanner has nothing to find.
 *
 * Usage: tsx dev/tools/check-package.ts [tarball]
 * Without a tarball it runs `npm pack` on the repo (after `npm run build`).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ts from 'typescript';

import { REPO_ROOT } from '../paths';

export interface Violation {
	file: string;
	line: number;
	column: number;
	message: string;
}

export interface PackageCheckResult {
	violations: Violation[];
	/** Every regular file in the tarball, as `package/...` paths. */
	files: string[];
	jsFiles: number;
}

const ALLOWED_MODULES = new Set(['n8n-workflow', 'crypto', 'node:crypto']);

// n8n's `no-restricted-globals` list; `eval` and `Function` are checked separately.
const RESTRICTED_GLOBALS = new Set([
	'process',
	'globalThis',
	'global',
	'__dirname',
	'__filename',
	'setTimeout',
	'setInterval',
	'setImmediate',
	'clearTimeout',
	'clearInterval',
	'clearImmediate',
]);

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

const FORBIDDEN_LIFECYCLE_SCRIPTS = [
	'prepare',
	'preinstall',
	'install',
	'postinstall',
	'prepublish',
	'preprepare',
	'postprepare',
];

const ROOT_DOC = /^(readme|licen[cs]e)(\.(md|markdown|txt))?$/i;

function isRelative(specifier: string): boolean {
	return (
		specifier === '.' || specifier === '..' || specifier.startsWith('./') || specifier.startsWith('../')
	);
}

export function isAllowedModule(specifier: string): boolean {
	return ALLOWED_MODULES.has(specifier) || isRelative(specifier);
}

function fileViolation(file: string, message: string): Violation {
	return { file, line: 1, column: 1, message };
}

export function formatViolation(v: Violation): string {
	return `${v.file}:${v.line}:${v.column} ${v.message}`;
}

// ---------------------------------------------------------------------------------------------
// JavaScript

function isFunctionScope(node: ts.Node): boolean {
	return ts.isSourceFile(node) || ts.isFunctionLike(node) || ts.isClassStaticBlockDeclaration(node);
}

function isBlockScope(node: ts.Node): boolean {
	return (
		isFunctionScope(node) ||
		ts.isBlock(node) ||
		ts.isForStatement(node) ||
		ts.isForInStatement(node) ||
		ts.isForOfStatement(node) ||
		ts.isCaseBlock(node) ||
		ts.isModuleBlock(node)
	);
}

function nearest(node: ts.Node, predicate: (n: ts.Node) => boolean): ts.Node {
	let current = node.parent;
	while (!predicate(current)) current = current.parent;
	return current;
}

/**
 * Which names each scope node declares. Enough of ECMAScript's scoping to tell a local
 * `const process = …` (allowed, as in n8n's rule) from the global; hoisting order and TDZ do
 * not matter for that question.
 */
function collectDeclarations(sourceFile: ts.SourceFile): Map<ts.Node, Set<string>> {
	const scopes = new Map<ts.Node, Set<string>>();
	const declare = (scope: ts.Node, name: ts.BindingName | ts.Identifier): void => {
		if (ts.isIdentifier(name)) {
			let names = scopes.get(scope);
			if (!names) scopes.set(scope, (names = new Set()));
			names.add(name.text);
			return;
		}
		for (const element of name.elements) {
			if (!ts.isOmittedExpression(element)) declare(scope, element.name);
		}
	};
	const visit = (node: ts.Node): void => {
		if (ts.isVariableDeclaration(node)) {
			if (ts.isCatchClause(node.parent)) {
				declare(node.parent, node.name);
			} else {
				const blockScoped = (node.parent.flags & ts.NodeFlags.BlockScoped) !== 0;
				declare(nearest(node, blockScoped ? isBlockScope : isFunctionScope), node.name);
			}
		} else if (ts.isParameter(node)) {
			declare(node.parent, node.name);
		} else if ((ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node)) && node.name) {
			declare(nearest(node, isBlockScope), node.name);
		} else if ((ts.isFunctionExpression(node) || ts.isClassExpression(node)) && node.name) {
			// The name of a named function/class expression is visible only inside it.
			declare(node, node.name);
		} else if (
			(ts.isImportClause(node) ||
				ts.isNamespaceImport(node) ||
				ts.isImportSpecifier(node) ||
				ts.isImportEqualsDeclaration(node)) &&
			node.name
		) {
			declare(sourceFile, node.name);
		}
		ts.forEachChild(node, visit);
	};
	visit(sourceFile);
	return scopes;
}

/** False for identifiers that name a property, a declaration or a label rather than read a variable. */
function isReference(id: ts.Identifier): boolean {
	const p = id.parent;
	if (ts.isPropertyAccessExpression(p) || ts.isQualifiedName(p)) {
		return ts.isPropertyAccessExpression(p) ? p.expression === id : p.left === id;
	}
	if (
		(ts.isPropertyAssignment(p) ||
			ts.isMethodDeclaration(p) ||
			ts.isPropertyDeclaration(p) ||
			ts.isGetAccessorDeclaration(p) ||
			ts.isSetAccessorDeclaration(p) ||
			ts.isPropertySignature(p) ||
			ts.isMethodSignature(p) ||
			ts.isEnumMember(p) ||
			ts.isVariableDeclaration(p) ||
			ts.isParameter(p) ||
			ts.isFunctionDeclaration(p) ||
			ts.isFunctionExpression(p) ||
			ts.isClassDeclaration(p) ||
			ts.isClassExpression(p) ||
			ts.isJsxAttribute(p)) &&
		p.name === id
	) {
		return false;
	}
	if (ts.isBindingElement(p)) return p.initializer === id;
	if (
		ts.isImportClause(p) ||
		ts.isNamespaceImport(p) ||
		ts.isImportSpecifier(p) ||
		ts.isImportEqualsDeclaration(p) ||
		ts.isNamespaceExport(p) ||
		ts.isMetaProperty(p) ||
		ts.isLabeledStatement(p) ||
		ts.isBreakOrContinueStatement(p)
	) {
		return false;
	}
	if (ts.isExportSpecifier(p)) {
		// `export { local as exported }`: only the local name reads a variable, and only
		// when not re-exporting from another module.
		const local = p.propertyName ?? p.name;
		return local === id && !p.parent.parent.moduleSpecifier;
	}
	return true;
}

function isInScope(id: ts.Identifier, scopes: Map<ts.Node, Set<string>>): boolean {
	for (let node: ts.Node | undefined = id.parent; node; node = node.parent) {
		if (scopes.get(node)?.has(id.text)) return true;
	}
	return false;
}

function literalText(node: ts.Node | undefined): string | undefined {
	return node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))
		? node.text
		: undefined;
}

/** `a.b.c` → `a`, for spotting `module.require(…)` and `require.main.require(…)`. */
function rootIdentifier(node: ts.Expression): ts.Identifier | undefined {
	let current: ts.Expression = node;
	while (ts.isPropertyAccessExpression(current) || ts.isElementAccessExpression(current)) {
		current = current.expression;
	}
	return ts.isIdentifier(current) ? current : undefined;
}

function memberName(node: ts.Expression): string | undefined {
	if (ts.isPropertyAccessExpression(node)) return node.name.text;
	if (ts.isElementAccessExpression(node)) return literalText(node.argumentExpression);
	return undefined;
}

/** Candidates Node's resolver would try for a relative specifier, as tarball paths. */
function resolveRelative(fromFile: string, specifier: string, packageFiles: Set<string>): string | undefined {
	const base = path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), specifier));
	const candidates = [base, `${base}.js`, `${base}.json`, `${base}/index.js`];
	return candidates.find((candidate) => packageFiles.has(candidate));
}

/**
 * Lints one JavaScript file. `fileName` is used in messages and, with `packageFiles` (tarball
 * paths such as `package/dist/x.js`), to check that relative imports stay inside the package.
 */
export function checkJsSource(fileName: string, source: string, packageFiles?: Set<string>): Violation[] {
	const sourceFile = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
	const violations: Violation[] = [];
	const report = (node: ts.Node, message: string, position = node.getStart(sourceFile)): void => {
		const { line, character } = sourceFile.getLineAndCharacterOfPosition(position);
		violations.push({ file: fileName, line: line + 1, column: character + 1, message });
	};

	// Not in the public typings, but the only way to get syntax errors without a Program.
	const parseDiagnostics =
		(sourceFile as unknown as { parseDiagnostics?: readonly ts.Diagnostic[] }).parseDiagnostics ?? [];
	for (const diagnostic of parseDiagnostics) {
		const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
		report(sourceFile, `syntax error: ${message}`, diagnostic.start ?? 0);
	}
	if (parseDiagnostics.length > 0) return violations;

	const scopes = collectDeclarations(sourceFile);
	const isGlobal = (node: ts.Node, name: string): node is ts.Identifier =>
		ts.isIdentifier(node) && node.text === name && !isInScope(node, scopes);

	const checkSpecifier = (node: ts.Node, argument: ts.Node | undefined, kind: string): void => {
		const specifier = literalText(argument);
		if (specifier === undefined) {
			report(node, `${kind} with a non-literal argument`);
		} else if (!isAllowedModule(specifier)) {
			report(node, `${kind} of '${specifier}' is not allowed (only n8n-workflow, crypto, node:crypto and relative paths)`);
		} else if (isRelative(specifier) && packageFiles) {
			const target = path.posix.normalize(path.posix.join(path.posix.dirname(fileName), specifier));
			if (!target.startsWith('package/')) {
				report(node, `${kind} of '${specifier}' leaves the package`);
			} else if (!resolveRelative(fileName, specifier, packageFiles)) {
				report(node, `${kind} of '${specifier}' does not resolve to a file in the package`);
			}
		}
	};

	// Calls whose callee is, or hangs off, the global `require` / `module`.
	const isRequireCall = (call: ts.CallExpression): boolean => {
		const callee = call.expression;
		if (isGlobal(callee, 'require')) return true;
		const name = memberName(callee);
		const root = rootIdentifier(callee);
		if (!name || !root || root === callee) return false;
		const rootIsLoader = isGlobal(root, 'require') || isGlobal(root, 'module');
		return rootIsLoader && (name === 'require' || (name === 'resolve' && isGlobal(root, 'require')));
	};

	const visit = (node: ts.Node): void => {
		if (ts.isImportDeclaration(node) || (ts.isExportDeclaration(node) && node.moduleSpecifier)) {
			checkSpecifier(node, node.moduleSpecifier, 'import');
		} else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
			checkSpecifier(node, node.moduleReference.expression, 'import');
		} else if (ts.isCallExpression(node)) {
			if (node.expression.kind === ts.SyntaxKind.ImportKeyword) {
				checkSpecifier(node, node.arguments[0], 'dynamic import');
			} else if (isRequireCall(node)) {
				checkSpecifier(node, node.arguments[0], 'require');
			} else if (memberName(node.expression) === 'constructor') {
				// `(() => {}).constructor('code')()` is the Function constructor under another name.
				report(node, 'calling .constructor directly is not allowed (it can reach the Function constructor)');
			}
		} else if (ts.isIdentifier(node) && isReference(node) && !isInScope(node, scopes)) {
			checkGlobalReference(node);
		}
		ts.forEachChild(node, visit);
	};

	const checkGlobalReference = (id: ts.Identifier): void => {
		const p = id.parent;
		if (RESTRICTED_GLOBALS.has(id.text)) {
			const hint =
				id.text === 'setTimeout' || id.text === 'setInterval'
					? " (use 'sleep' from n8n-workflow)"
					: '';
			report(id, `use of restricted global '${id.text}'${hint}`);
		} else if (id.text === 'eval') {
			report(id, 'use of eval is not allowed');
		} else if (id.text === 'Function') {
			// `x instanceof Function` and `Function.prototype` cannot build code from strings.
			const harmless =
				(ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.InstanceOfKeyword && p.right === id) ||
				(ts.isPropertyAccessExpression(p) && p.expression === id && p.name.text === 'prototype');
			if (!harmless) report(id, 'use of the Function constructor is not allowed');
		} else if (id.text === 'require') {
			const directCall = ts.isCallExpression(p) && p.expression === id;
			const memberCall =
				ts.isPropertyAccessExpression(p) &&
				p.expression === id &&
				ts.isCallExpression(p.parent) &&
				p.parent.expression === p &&
				(p.name.text === 'resolve' || p.name.text === 'require');
			// Aliasing `require` (or `require.main.require`) would dodge the literal check.
			if (!directCall && !memberCall && !isRequireMainRequire(p)) {
				report(id, "indirect use of 'require' is not allowed (only require('<literal>'))");
			}
		} else if (id.text === 'module') {
			// `module.constructor._load(…)` and friends load modules without `require`.
			const member = ts.isPropertyAccessExpression(p) && p.expression === id ? p.name.text : undefined;
			const requireCall = member === 'require' && ts.isCallExpression(p.parent) && p.parent.expression === p;
			if (member !== 'exports' && !requireCall) {
				report(id, "use of 'module' other than module.exports is not allowed");
			}
		}
	};

	// `require.main.require('x')`: the call itself is checked by isRequireCall.
	const isRequireMainRequire = (p: ts.Node): boolean =>
		ts.isPropertyAccessExpression(p) &&
		ts.isPropertyAccessExpression(p.parent) &&
		p.parent.name.text === 'require' &&
		ts.isCallExpression(p.parent.parent) &&
		p.parent.parent.expression === p.parent;

	visit(sourceFile);
	return violations;
}

// ---------------------------------------------------------------------------------------------
// Files and package.json

function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function mainFile(pkg: unknown): string | undefined {
	if (!isPlainObject(pkg) || typeof pkg.main !== 'string') return undefined;
	return `package/${path.posix.normalize(pkg.main)}`;
}

/** Rule (1): only the build output, package.json, README, LICENSE (and the `main` stub npm always adds). */
export function checkFileList(files: string[], pkg: unknown): Violation[] {
	const violations: Violation[] = [];
	const main = mainFile(pkg);
	for (const file of files) {
		if (!file.startsWith('package/')) {
			violations.push(fileViolation(file, 'file outside the package/ root of the tarball'));
			continue;
		}
		const relative = file.slice('package/'.length);
		if (!relative.includes('/')) {
			if (relative === 'package.json' || ROOT_DOC.test(relative)) continue;
			if (file === main && relative.endsWith('.js')) continue;
			violations.push(fileViolation(file, 'unexpected file at the package root (only dist/, package.json, README, LICENSE)'));
			continue;
		}
		if (!relative.startsWith('dist/')) {
			violations.push(fileViolation(file, 'file outside dist/ (only dist/, package.json, README, LICENSE)'));
			continue;
		}
		const segments = relative.split('/');
		const base = segments[segments.length - 1];
		const devDir = segments.slice(1, -1).find((segment) => DEV_DIRS.has(segment));
		if (devDir) {
			violations.push(fileViolation(file, `development file (under '${devDir}/') in the published package`));
		} else if (/\.(test|spec)\.[cm]?[jt]s(\.map)?$/.test(base)) {
			violations.push(fileViolation(file, 'test file in the published package'));
		} else if (/\.[cm]?ts$/.test(base) && !/\.d\.[cm]?ts$/.test(base)) {
			violations.push(fileViolation(file, 'TypeScript source in the published package'));
		} else if (!DIST_EXTENSIONS.some((ext) => base.endsWith(ext))) {
			violations.push(fileViolation(file, `unexpected file type in dist/ (allowed: ${DIST_EXTENSIONS.join(' ')})`));
		}
	}
	const rootNames = files.filter((f) => f.split('/').length === 2).map((f) => f.slice('package/'.length));
	if (!rootNames.some((name) => /^readme(\.|$)/i.test(name))) {
		violations.push(fileViolation('package/README.md', 'README is missing from the package'));
	}
	if (!rootNames.some((name) => /^licen[cs]e(\.|$)/i.test(name))) {
		violations.push(fileViolation('package/LICENSE', 'LICENSE is missing from the package'));
	}
	return violations;
}

/** Rule (2): no runtime dependencies, the n8n-workflow peer, the keyword, and real entry points. */
export function checkPackageJson(pkg: unknown, files: Set<string>): Violation[] {
	const file = 'package/package.json';
	const violations: Violation[] = [];
	const fail = (message: string): void => {
		violations.push(fileViolation(file, message));
	};
	if (!isPlainObject(pkg)) {
		fail('package.json is not a JSON object');
		return violations;
	}
	for (const field of ['dependencies', 'optionalDependencies', 'bundleDependencies', 'bundledDependencies']) {
		const value = pkg[field];
		if (value === undefined) continue;
		const empty = Array.isArray(value) ? value.length === 0 : isPlainObject(value) && Object.keys(value).length === 0;
		if (!empty) fail(`"${field}" must be empty (n8n installs community packages without dependencies)`);
	}
	const peers = pkg.peerDependencies;
	if (!isPlainObject(peers)) {
		fail('"peerDependencies" must be { "n8n-workflow": "*" }');
	} else {
		for (const name of Object.keys(peers)) {
			if (name !== 'n8n-workflow') fail(`peerDependency "${name}" is not allowed (only n8n-workflow)`);
		}
		if (peers['n8n-workflow'] !== '*') fail('peerDependencies must contain "n8n-workflow": "*"');
	}
	if (!Array.isArray(pkg.keywords) || !pkg.keywords.includes('n8n-community-node-package')) {
		fail('keyword "n8n-community-node-package" is missing');
	}
	if (typeof pkg.name !== 'string' || !/^(@[^/]+\/)?n8n-nodes-/.test(pkg.name)) {
		fail('package name must start with "n8n-nodes-" (or "@scope/n8n-nodes-")');
	}
	if (isPlainObject(pkg.scripts)) {
		for (const script of FORBIDDEN_LIFECYCLE_SCRIPTS) {
			if (script in pkg.scripts) fail(`lifecycle script "${script}" is not allowed`);
		}
	}
	const n8n = pkg.n8n;
	if (!isPlainObject(n8n)) {
		fail('"n8n" section is missing');
		return violations;
	}
	for (const key of ['nodes', 'credentials']) {
		const entries = n8n[key];
		if (entries === undefined && key === 'credentials') continue;
		if (!Array.isArray(entries) || (key === 'nodes' && entries.length === 0)) {
			fail(`"n8n.${key}" must be a${key === 'nodes' ? ' non-empty' : 'n'} array of paths`);
			continue;
		}
		for (const entry of entries) {
			if (typeof entry !== 'string') {
				fail(`"n8n.${key}" contains a non-string entry`);
			} else if (!files.has(`package/${path.posix.normalize(entry)}`)) {
				fail(`"n8n.${key}" entry ${entry} is not in the tarball`);
			} else if (key === 'nodes' && !files.has(`package/${path.posix.normalize(entry)}on`)) {
				// n8n reads a node's codex from `X.node.json` beside `X.node.js`: without it, no category or docs link.
				fail(`node ${entry} ships without its codex (${path.posix.basename(entry)}on)`);
			}
		}
	}
	return violations;
}

// ---------------------------------------------------------------------------------------------
// Tarballs

function listFiles(root: string, violations: Violation[]): string[] {
	const files: string[] = [];
	const walk = (dir: string): void => {
		for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
			const full = path.join(dir, entry.name);
			const relative = path.relative(root, full).split(path.sep).join('/');
			if (entry.isDirectory()) walk(full);
			else if (entry.isFile()) files.push(relative);
			else violations.push(fileViolation(relative, 'not a regular file (symlink or special file)'));
		}
	};
	walk(root);
	return files.sort();
}

/** Checks an extracted tarball: `root` contains the `package/` directory. */
export function checkExtractedPackage(root: string): PackageCheckResult {
	const violations: Violation[] = [];
	const files = listFiles(root, violations);
	const fileSet = new Set(files);
	let pkg: unknown;
	try {
		pkg = JSON.parse(fs.readFileSync(path.join(root, 'package', 'package.json'), 'utf8'));
	} catch (error) {
		violations.push(fileViolation('package/package.json', `cannot read package.json: ${(error as Error).message}`));
	}
	violations.push(...checkFileList(files, pkg));
	if (pkg !== undefined) violations.push(...checkPackageJson(pkg, fileSet));
	const jsFiles = files.filter((file) => file.endsWith('.js'));
	for (const file of jsFiles) {
		const source = fs.readFileSync(path.join(root, file), 'utf8');
		violations.push(...checkJsSource(file, source, fileSet));
	}
	return { violations, files, jsFiles: jsFiles.length };
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

export { REPO_ROOT };

/** `npm pack` without lifecycle scripts (the build must already be in dist/). Returns the tarball path. */
export function packRepo(destination: string, repoRoot = REPO_ROOT): string {
	if (!fs.existsSync(path.join(repoRoot, 'dist'))) {
		throw new Error('dist/ does not exist: run npm run build first');
	}
	const stdout = execFileSync(
		'npm',
		['pack', '--ignore-scripts', '--json', '--pack-destination', destination],
		{ cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
	);
	// npm prints the JSON array on stdout; tolerate stray lines before it.
	const report = JSON.parse(stdout.slice(stdout.indexOf('['))) as Array<{ filename: string }>;
	return path.join(destination, report[0].filename);
}

export function main(argv: string[]): number {
	let tarball = argv[0];
	let packDir: string | undefined;
	try {
		if (!tarball) {
			packDir = fs.mkdtempSync(path.join(os.tmpdir(), 'check-package-pack-'));
			tarball = packRepo(packDir);
		}
		const { violations, files, jsFiles } = checkTarball(tarball);
		for (const violation of violations) console.log(formatViolation(violation));
		const where = `${path.basename(tarball)}: ${files.length} files, ${jsFiles} .js files scanned`;
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

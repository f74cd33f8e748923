/**
 * The import graph of every TypeScript file in nodes/, credentials/, dev/ and test/, read by madge: no
 * circular imports, and the published code (nodes/, credentials/) never imports dev tooling or tests
 * (imports go nodes ← dev, never the reverse). Type-only imports count: a cycle through types is a cycle.
 * The check is first run on a small made-up tree with one cycle and one wrong-way import, so it is known to fail.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join } from 'path';

import madge from 'madge';

import { REPO_ROOT } from '../../../paths';

jest.setTimeout(120_000);

const ROOTS = ['nodes', 'credentials', 'dev', 'test'];
const PUBLISHED = ['nodes/', 'credentials/'];
const DEV_ONLY = ['dev/', 'test/'];

/** Every .ts file under `roots` of `baseDir`, with what it imports (paths relative to `baseDir`). */
async function importGraph(baseDir: string, roots: string[]): Promise<{ graph: madge.MadgeModuleDependencyGraph; cycles: string[][]; skipped: string[] }> {
	const result = await madge(
		roots.map((root) => join(baseDir, root)),
		{
			baseDir,
			fileExtensions: ['ts'],
			tsConfig: join(REPO_ROOT, 'tsconfig.dev.json'),
			// `import type` and `export type … from` are edges too; so are require() calls.
			detectiveOptions: { ts: { skipTypeImports: false, mixedImports: true } },
		},
	);
	return { graph: result.obj(), cycles: result.circular(), skipped: result.warnings().skipped };
}

/** `a → b → a`, one line per cycle. */
function describeCycles(cycles: string[][]): string[] {
	return cycles.map((cycle) => [...cycle, cycle[0]].join(' → '));
}

/** Imports from the published code into dev tooling or tests, as `from → to`. */
function wrongWayImports(graph: madge.MadgeModuleDependencyGraph): string[] {
	const published = (file: string) => PUBLISHED.some((prefix) => file.startsWith(prefix));
	const devOnly = (file: string) => DEV_ONLY.some((prefix) => file.startsWith(prefix));
	return Object.entries(graph).flatMap(([from, imports]) =>
		published(from) ? imports.filter(devOnly).map((to) => `${from} → ${to}`) : [],
	);
}

describe('the check itself, on a made-up tree', () => {
	let fixture: string;

	beforeAll(() => {
		fixture = mkdtempSync(join(tmpdir(), 'import-cycles-'));
		const files: Record<string, string> = {
			// A cycle where one direction is type-only, like controlApi.ts ↔ deskSimulator.ts once was.
			'dev/server.ts': "import { handle } from './routes';\nexport interface Server { url: string }\nexport const start = () => handle;\n",
			'dev/routes.ts': "import type { Server } from './server';\nexport const handle = (server: Server) => server.url;\n",
			'nodes/node.ts': "import { start } from '../dev/server';\nexport const run = start;\n",
			'nodes/fine.ts': "export const fine = 1;\n",
			'test/fine.test.ts': "import { fine } from '../nodes/fine';\nexport const used = fine;\n",
		};
		for (const [path, text] of Object.entries(files)) {
			mkdirSync(dirname(join(fixture, path)), { recursive: true });
			writeFileSync(join(fixture, path), text);
		}
	});

	afterAll(() => rmSync(fixture, { recursive: true, force: true }));

	it('finds the cycle, even through a type-only import, and the import from nodes/ into dev/', async () => {
		const { graph, cycles, skipped } = await importGraph(fixture, ['nodes', 'dev', 'test']);
		expect(skipped).toEqual([]);
		expect(Object.keys(graph).sort()).toEqual(['dev/routes.ts', 'dev/server.ts', 'nodes/fine.ts', 'nodes/node.ts', 'test/fine.test.ts']);
		expect(cycles.map((cycle) => [...cycle].sort())).toEqual([['dev/routes.ts', 'dev/server.ts']]);
		expect(wrongWayImports(graph)).toEqual(['nodes/node.ts → dev/server.ts']);
	});
});

describe('the repository', () => {
	let graph: madge.MadgeModuleDependencyGraph;
	let cycles: string[][];
	let skipped: string[];

	beforeAll(async () => {
		({ graph, cycles, skipped } = await importGraph(REPO_ROOT, ROOTS));
	});

	it('reads every folder and follows every import', () => {
		for (const root of ROOTS) expect(Object.keys(graph).some((file) => file.startsWith(`${root}/`))).toBe(true);
		// An import madge cannot resolve would be left out of the graph silently.
		expect(skipped).toEqual([]);
	});

	it('has no circular imports', () => {
		expect(describeCycles(cycles)).toEqual([]);
	});

	it('has nothing in nodes/ or credentials/ importing from dev/ or test/', () => {
		expect(wrongWayImports(graph)).toEqual([]);
	});
});

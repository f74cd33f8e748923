import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { reuseSqlite3 } from '../../install';

/** A fake n8n install: sqlite3's package.json, optionally a built binary and the completion marker. */
async function install(dir: string, version: string, options: { built?: boolean; complete?: boolean } = {}): Promise<void> {
	const sqlite = join(dir, 'node_modules', 'sqlite3');
	await mkdir(join(sqlite, 'build', 'Release'), { recursive: true });
	await writeFile(join(sqlite, 'package.json'), JSON.stringify({ name: 'sqlite3', version }));
	if (options.built) await writeFile(join(sqlite, 'build', 'Release', 'node_sqlite3.node'), `binary of ${dir}`);
	if (options.complete) await writeFile(join(dir, '.harness-complete'), '{}');
}

describe('reusing a compiled sqlite3 from another cached n8n', () => {
	let cache: string;
	beforeEach(async () => {
		cache = await mkdtemp(join(tmpdir(), 'reuse-sqlite3-'));
	});
	afterEach(async () => {
		await rm(cache, { recursive: true, force: true });
	});

	const binaryIn = (dir: string) => readFile(join(dir, 'node_modules', 'sqlite3', 'build', 'Release', 'node_sqlite3.node'), 'utf8');

	it('copies the binary of a complete install with the same sqlite3 version', async () => {
		const target = join(cache, '.tmp-n8n-1.123.81-1');
		await install(target, '5.1.7');
		await install(join(cache, 'n8n-2.41.1'), '5.1.7', { built: true, complete: true });
		const lines: string[] = [];
		expect(await reuseSqlite3(cache, target, (line) => lines.push(line))).toBe(true);
		expect(await binaryIn(target)).toBe(`binary of ${join(cache, 'n8n-2.41.1')}`);
		expect(lines.join('\n')).toContain('reusing the binary compiled for n8n-2.41.1');
	});

	it('compiles instead when no complete install has the same version', async () => {
		const target = join(cache, '.tmp-n8n-1.123.81-1');
		await install(target, '5.1.7');
		await install(join(cache, 'n8n-2.41.1'), '5.1.6', { built: true, complete: true });
		await install(join(cache, 'n8n-2.40.0'), '5.1.7', { built: true, complete: false });
		expect(await reuseSqlite3(cache, target, () => undefined)).toBe(false);
		await expect(binaryIn(target)).rejects.toThrow('ENOENT');
	});
});

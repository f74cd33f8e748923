/** The install's progress lines: what they say at each stage of a cold install, and the estimate behind them. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { COLD_INSTALL } from '../../install';
import {
	countPackages,
	describeSample,
	estimateRemainingMs,
	formatDuration,
	type ProgressExpectation,
	referenceSecondsAt,
	startProgress,
} from '../../progress';

// 100 s resolving, then 300 s extracting: 1 GB 200 s into the extraction, 2 GB at its end.
const expected: ProgressExpectation = {
	resolveSeconds: 100,
	seconds: 300,
	bytes: 2_000_000_000,
	packages: 1500,
	curve: [
		[0, 0],
		[200, 1_000_000_000],
		[300, 2_000_000_000],
	],
};

describe('install progress', () => {
	test('durations read as minutes and seconds', () => {
		expect(formatDuration(9_400)).toBe('9 s');
		expect(formatDuration(439_000)).toBe('7 min 19 s');
		expect(formatDuration(60_000)).toBe('1 min 00 s');
	});

	test('the reference run is found by bytes on disk, between measured points', () => {
		expect(referenceSecondsAt(500_000_000, expected.curve ?? [])).toBe(100);
		expect(referenceSecondsAt(1_500_000_000, expected.curve ?? [])).toBe(250);
		expect(referenceSecondsAt(3_000_000_000, expected.curve ?? [])).toBeUndefined();
	});

	test('while npm resolves (nothing extracted), the estimate is the rest of the measured resolving plus the extraction', () => {
		const sample = { elapsedMs: 60_000, bytes: 4_096, packages: 0 };
		expect(estimateRemainingMs(sample, expected)).toBe(340_000);
		expect(describeSample('npm install n8n', sample, expected)).toBe(
			'npm install n8n: 1 min 00 s elapsed, resolving the dependency tree, nothing extracted yet (measured: 1 min 40 s), ~5 min 40 s left (measured: 6 min 40 s in all)',
		);
		// Resolving longer than measured: the extraction is still ahead.
		expect(estimateRemainingMs({ elapsedMs: 240_000, packages: 0 }, expected)).toBe(300_000);
	});

	test('while extracting, the estimate follows the measured curve at this run’s pace', () => {
		// Extraction from 100 s, on the measured pace: 1 GB 200 s into it leaves its last 100 s.
		const onPace = { elapsedMs: 300_000, bytes: 1_000_000_000, bytesAtMs: 300_000, extractingSinceMs: 100_000 };
		expect(estimateRemainingMs(onPace, expected)).toBe(100_000);
		// Extracting twice as slowly: 1 GB only 400 s into it leaves 200 s.
		expect(estimateRemainingMs({ ...onPace, elapsedMs: 500_000, bytesAtMs: 500_000 }, expected)).toBe(200_000);
		// Resolving took longer (extraction from 250 s), extraction on pace: still 100 s left.
		expect(estimateRemainingMs({ elapsedMs: 450_000, bytes: 1_000_000_000, bytesAtMs: 450_000, extractingSinceMs: 250_000 }, expected)).toBe(
			100_000,
		);
		// A `du` that started 15 s before the line: those 15 s are already spent.
		expect(estimateRemainingMs({ ...onPace, elapsedMs: 315_000 }, expected)).toBe(85_000);
		expect(describeSample('npm install n8n', { ...onPace, packages: 1400 }, expected)).toBe(
			'npm install n8n: 5 min 00 s elapsed, 1.00 GB of ~2.00 GB on disk (50%), 1400 of 1500 packages, ~1 min 40 s left (measured: 6 min 40 s in all)',
		);
	});

	test('past the measured time it says so instead of a negative estimate', () => {
		expect(describeSample('building sqlite3', { elapsedMs: 300_000 }, { seconds: 234 })).toBe(
			'building sqlite3: 5 min 00 s elapsed, longer than the 3 min 54 s measured, still working',
		);
	});

	test('the measured cold install is self-consistent', () => {
		const curve = COLD_INSTALL.npm.curve ?? [];
		expect(curve[0]).toEqual([0, 0]);
		expect(curve.at(-1)).toEqual([COLD_INSTALL.npm.seconds, COLD_INSTALL.npm.bytes]);
		expect(COLD_INSTALL.bytes).toBeGreaterThanOrEqual(COLD_INSTALL.npm.bytes ?? 0);
		for (let i = 1; i < curve.length; i++) {
			expect(curve[i][0]).toBeGreaterThan(curve[i - 1][0]);
			expect(curve[i][1]).toBeGreaterThanOrEqual(curve[i - 1][1]);
		}
	});

	test('packages are counted from node_modules, scoped ones included, half-extracted ones not', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'progress-test-'));
		try {
			for (const name of ['a', 'b', '@scope/c', '@scope/d']) {
				await mkdir(join(dir, 'node_modules', name), { recursive: true });
				await writeFile(join(dir, 'node_modules', name, 'package.json'), '{}');
			}
			await mkdir(join(dir, 'node_modules', 'extracting'), { recursive: true });
			await mkdir(join(dir, 'node_modules', '.bin'), { recursive: true });
			expect(countPackages(dir)).toBe(4);
			expect(countPackages(join(dir, 'missing'))).toBe(0);
		} finally {
			await rm(dir, { recursive: true, force: true });
		}
	});

	test('a line every interval, with bytes from du, until stopped', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'progress-test-'));
		const lines: string[] = [];
		try {
			await mkdir(join(dir, 'node_modules', 'a'), { recursive: true });
			await writeFile(join(dir, 'node_modules', 'a', 'package.json'), 'x'.repeat(2_000_000));
			const progress = startProgress({ phase: 'step', dir, expected, log: (line) => lines.push(line), intervalMs: 200 });
			await new Promise((resolve) => setTimeout(resolve, 1_100));
			progress.stop();
			const count = lines.length;
			await new Promise((resolve) => setTimeout(resolve, 400));
			expect(lines.length).toBe(count);
			expect(count).toBeGreaterThanOrEqual(3);
			expect(lines.at(-1)).toMatch(/^step: \d+ s elapsed, 2 MB of ~2\.00 GB on disk \(0%\), 1 of 1500 packages, ~\d+ min \d+ s left/);
		} finally {
			await rm(dir, { recursive: true, force: true });
		}
	});
});

/** Hand-made bench results for the report's unit tests: only what a test sets differs from a plain run. */
import type { CapacityResults, CapacitySetting, CapacityStep } from '../../capacity';
import { benchConfig } from '../../config';
import type { BenchResults } from '../../results';

export function step(ratePerSecond: number, p99Ms: number, errors = 0, drainSeconds = 0.5): CapacityStep {
	return { ratePerSecond, count: ratePerSecond * 5, p50Ms: p99Ms / 3, p99Ms, maxMs: p99Ms * 1.2, errors, drainSeconds, maxStartLagMs: 1, loadAverageAfter: 1 };
}

/** Keys as a run makes them: `legacy`, `default`, `tuned`, `queue-1`, `tuned-queue-2`. */
export function capacitySetting(key: string, rates: Record<'bare' | 'minimal' | 'ours', CapacityStep[]>): CapacitySetting {
	const processors = Number(/queue-(\d+)$/.exec(key)?.[1] ?? 0);
	const engine = key.startsWith('tuned') ? 'tuned' : key === 'legacy' ? 'legacy' : 'default';
	return {
		key,
		label: processors ? `queue mode, ${key}` : `regular mode, ${engine} engine`,
		engine,
		webhookProcessors: processors,
		workers: processors ? 1 : 0,
		sides: (['bare', 'minimal', 'ours'] as const).map((side) => ({ side, probePerSecond: 20, steps: rates[side], stopped: 'resolved' as const })),
		durationSeconds: 60,
	};
}

export function capacityResults(settings: CapacitySetting[]): CapacityResults {
	return {
		boundsMs: [2000, 1000],
		stepSeconds: 5,
		maxSteps: 6,
		resolution: 0.06,
		growth: 1.3,
		startFraction: 0.8,
		requestTimeoutMs: 5000,
		settings,
		n8nVersion: '2.41.3',
		measuredAt: '2026-12-02T12:00:00Z',
		command: 'npm run bench',
		loadAverageStart: 0.4,
		loadAverageEnd: 1.9,
		durationSeconds: 600,
	};
}

export function benchResults(overrides: Partial<BenchResults> = {}): BenchResults {
	const config = { ...benchConfig('full') };
	return {
		config,
		machine: {
			date: '2026-12-02T12:00:00.000Z',
			cpu: 'Test CPU',
			cores: 2,
			memoryGiB: 8,
			os: 'Linux',
			benchNode: 'v20.19.0',
			n8nNode: 'v24.0.0',
			n8nVersion: '2.41.3',
			packageVersion: '0.1.0',
			officialLibVersion: '1.0.2',
			gitCommit: 'abc1234',
			loadAverageStart: 0.3,
			loadAverageEnd: 1.8,
		},
		command: 'npm run bench',
		settings: { engines: [], commonEnv: {} },
		inProcess: { userSig: { oursOpsPerSecond: 180_000, officialOpsPerSecond: 50_000, ratio: 3.6, opsPerRound: 20_000, rounds: 5 }, handler: [] },
		simulatorCeiling: {
			load: { count: 1, concurrency: 1, durationMs: 1, requestsPerSecond: 1, p50Ms: 1, p99Ms: 1, maxMs: 1, byStatus: {}, ok: 1, errors: [], startedAt: 0 },
			requestsPerSecond: 1000,
			okAnswers: 1,
		},
		callbacks: [],
		callbackGrowth: [],
		action: [],
		actionGrowth: [],
		otherLoad: [],
		durationSeconds: 1800,
		...overrides,
	};
}

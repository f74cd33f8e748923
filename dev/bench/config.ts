/**
 * How big a run is. `BENCH_SCALE=full` (default for `npm run bench`) is the real benchmark, about 55 minutes on
 * 2 cores by its sections' estimates (section 8, the capacity search in 7 settings, about 25 of them; section 7,
 * two sides in 5 settings, about 20); `smoke` runs every scenario with tiny counts (for the e2e smoke test).
 * `BENCH_QUEUE=off` leaves out queue mode (it needs PostgreSQL and Redis installed).
 * `BENCH_ONLY=decisions`, `getMany` or `capacity` runs only that section (benchOnly below).
 */
export type BenchScale = 'smoke' | 'full';

export interface BenchConfig {
	scale: BenchScale;
	/** Load generator concurrency for callbacks (connections kept open at once). */
	callbackConcurrency: number;
	/** The sides of one setting take turns in this many interleaved rounds (drift on a shared machine hits all). */
	callbackRounds: number;
	/** Callbacks per side in the default expression engine (webhooks are slowest there). */
	callbacksDefaultEngine: number;
	/** Callbacks per side in the like-for-like setting (N8N_EXPRESSION_ENGINE=legacy). */
	callbacksLegacyEngine: number;
	/** Growth: our trigger alone, in the like-for-like setting (single runs). */
	callbackGrowth: number[];
	/** Get State items per side for the action comparison. */
	actionItems: number;
	/** Growth: our action node at its defaults. */
	actionGrowth: number[];
	/** Get Many (section 2b): session records one workflow run pages through, on each side, and the interleaved rounds. */
	getManyRecords: number;
	getManyRounds: number;
	/** The simulator's rate limit during the action runs (Tencent's documented 200/s). */
	simulatorRateLimit: number;
	/** Direct hits on the simulator (rate limit off) for its ceiling. */
	simulatorCeilingRequests: number;
	simulatorCeilingConcurrency: number;
	/** Queue mode (1 + 1, then 2 + 2 processes): measured callbacks and unmeasured warm-up per configuration. */
	queueCallbacks: number;
	queueWarmup: number;
	/** The engine settings sections 7 and 8 boot a queue cluster for (each boot costs about a minute). */
	queueEngines: Array<'default' | 'tuned'>;
	/** Decision callbacks (the VIP example and n8n's own nodes): fixed open-loop rates and how many callbacks each sends. */
	decisionRates: { ratePerSecond: number; count: number }[];
	/** Each search step (and the overload step) sends rate × this many seconds of callbacks. */
	decisionStepSeconds: number;
	/** Sustained (regular mode): p99 under this with at least this share answered by the workflow. */
	decisionP99LimitMs: number;
	decisionMinWorkflowShare: number;
	/** The search for the sustained rate after the fixed rates (rateSearch.ts): steps per side, factor, resolution, highest rate. */
	decisionSearchMaxSteps: number;
	decisionSearchGrowth: number;
	decisionSearchResolution: number;
	decisionCapPerSecond: number;
	/** The overload step for ours: this multiple of its sustained rate, at most decisionOverloadMaxPerSecond (the load generator's reach). */
	decisionOverloadFactor: number;
	decisionOverloadMaxPerSecond: number;
	/** Callbacks sent one at a time, unmeasured, before a setting's rates. */
	decisionWarmup: number;
	/** Each decision callback's time limit in the load generator (longer than Tencent's 2 s, to see how late answers are). */
	decisionTimeoutMs: number;
	/** Capacity (section 8): the ack p99 bounds, each step's length, and the search's limits (capacity.ts). */
	capacityBoundsMs: number[];
	capacityStepSeconds: number;
	/** Steps per side and setting at most (the search's bound on time). */
	capacityMaxSteps: number;
	/** A bracket is resolved when failing / passing rate ≤ 1 + this. */
	capacityResolution: number;
	/** Factor up (or down) while a bound has not both passed and failed. */
	capacityGrowth: number;
	/** The first step's rate as a share of the closed-loop probe. */
	capacityStartFraction: number;
	/** Closed-loop callbacks per side first (warm-up and the starting point). */
	capacityProbeCount: number;
	/** Each callback's time limit (longer than the largest bound, so a late ack is measured, not cut). */
	capacityTimeoutMs: number;
	/** Seconds per setting after which no new step starts. */
	capacityBudgetSeconds: number;
	/** In process: UserSig ops per round, handler calls per round, rounds. */
	userSigOps: number;
	handlerCalls: number;
	rounds: number;
}

const FULL: BenchConfig = {
	scale: 'full',
	callbackConcurrency: 10,
	callbackRounds: 4,
	callbacksDefaultEngine: 600,
	callbacksLegacyEngine: 1_000,
	callbackGrowth: [1_000, 10_000],
	actionItems: 1_000,
	actionGrowth: [100, 1_000, 10_000],
	// Not a multiple of the page size (100), so the last page is a short one.
	getManyRecords: 1_250,
	getManyRounds: 4,
	simulatorRateLimit: 200,
	simulatorCeilingRequests: 5_000,
	simulatorCeilingConcurrency: 10,
	queueCallbacks: 500,
	queueWarmup: 50,
	queueEngines: ['default', 'tuned'],
	decisionRates: [
		{ ratePerSecond: 1, count: 20 },
		{ ratePerSecond: 10, count: 100 },
		{ ratePerSecond: 50, count: 250 },
	],
	decisionStepSeconds: 5,
	decisionP99LimitMs: 2000,
	decisionMinWorkflowShare: 0.99,
	decisionSearchMaxSteps: 5,
	decisionSearchGrowth: 1.5,
	decisionSearchResolution: 0.1,
	decisionCapPerSecond: 150,
	decisionOverloadFactor: 5,
	decisionOverloadMaxPerSecond: 300,
	decisionWarmup: 20,
	decisionTimeoutMs: 5000,
	capacityBoundsMs: [2000, 1000],
	capacityStepSeconds: 5,
	capacityMaxSteps: 6,
	capacityResolution: 0.06,
	capacityGrowth: 1.3,
	capacityStartFraction: 0.8,
	capacityProbeCount: 80,
	capacityTimeoutMs: 5000,
	capacityBudgetSeconds: 200,
	userSigOps: 20_000,
	handlerCalls: 5_000,
	rounds: 5,
};

const SMOKE: BenchConfig = {
	scale: 'smoke',
	callbackConcurrency: 4,
	callbackRounds: 2,
	callbacksDefaultEngine: 12,
	callbacksLegacyEngine: 12,
	callbackGrowth: [8, 36],
	actionItems: 20,
	actionGrowth: [5, 20, 60],
	getManyRecords: 250,
	getManyRounds: 2,
	simulatorRateLimit: 200,
	simulatorCeilingRequests: 200,
	simulatorCeilingConcurrency: 4,
	queueCallbacks: 20,
	queueWarmup: 5,
	// One cluster: the smoke run checks that queue mode works, not how the settings compare (CI time).
	queueEngines: ['tuned'],
	// Two rates (not three) and short steps: smoke measures two sides in three settings, within the e2e suite's time.
	decisionRates: [
		{ ratePerSecond: 1, count: 3 },
		{ ratePerSecond: 10, count: 10 },
	],
	decisionStepSeconds: 1,
	decisionP99LimitMs: 2000,
	decisionMinWorkflowShare: 0.99,
	decisionSearchMaxSteps: 1,
	decisionSearchGrowth: 1.5,
	decisionSearchResolution: 0.1,
	decisionCapPerSecond: 75,
	decisionOverloadFactor: 5,
	decisionOverloadMaxPerSecond: 30,
	decisionWarmup: 2,
	decisionTimeoutMs: 5000,
	capacityBoundsMs: [2000, 1000],
	capacityStepSeconds: 1,
	// One step per side: the search's rules are unit-tested; smoke shows every setting and side runs.
	capacityMaxSteps: 1,
	capacityResolution: 0.06,
	capacityGrowth: 1.3,
	capacityStartFraction: 0.8,
	capacityProbeCount: 8,
	capacityTimeoutMs: 5000,
	capacityBudgetSeconds: 60,
	userSigOps: 2_000,
	handlerCalls: 300,
	rounds: 2,
};

export function benchConfig(scale: string | undefined = process.env.BENCH_SCALE): BenchConfig {
	if (scale === undefined || scale === '' || scale === 'full') return FULL;
	if (scale === 'smoke') return SMOKE;
	throw new Error(`BENCH_SCALE must be "smoke" or "full", got "${scale}"`);
}

/**
 * `BENCH_ONLY=decisions`, `getMany` or `capacity`: only that section (minutes, not the whole bench), merged into
 * the report already at the output path.
 */
export type BenchOnly = 'decisions' | 'getMany' | 'capacity';

export function benchOnly(value: string | undefined = process.env.BENCH_ONLY): BenchOnly | undefined {
	if (value === undefined || value === '' || value === 'all') return undefined;
	if (value === 'decisions' || value === 'getMany' || value === 'capacity') return value;
	throw new Error(`BENCH_ONLY must be "decisions", "getMany" or "capacity" (or unset for the whole bench), got "${value}"`);
}

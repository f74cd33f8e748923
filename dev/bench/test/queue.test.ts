/**
 * `npm run bench` at its smoke size with queue mode on (it needs PostgreSQL and Redis, so it lives in
 * this suite): section 6 reports 1 + 1 and 2 + 2 processes, every callback acked and run exactly once.
 * Behaviour only; no timing thresholds.
 */
import type { QueueBenchResult } from '../queue';
import { checkTargets, queueRun } from '../results';
import { runBenchSmoke, type BenchRun } from './benchRun';

jest.setTimeout(20 * 60_000);

let run: BenchRun;
let queue: QueueBenchResult | undefined;

beforeAll(async () => {
	run = await runBenchSmoke({ BENCH_QUEUE: 'on' });
	queue = queueRun(run.results);
}, 20 * 60_000);

describe('npm run bench (smoke size) in queue mode', () => {
	it('measures 1 + 1 and then 2 + 2 processes, every callback acked and executed once', () => {
		expect(queue?.rows.map((row) => `${row.webhookProcessors} + ${row.workers}`)).toEqual(['1 + 1', '2 + 2']);
		for (const row of queue?.rows ?? []) {
			expect({ acked: row.acked, executions: row.executions }).toEqual({
				acked: run.results.config.queueCallbacks,
				executions: { success: run.results.config.queueCallbacks },
			});
			for (const value of [row.acksPerSecond, row.p50AckMs, row.p99AckMs, row.executionsPerSecond]) {
				expect(Number.isFinite(value) && value > 0).toBe(true);
			}
			expect(row.p99AckMs).toBeGreaterThanOrEqual(row.p50AckMs);
		}
	});

	// The smoke size boots one queue cluster (config.queueEngines: the tuned engine); the full run also the default engine's.
	it('searches the capacity in queue mode with 1 and then 2 webhook processors, all three sides, tuned engine', () => {
		const keys = run.results.capacity?.settings.map((setting) => setting.key);
		expect(keys).toEqual(['legacy', 'default', 'tuned', 'tuned-queue-1', 'tuned-queue-2']);
		for (const setting of run.results.capacity?.settings.filter((entry) => entry.key.includes('queue')) ?? []) {
			expect(setting.sides.map((side) => side.side)).toEqual(['bare', 'minimal', 'ours']);
			for (const side of setting.sides) expect(side.steps.length).toBeGreaterThan(0);
		}
		expect(run.markdown).toContain('| queue mode, 2 webhook processors + 1 worker, default engine, tuned |');
		// The goals per webhook processor, in the tuned setting.
		expect(run.output).toMatch(/(MET|MISSED) +capacity: trigger ≥ 1\.0× n8n's Webhook node's sustained callbacks\/s \(queue mode, 2 webhook processors \+ 1 worker, default engine, tuned\): p99 < 2 s: .* per webhook processor/);
	});

	it('measures both decision sides in queue mode in the tuned engine', () => {
		const decisions = run.results.decisions;
		const queueRuns = decisions?.runs.filter((entry) => entry.setting.startsWith('queue')) ?? [];
		expect([...new Set(queueRuns.map((entry) => `${entry.setting}/${entry.side}`))].sort()).toEqual(['queue-tuned/n8n', 'queue-tuned/ours']);
		for (const entry of queueRuns.filter((item) => item.ratePerSecond === 1)) expect({ run: `${entry.setting}/${entry.side}`, workflow: entry.answeredBy.workflow > 0 }).toEqual({ run: `${entry.setting}/${entry.side}`, workflow: true });
	});

	it('reports section 6 and its target in the table and the report', () => {
		expect(run.output).toMatch(/6 queue mode +2 webhook processor\(s\) \+ 2 worker\(s\)/);
		expect(run.markdown).toContain('## 6. Queue mode');
		const count = run.results.config.queueCallbacks;
		expect(run.markdown).toContain(`| 2 + 2 | ${count} | ${count} |`);
		const check = checkTargets(run.results).find((entry) => entry.target.startsWith('queue mode'));
		expect(check).toMatchObject({ met: true });
	});
});

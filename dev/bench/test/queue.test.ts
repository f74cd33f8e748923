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

	it('searches the capacity in queue mode with 1 and then 2 webhook processors, all three sides', () => {
		const keys = run.results.capacity?.settings.map((setting) => setting.key);
		expect(keys).toEqual(['legacy', 'default', 'queue-1', 'queue-2']);
		for (const setting of run.results.capacity?.settings.filter((entry) => entry.key.startsWith('queue')) ?? []) {
			expect(setting.sides.map((side) => side.side)).toEqual(['bare', 'minimal', 'ours']);
			for (const side of setting.sides) expect(side.steps.length).toBeGreaterThan(0);
		}
		expect(run.markdown).toContain('| queue mode, 2 webhook processors + 1 worker, default engine |');
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

/**
 * Renders a run: one console table (every figure with its ratio) and bench/RESULTS.md (machine,
 * versions, settings, counts, the detailed tables, the targets, and the command to reproduce).
 */
import type { ActionRun } from './action';
import type { CallbackRun } from './callbacks';
import type { MemorySample } from './memorySampler';
import type { BenchResults } from './results';
import {
	ACTION_SIDES,
	actionGrowthPoints,
	correctPerSecond,
	actionRun,
	CALLBACK_SIDES,
	callbackGrowthPoints,
	callbackRun,
	checkTargets,
	growthOf,
	queueRun,
	queueSkipReason,
	regularModeCallbacksPerSecond,
} from './results';
import { ratio } from '../harness/stats';

const MiB = 2 ** 20;
export const fmt = (value: number, digits = 1): string => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
const times = (value: number): string => (Number.isFinite(value) ? `${value.toFixed(2)}×` : 'n/a');
const mib = (bytes: number): string => (Number.isFinite(bytes) && bytes > 0 ? `${(bytes / MiB).toFixed(0)} MiB` : 'n/a');
/** RSS added during a run: 0 is a real answer (a short run may not grow n8n at all); n/a only without /proc. */
const addedMib = (memory: MemorySample): string => {
	const added = memory.peakBytes - memory.startBytes;
	return Number.isFinite(added) ? `${(Math.max(0, added) / MiB).toFixed(0)} MiB` : 'n/a';
};
const int = (value: number): string => (Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : 'n/a');

function table(header: string[], rows: string[][]): string {
	return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
}

/** "MainThread (pid 1)", "MainThread (pid 2)", "node (pid 3)" → "MainThread × 2, node × 1" (ps itself left out). */
function busySummary(entries: string[]): string {
	const counts = new Map<string, number>();
	for (const entry of entries) {
		const name = entry.replace(/ \(pid \d+.*$/, '');
		if (name !== 'ps') counts.set(name, (counts.get(name) ?? 0) + 1);
	}
	return counts.size ? [...counts].map(([name, n]) => `${name} × ${n}`).join(', ') + ' (other agents’ n8n instances and jest runs)' : 'none';
}

export interface SummaryRow {
	section: string;
	figure: string;
	value: string;
	ratio: string;
}

/** Every headline figure with its ratio: the console table and the top of RESULTS.md. */
export function summaryRows(results: BenchResults): SummaryRow[] {
	const rows: SummaryRow[] = [];
	for (const setting of results.settings.engines) {
		const bare = callbackRun(results, setting.key, 'bare');
		const diy = callbackRun(results, setting.key, 'diy');
		for (const side of ['bare', 'ours', 'diy'] as const) {
			const run = callbackRun(results, setting.key, side);
			if (!run) continue;
			const vs: string[] = [];
			if (side !== 'bare' && bare) vs.push(`${times(ratio(run.callbacksPerSecond, bare.callbacksPerSecond))} bare`);
			if (side === 'ours' && diy) vs.push(`${times(ratio(run.callbacksPerSecond, diy.callbacksPerSecond))} DIY`);
			rows.push({
				section: `1 callbacks, ${setting.key}`,
				figure: `${CALLBACK_SIDES[side]} (${int(run.count)})`,
				value: `${fmt(run.callbacksPerSecond)}/s, p50 ${fmt(run.load.p50Ms, 0)} ms, p99 ${fmt(run.load.p99Ms, 0)} ms, peak ${mib(run.memory.peakBytes)}`,
				ratio: vs.join(', ') || '(baseline)',
			});
		}
	}
	const diyAction = actionRun(results, 'diy');
	for (const side of Object.keys(ACTION_SIDES) as (keyof typeof ACTION_SIDES)[]) {
		const run = actionRun(results, side);
		if (!run) continue;
		const baseline = side === 'oursUnlimited' ? actionRun(results, 'diyUnlimited') : diyAction;
		rows.push({
			section: '2 action, 1,000 items'.replace('1,000', int(run.items)),
			figure: ACTION_SIDES[side],
			value: `${fmt(run.wallSeconds, 2)} s, ${fmt(run.itemsPerSecond)} items/s (${fmt(correctPerSecond(run))} correct/s), simulator peak ${run.simulator.peakRequestsPerSecond} req/s, ${run.simulator.rateLimited} × 141009`,
			ratio: side.startsWith('diy')
				? '(baseline)'
				: `${times(ratio(run.itemsPerSecond, baseline?.itemsPerSecond ?? Number.NaN))} DIY (correct: ${times(ratio(correctPerSecond(run), baseline ? correctPerSecond(baseline) : Number.NaN))})`,
		});
	}
	const ceiling = results.simulatorCeiling;
	const oursUnlimited = actionRun(results, 'oursUnlimited');
	const oursDefaults = actionRun(results, 'oursDefaults');
	rows.push({
		section: '3 ceilings',
		figure: 'simulator hit directly (limit off)',
		value: `${fmt(ceiling.requestsPerSecond)} req/s`,
		ratio: `ours unlimited ${times(ratio(oursUnlimited?.itemsPerSecond ?? Number.NaN, ceiling.requestsPerSecond))}; ours defaults ${times(ratio(oursDefaults?.itemsPerSecond ?? Number.NaN, results.config.simulatorRateLimit))} of the ${results.config.simulatorRateLimit}/s limit`,
	});
	for (const setting of results.settings.engines) {
		const bare = callbackRun(results, setting.key, 'bare');
		const ours = callbackRun(results, setting.key, 'ours');
		if (!bare) continue;
		rows.push({
			section: '3 ceilings',
			figure: `bare Webhook node, ${setting.key}`,
			value: `${fmt(bare.callbacksPerSecond)} callbacks/s`,
			ratio: `trigger at ${times(ratio(ours?.callbacksPerSecond ?? Number.NaN, bare.callbacksPerSecond))}`,
		});
	}
	const sig = results.inProcess.userSig;
	rows.push({ section: '4 in process', figure: 'UserSig ops/s: ours vs tls-sig-api-v2', value: `${int(sig.oursOpsPerSecond)} vs ${int(sig.officialOpsPerSecond)}`, ratio: times(sig.ratio) });
	for (const cost of results.inProcess.handler) {
		rows.push({ section: '4 in process', figure: `trigger handler, ${cost.label} (${int(cost.bodyBytes)} B)`, value: `${fmt(cost.microsPerCallback)} µs per callback`, ratio: '' });
	}
	for (const run of results.actionGrowth) {
		rows.push({
			section: '5 growth, action',
			figure: `ours, ${int(run.items)} items`,
			value: `${fmt(run.wallSeconds, 2)} s, ${fmt((run.wallSeconds / run.items) * 1000, 2)} ms/item, peak ${mib(run.memory.peakBytes)} (+${addedMib(run.memory)})`,
			ratio: '',
		});
	}
	if (results.actionGrowth.length >= 2) {
		const g = growthOf(actionGrowthPoints(results));
		rows.push({ section: '5 growth, action', figure: 'largest vs smallest', value: `time/item ${times(g.perUnitRatio)}, peak RSS ${times(g.peakRatio)}`, ratio: `R² ${fmt(g.fit.r2, 3)}` });
	}
	for (const run of results.callbackGrowth) {
		rows.push({
			section: '5 growth, callbacks',
			figure: `ours (${run.setting}), ${int(run.count)} callbacks`,
			value: `${fmt(run.endToEndSeconds)} s, ${fmt(run.callbacksPerSecond)}/s, peak ${mib(run.memory.peakBytes)} (+${addedMib(run.memory)})`,
			ratio: '',
		});
	}
	if (results.callbackGrowth.length >= 2) {
		const g = growthOf(callbackGrowthPoints(results));
		rows.push({ section: '5 growth, callbacks', figure: 'largest vs smallest', value: `time/callback ${times(g.perUnitRatio)}, peak RSS ${times(g.peakRatio)}`, ratio: `R² ${fmt(g.fit.r2, 3)}` });
	}
	const skipped = queueSkipReason(results);
	if (skipped) rows.push({ section: '6 queue mode', figure: 'not run', value: skipped, ratio: '' });
	const queueRows = queueRun(results)?.rows ?? [];
	for (const row of queueRows) {
		rows.push({
			section: '6 queue mode',
			figure: `${row.webhookProcessors} webhook processor(s) + ${row.workers} worker(s) (${int(row.callbacks)})`,
			value: `${fmt(row.acksPerSecond)} acks/s, p50 ${fmt(row.p50AckMs, 0)} ms, p99 ${fmt(row.p99AckMs, 0)} ms, ${fmt(row.executionsPerSecond)} executions/s`,
			ratio: `${times(ratio(row.acksPerSecond, queueRows[0].acksPerSecond))} 1 + 1; ${times(ratio(row.executionsPerSecond, regularModeCallbacksPerSecond(results)))} regular mode`,
		});
	}
	return rows;
}

function queueSection(results: BenchResults): string {
	const queue = queueRun(results);
	const skipped = queueSkipReason(results);
	if (!queue) return skipped ? `Not run: ${skipped}.` : 'Not part of this run.';
	const regular = regularModeCallbacksPerSecond(results);
	return [
		`n8n ${queue.n8nVersion} in queue mode (\`EXECUTIONS_MODE=queue\`, ${queue.expressionEngine} expression engine): PostgreSQL and Redis from Debian's packages, a main instance that receives no production webhooks, webhook processors (\`n8n webhook\`) behind a round-robin proxy on 127.0.0.1, and workers (\`n8n worker\`, concurrency ${queue.workerConcurrency}), all on this ${queue.cpus}-core machine. The cluster booted in ${fmt(queue.clusterBootSeconds)} s and was then scaled out by starting more processes. Per configuration: ${int(queue.rows[0]?.callbacks ?? 0)} distinct signed callbacks at concurrency ${queue.rows[0]?.concurrency ?? 'n/a'} after an unmeasured warm-up, executions counted in PostgreSQL. *Executions/s* runs from the first callback sent to the last execution finished; *regular mode* is our trigger's end-to-end callbacks/s in the default engine from section 1.`,
		'',
		table(
			['webhook processors + workers', 'callbacks', 'acked', 'acks/s', 'ack p50 ms', 'ack p99 ms', 'ack max ms', 'executions', 'executions/s', 'vs 1 + 1', 'vs regular mode', 'drain after last ack s', 'load avg after'],
			queue.rows.map((row) => [
				`${row.webhookProcessors} + ${row.workers}`,
				int(row.callbacks),
				int(row.acked),
				fmt(row.acksPerSecond),
				fmt(row.p50AckMs, 0),
				fmt(row.p99AckMs, 0),
				fmt(row.maxAckMs, 0),
				Object.entries(row.executions).map(([status, n]) => `${int(n)} ${status}`).join(', '),
				fmt(row.executionsPerSecond),
				times(ratio(row.acksPerSecond, queue.rows[0].acksPerSecond)),
				times(ratio(row.executionsPerSecond, regular)),
				fmt(row.drainSecondsAfterLastAck),
				fmt(row.loadAverageAfter, 2),
			]),
		),
	].join('\n');
}

/** Plain-text table for the terminal. */
export function consoleTable(results: BenchResults): string {
	const rows = summaryRows(results);
	const header: SummaryRow = { section: 'section', figure: 'figure', value: 'value', ratio: 'ratio' };
	const all = [header, ...rows];
	const width = (key: keyof SummaryRow) => Math.max(...all.map((row) => row[key].length));
	const line = (row: SummaryRow) => (['section', 'figure', 'value', 'ratio'] as const).map((key) => row[key].padEnd(width(key))).join('  ');
	const checks = checkTargets(results).map((check) => `${check.met ? 'MET   ' : 'MISSED'}  ${check.target}: ${check.measured}`);
	return [line(header), '-'.repeat(line(header).length), ...rows.map(line), '', 'Targets:', ...checks].join('\n');
}

function callbackTable(runs: CallbackRun[], results: BenchResults): string {
	return table(
		['setting', 'side', 'callbacks', 'callbacks/s (end to end)', 'acks/s', 'ack p50 ms', 'ack p99 ms', 'vs bare', 'vs DIY', 'n8n RSS start → peak', 'executions ok / failed', 'non-200 acks'],
		runs.map((run) => {
			const bare = callbackRun(results, run.setting, 'bare');
			const diy = callbackRun(results, run.setting, 'diy');
			return [
				run.setting,
				CALLBACK_SIDES[run.side as keyof typeof CALLBACK_SIDES] ?? run.side,
				int(run.count),
				fmt(run.callbacksPerSecond),
				fmt(run.acksPerSecond),
				fmt(run.load.p50Ms, 0),
				fmt(run.load.p99Ms, 0),
				run.side === 'bare' ? '1.00×' : times(ratio(run.callbacksPerSecond, bare?.callbacksPerSecond ?? Number.NaN)),
				run.side === 'diy' ? '1.00×' : times(ratio(run.callbacksPerSecond, diy?.callbacksPerSecond ?? Number.NaN)),
				`${mib(run.memory.startBytes)} → ${mib(run.memory.peakBytes)}`,
				`${int(run.executions.success)} / ${int(run.executions.error)}${run.executions.timedOut ? ' (timed out)' : ''}`,
				String(run.count - run.load.ok),
			];
		}),
	);
}

function actionTable(runs: ActionRun[], results: BenchResults): string {
	const diy = actionRun(results, 'diy');
	const diyUnlimited = actionRun(results, 'diyUnlimited');
	return table(
		['side', 'items', 'wall s (side’s nodes)', 'items/s', 'vs DIY', 'correct answers/s', 'vs DIY', 'workflow round trip s', 'simulator requests / OK', 'simulator peak req/s (limit)', '141009 answers', 'n8n RSS start → peak'],
		runs.map((run) => {
			const baseline = run.side === 'oursUnlimited' ? diyUnlimited : diy;
			return [
				ACTION_SIDES[run.side as keyof typeof ACTION_SIDES] ?? run.side,
				int(run.items),
				fmt(run.wallSeconds, 2),
				fmt(run.itemsPerSecond),
				run.side.startsWith('diy') ? '1.00×' : times(ratio(run.itemsPerSecond, baseline?.itemsPerSecond ?? Number.NaN)),
				fmt(correctPerSecond(run)),
				run.side.startsWith('diy') ? '1.00×' : times(ratio(correctPerSecond(run), baseline ? correctPerSecond(baseline) : Number.NaN)),
				fmt(run.roundTripSeconds, 2),
				`${int(run.simulator.requests)} / ${int(run.simulator.ok)}`,
				`${run.simulator.peakRequestsPerSecond} (${run.simulator.rateLimit || 'off'})`,
				String(run.simulator.rateLimited),
				`${mib(run.memory.startBytes)} → ${mib(run.memory.peakBytes)}`,
			];
		}),
	);
}

export function markdownReport(results: BenchResults, notes: string): string {
	const { machine, config } = results;
	const sig = results.inProcess.userSig;
	const ceiling = results.simulatorCeiling;
	const checks = checkTargets(results);
	const engines = results.settings.engines.map((engine) => `- **${engine.key}**: ${engine.label}${Object.keys(engine.env).length ? ` (\`${Object.entries(engine.env).map(([k, v]) => `${k}=${v}`).join(' ')}\`)` : ''}`);
	const lines = [
		'# Benchmark results',
		'',
		`Latest \`${results.command}\` run (scale **${config.scale}**), ${machine.date}, ${fmt(results.durationSeconds / 60, 1)} min.`,
		'',
		'Reproduce: `npm ci && npm run bench` (full, about 12 min on a quiet 2-core machine, queue mode included; writes this file). Queue mode needs `redis-server` and `postgresql` from Debian; without them section 6 says what to install, and `BENCH_QUEUE=off` leaves it out. Tiny smoke run: `BENCH_SCALE=smoke npm run bench` (writes `bench/out/RESULTS.smoke.md`).',
		'Profiles behind the explanations: `npx tsx bench/profile.ts <ours|bare|diy> <legacy|default> [count]` (see [PROFILES.md](PROFILES.md)).',
		'',
		'## Machine and versions',
		'',
		table(
			['', ''],
			[
				['CPU', `${machine.cpu} × ${machine.cores}`],
				['memory', `${machine.memoryGiB} GiB`],
				['OS', machine.os],
				['n8n', `${machine.n8nVersion ?? 'n/a'} on Node ${machine.n8nNode ?? 'n/a'} (sqlite, regular mode, task runner internal)`],
				['benchmark process', `Node ${machine.benchNode} (load generator, simulator, in-process benchmarks)`],
				['this package', `${machine.packageVersion} (${machine.gitCommit}), installed from its packed tarball as the Community Nodes installer does`],
				['official UserSig library', `tls-sig-api-v2 ${machine.officialLibVersion}`],
				['load average (1 min) start → end', `${machine.loadAverageStart} → ${machine.loadAverageEnd ?? 'n/a'}`],
				['other busy processes seen (≥ 20 % CPU, not ours)', busySummary(results.otherLoad)],
			],
		),
		'',
		'## Settings and counts',
		'',
		'Expression-engine settings (one n8n instance each, reused for every scenario in it):',
		...engines,
		`- Every instance: \`${Object.entries(results.settings.commonEnv).map(([k, v]) => `${k}=${v}`).join(' ')}\` so the DIY Code nodes may \`require\` crypto and zlib (n8n's task runner refuses built-ins otherwise; it changes nothing for the other sides).`,
		`- Callbacks: all 17 event types in turn, signed by the simulator as Desk signs them (token on), concurrency ${config.callbackConcurrency}, ${int(config.callbacksDefaultEngine)} per side in the default engine, ${int(config.callbacksLegacyEngine)} per side like-for-like; the three sides of a setting take turns in ${config.callbackRounds} interleaved rounds (bare, ours, DIY; ours, DIY, bare; …) so drift from other processes falls on all of them. Growth: ours alone, like-for-like, ${config.callbackGrowth.map(int).join(' and ')} in one run each. A short unmeasured warm-up precedes each run. *Callbacks/s* counts from the first request to the last execution finished (executions run after the ack); *acks/s* is the load generator's view.`,
		`- Trigger: signature check on (credential has a Callback Token), All Events, one output per event, duplicate filter on (default). DIY: Webhook (answers at once with Tencent's ack) → Code (SdkAppid, Sign = sha256(token + RequestTime) timing-safe, 60 s tolerance) → Switch (17 rules, first match, fallback output). Bare: the same Webhook node alone.`,
		`- Action: Get State for ${int(config.actionItems)} live sessions; simulator rate limit ${config.simulatorRateLimit}/s (Tencent's documented limit) unless noted. Wall time = the side's own nodes' execution time (n8n run data); the shared "one item per session" Code step is excluded. DIY = Code node computing a TLSSigAPIv2 UserSig + random per item (crypto + zlib, like the official library) → HTTP Request node (v4.2, n8n defaults: no batching, no retries; it starts every item's request at once). Growth: ours at defaults, ${config.actionGrowth.map(int).join(', ')} items. Action runs use the default engine.`,
		`- n8n memory = RSS of n8n's process group (main + task runner), sampled from /proc every 200 ms.`,
		'',
		'## Summary',
		'',
		table(
			['section', 'figure', 'value', 'ratio'],
			summaryRows(results).map((row) => [row.section, row.figure, row.value, row.ratio]),
		),
		'',
		'## Targets',
		'',
		table(['target', 'measured', 'met?'], checks.map((check) => [check.target, check.measured, check.met ? '**met**' : '**missed**'])),
		'',
		'## 1. Callbacks through a real n8n',
		'',
		callbackTable(results.callbacks, results),
		'',
		'## 2. Action node on many items',
		'',
		actionTable(results.action, results),
		'',
		'## 3. Ceilings',
		'',
		table(
			['ceiling', 'value', 'ours against it'],
			[
				[
					`simulator hit directly (get_session_state, ${int(ceiling.load.count)} requests, concurrency ${ceiling.load.concurrency}, limit off)`,
					`${fmt(ceiling.requestsPerSecond)} req/s (p50 ${fmt(ceiling.load.p50Ms, 2)} ms, ${int(ceiling.okAnswers)} OK)`,
					`ours without a rate limit: ${times(ratio(actionRun(results, 'oursUnlimited')?.itemsPerSecond ?? Number.NaN, ceiling.requestsPerSecond))}; at defaults: ${times(ratio(actionRun(results, 'oursDefaults')?.itemsPerSecond ?? Number.NaN, ceiling.requestsPerSecond))}`,
				],
				[
					`Tencent's rate limit (${config.simulatorRateLimit}/s per app)`,
					`${config.simulatorRateLimit} req/s`,
					`ours at defaults: ${times(ratio(actionRun(results, 'oursDefaults')?.itemsPerSecond ?? Number.NaN, config.simulatorRateLimit))} (the default Max Requests per Second is 100)`,
				],
				...results.settings.engines.flatMap((engine) => {
					const bare = callbackRun(results, engine.key, 'bare');
					const ours = callbackRun(results, engine.key, 'ours');
					return bare ? [[`bare Webhook node, ${engine.key}`, `${fmt(bare.callbacksPerSecond)} callbacks/s`, `trigger: ${times(ratio(ours?.callbacksPerSecond ?? Number.NaN, bare.callbacksPerSecond))}`]] : [];
				}),
			],
		),
		'',
		'## 4. In process',
		'',
		table(
			['measurement', 'ours', 'official / note', 'ratio'],
			[
				[`UserSig generation (fresh sig per call, median of ${sig.rounds} × ${int(sig.opsPerRound)})`, `${int(sig.oursOpsPerSecond)} ops/s`, `${int(sig.officialOpsPerSecond)} ops/s`, times(sig.ratio)],
				...results.inProcess.handler.map((cost) => [
					`trigger \`webhook()\` per callback, ${cost.label} (${int(cost.bodyBytes)} B; check + dedup + routing + item; median of ${cost.rounds} × ${int(cost.calls)})`,
					`${fmt(cost.microsPerCallback)} µs`,
					'n8n gives credentials and parameters already resolved',
					'',
				]),
			],
		),
		'',
		'## 5. Growth',
		'',
		table(
			['run', 'size', 'seconds', 'per unit', 'n8n RSS start → peak', 'added during run'],
			[
				...results.actionGrowth.map((run) => [
					'action node, defaults',
					`${int(run.items)} items`,
					fmt(run.wallSeconds, 2),
					`${fmt((run.wallSeconds / run.items) * 1000, 2)} ms/item`,
					`${mib(run.memory.startBytes)} → ${mib(run.memory.peakBytes)}`,
					addedMib(run.memory),
				]),
				...results.callbackGrowth.map((run) => [
					`trigger, ${run.setting}`,
					`${int(run.count)} callbacks`,
					fmt(run.endToEndSeconds, 1),
					`${fmt((run.endToEndSeconds / run.count) * 1000, 2)} ms/callback`,
					`${mib(run.memory.startBytes)} → ${mib(run.memory.peakBytes)}`,
					addedMib(run.memory),
				]),
			],
		),
		'',
		'## 6. Queue mode',
		'',
		queueSection(results),
		'',
		notes.trim(),
		'',
	];
	return lines.join('\n');
}

/**
 * Renders a run: one console table (every figure with its ratio) and bench/RESULTS.md (machine,
 * versions, settings, counts, the detailed tables, the targets, and the command to reproduce).
 */
import type { ActionRun } from './action';
import type { CallbackRun } from './callbacks';
import { CAPACITY_FINISH_WITHIN_SECONDS, CAPACITY_SIDES, keptUp, passes, type CapacityResults } from './capacity';
import { capacitySentences, list, machineSentences, readingThisRun } from './narrative';
import type { SectionLoad } from './machine';
import { decisionSettingLabel, sideOf, type DecisionRateRun, type DecisionResults, type DecisionSustained } from './decisions';
import type { DecisionSide } from './vipWorkflows';
import { getManySection, getManySummaryRows } from './getMany';
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
	capacityCeilingOf,
	capacityGoals,
	capacityOf,
	capacityOpen,
	checkTargets,
	decisionGoal,
	decisionRatioCheck,
	decisionRun,
	DECISION_GOAL_RATE,
	DECISION_GOAL_SETTING,
	GOAL_ENGINE,
	growthOf,
	queueRun,
	queueSkipReason,
	regularModeCallbacksPerSecond,
} from './results';
import { LATE_START_MS } from '../harness/loadGenerator';
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
	return counts.size ? [...counts].map(([name, n]) => `${name} × ${n}`).join(', ') : 'none';
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
	rows.push(...getManySummaryRows(results.getMany));
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
	rows.push(...decisionSummaryRows(results.decisions));
	rows.push(...capacitySummaryRows(results.capacity));
	return rows;
}

/** A sustained rate; "≥" when no step failed (only a lower bound), "none" when no rate tried passed. */
const rateOrNone = (rate: number | undefined, open = false) => (rate === undefined ? 'none' : `${open ? '≥ ' : ''}${fmt(rate)}/s`);
/** Ours against a side that may have sustained no rate tried (then there is no ratio: —). */
const versus = (ours: number | undefined, other: number | undefined) => (other === undefined ? '—' : times(ratio(ours ?? 0, other)));

/** Section 8's rows in the summary: per setting and bound, the three sides' sustained rates and our ratio to the minimal trigger. */
export function capacitySummaryRows(capacity: CapacityResults | undefined): SummaryRow[] {
	if (!capacity) return [];
	const rows: SummaryRow[] = [];
	for (const setting of capacity.settings) {
		for (const bound of capacity.boundsMs) {
			const [bare, minimal, ours] = (['bare', 'minimal', 'ours'] as const).map((side) => capacityOf(setting, side, bound));
			const open = (side: 'bare' | 'minimal' | 'ours') => capacityOpen(setting, side, bound);
			rows.push({
				section: '8 capacity',
				figure: `${setting.label}, ack p99 < ${bound / 1000} s`,
				value: `Webhook node ${rateOrNone(bare, open('bare'))}, minimal trigger ${rateOrNone(minimal, open('minimal'))}, ours ${rateOrNone(ours, open('ours'))}`,
				ratio: `${versus(ours, minimal)} minimal, ${versus(ours, bare)} Webhook node`,
			});
		}
	}
	if (capacity.queueSkipped) rows.push({ section: '8 capacity', figure: 'queue mode', value: `not measured: ${capacity.queueSkipped}`, ratio: '' });
	return rows;
}

/** The capacity table (one row per setting): what README quotes. */
export function capacityTable(capacity: CapacityResults): string {
	const header = ['setting'];
	for (const bound of capacity.boundsMs) header.push(`p99 < ${bound / 1000} s: Webhook node`, 'minimal trigger', 'ours', 'ours ÷ minimal');
	return table(
		header,
		capacity.settings.map((setting) => [
			setting.label,
			...capacity.boundsMs.flatMap((bound) => {
				const [bare, minimal, ours] = (['bare', 'minimal', 'ours'] as const).map((side) => rateOrNone(capacityOf(setting, side, bound), capacityOpen(setting, side, bound)));
				return [bare, minimal, ours, versus(capacityOf(setting, 'ours', bound), capacityOf(setting, 'minimal', bound))];
			}),
		]),
	);
}

export function capacitySection(capacity: CapacityResults | undefined, scale: string): string {
	if (!capacity) return 'Not part of this run.';
	const bounds = capacity.boundsMs.map((bound) => `${bound / 1000} s`).join(' and ');
	const lines: string[] = [
		`Measured ${capacity.measuredAt} by \`${capacity.command}\` in ${fmt(capacity.durationSeconds / 60, 1)} min (load average ${fmt(capacity.loadAverageStart, 2)} → ${fmt(capacity.loadAverageEnd, 2)}), n8n ${capacity.n8nVersion}.` +
			(scale === 'smoke' ? ` Smoke scale: ${capacity.stepSeconds} s steps, at most ${capacity.maxSteps} per side, enough to show the section works, not to measure capacity.` : ''),
		'',
		`Callbacks per second one setting sustains with the ack's p99 under ${bounds}, for three sides in the same n8n: ${Object.entries(CAPACITY_SIDES).map(([key, label]) => `${label}${key === 'minimal' ? ' (a community package of its own, `dev/bench/minimalTrigger/`, installed beside this one: it hands on its body and answers with the ack, nothing else, the least any community trigger costs)' : ''}`).join(', ')}. Each step sends rate × ${capacity.stepSeconds} s of signed callbacks open loop (callback i starts i / rate s after the first, answered or not; each with a ${int(capacity.requestTimeoutMs)} ms limit) to 127.0.0.1, then waits for their executions to finish. A step passes a bound when its ack p99 is under it with every ack HTTP 200, no failed execution, and its work finished: the last of its executions done within ${CAPACITY_FINISH_WITHIN_SECONDS} s of its last ack (acks that run ahead of the executions are not capacity). The first step is ${capacity.startFraction}× a closed-loop probe's acks/s; rates then go up or down by ${capacity.growth}× until a step fails and one passes, then halve the bracket until it is within ${Math.round(capacity.resolution * 100)} %, at most ${capacity.maxSteps} steps per side. The sides take turns step by step, in an order rotated each round. *Sustained* is the highest passing rate below the lowest failing one, so a ratio between two sides is uncertain by about the resolution.`,
		'',
		capacityTable(capacity),
		'',
		'"≥" marks a rate at which no step of that side failed the bound: the side may sustain more. "none": no rate tried passed.',
		'',
		...capacitySentences(capacity).map((sentence) => `- ${sentence}`),
		'',
		'Every step:',
		'',
		table(
			['setting', 'side', 'rate /s', 'callbacks', 'ack p50 ms', 'ack p99 ms', 'ack max ms', 'errors', 'last execution finished s after last ack', `kept up (≤ ${CAPACITY_FINISH_WITHIN_SECONDS} s)`, 'max start lag ms', 'load avg after', ...capacity.boundsMs.map((bound) => `p99 < ${bound / 1000} s`)],
			capacity.settings.flatMap((setting) =>
				setting.sides.flatMap((side) =>
					side.steps.map((step) => [
						setting.key,
						CAPACITY_SIDES[side.side],
						fmt(step.ratePerSecond),
						int(step.count),
						fmt(step.p50Ms, 0),
						fmt(step.p99Ms, 0),
						fmt(step.maxMs, 0),
						int(step.errors),
						fmt(step.drainSeconds),
						keptUp(step) ? 'yes' : 'no',
						fmt(step.maxStartLagMs, 0),
						fmt(step.loadAverageAfter, 2),
						...capacity.boundsMs.map((bound) => (passes(step, bound) ? 'pass' : 'fail')),
					]),
				),
			),
		),
	];
	const loose = Math.max(...capacity.boundsMs);
	const open = capacity.settings.flatMap((setting) =>
		setting.sides.filter((side) => capacityCeilingOf(setting, side.side, loose) === undefined && side.steps.length > 0).map((side) => `${setting.key} ${side.side}`),
	);
	if (open.length) lines.push('', `No step failed the ${loose / 1000} s bound for ${open.join(', ')}: the rate sustained is a lower bound.`);
	lines.push('', ...capacityGoals(capacity).map((goal) => `**Goal** (${goal.target}): ${goal.met ? '**met**' : '**missed**'}, ${goal.measured}.`));
	return lines.join('\n');
}

/** A report with the capacity section alone (BENCH_ONLY=capacity with no earlier results at the output path to merge into). */
export function capacityOnlyReport(capacity: CapacityResults, scale: string, machine: BenchResults['machine'], sections: SectionLoad[] = []): string {
	return [
		'# Benchmark results: capacity only',
		'',
		`\`${capacity.command}\` (scale **${scale}**) on ${machine.cpu} × ${machine.cores}, ${machine.memoryGiB} GiB, ${machine.os}; this package ${machine.packageVersion} (${machine.gitCommit}). The other sections need a whole run (\`npm run bench\`); a later \`BENCH_ONLY=capacity\` run then replaces this section in its report.`,
		'',
		machineSentences({ loadAverageStart: machine.loadAverageStart, loadAverageEnd: machine.loadAverageEnd, cores: machine.cores, sections }).join(' '),
		'',
		'## 8. Capacity: callbacks/s under an ack p99 bound',
		'',
		capacitySection(capacity, scale),
		'',
	].join('\n');
}

const pct = (share: number): string => (Number.isFinite(share) ? `${(share * 100).toFixed(1)} %` : 'n/a');

/** The settings in the order they were measured. */
function decisionSettings(decisions: DecisionResults): string[] {
	return [...new Set(decisions.runs.map((run) => run.setting))];
}

const runsOf = (decisions: DecisionResults, setting: string, side: DecisionSide) => decisions.runs.filter((run) => run.setting === setting && sideOf(run) === side);
const sustainedOf = (decisions: DecisionResults, setting: string, side: DecisionSide) => decisions.sustained?.find((entry) => entry.setting === setting && entry.side === side);
/** "12/s", "≥ 150/s" (no rate failed), "none" (no rate passed). */
const sustainedText = (entry: DecisionSustained | undefined) => (entry ? rateOrNone(entry.ratePerSecond, entry.failedAtPerSecond === undefined) : 'n/a');
const validInTime = (run: DecisionRateRun) => (run.validInTimeShare === undefined ? 'n/a' : pct(run.validInTimeShare));
const sustainedCriterion = (decisions: DecisionResults) => `p99 < ${int(decisions.p99LimitMs ?? 2000)} ms with ≥ ${Math.round((decisions.minWorkflowShare ?? 0.99) * 100)} % answered by the workflow`;

/** Section 7's rows in the summary: each setting × fixed rate (both sides), each sustained rate, each overload step. */
export function decisionSummaryRows(decisions: DecisionResults | undefined): SummaryRow[] {
	if (!decisions) return [];
	const rows: SummaryRow[] = [];
	for (const setting of decisionSettings(decisions)) {
		const label = decisionSettingLabel(decisions, setting);
		for (const run of runsOf(decisions, setting, 'ours').filter((entry) => entry.kind === 'rate')) {
			const theirs = decisionRun(decisions, setting, run.ratePerSecond, 'n8n');
			rows.push({
				section: '7 decisions',
				figure: `${label}, ${fmt(run.ratePerSecond, 0)}/s (${int(run.count)})`,
				value: `ours p50 ${fmt(run.p50Ms, 0)} ms, p99 ${fmt(run.p99Ms, 0)} ms, fallback ${pct(run.fallbackShare)}` + (theirs ? `; n8n's own nodes p99 ${fmt(theirs.p99Ms, 0)} ms, by the workflow ${pct(theirs.answeredBy.workflow / theirs.count)}` : ''),
				ratio: theirs ? `p99 ${times(ratio(run.p99Ms, theirs.p99Ms))} n8n's` : '',
			});
		}
		const ours = sustainedOf(decisions, setting, 'ours');
		const theirs = sustainedOf(decisions, setting, 'n8n');
		if (ours?.searched) {
			rows.push({
				section: '7 decisions',
				figure: `${label}, sustained (${sustainedCriterion(decisions)})`,
				value: `ours ${sustainedText(ours)}, n8n's own nodes ${sustainedText(theirs)}`,
				ratio: theirs?.ratePerSecond === undefined ? '' : `${times(ratio(ours.ratePerSecond ?? 0, theirs.ratePerSecond))} n8n's`,
			});
		}
		for (const run of runsOf(decisions, setting, 'ours').filter((entry) => entry.kind === 'overload')) {
			rows.push({
				section: '7 decisions',
				figure: `${label}, ours at ${fmt(run.ratePerSecond)}/s (overload, ${int(run.count)})`,
				value: `valid answer within ${int(decisions.tencentTimeoutMs)} ms ${validInTime(run)}, fallback ${pct(run.fallbackShare)}, p99 ${fmt(run.p99Ms, 0)} ms`,
				ratio: ours?.ratePerSecond ? `${times(ratio(run.ratePerSecond, ours.ratePerSecond))} sustained` : '',
			});
		}
	}
	if (decisions.queueSkipped) rows.push({ section: '7 decisions', figure: 'queue mode', value: `not measured: ${decisions.queueSkipped}`, ratio: '' });
	return rows;
}

function decisionTable(decisions: DecisionResults): string {
	return table(
		['setting', 'side', 'rate /s', 'kind', 'callbacks', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'fallback share', 'workflow / fallback / other / none', `valid answer < ${int(decisions.tencentTimeoutMs)} ms`, `≥ ${int(decisions.tencentTimeoutMs)} ms or none`, 'max start lag ms', 'executions', 'load avg after'],
		decisions.runs.map((run) => [
			decisionSettingLabel(decisions, run.setting),
			sideOf(run) === 'ours' ? 'ours' : "n8n's own nodes",
			fmt(run.ratePerSecond, run.kind === 'rate' ? 0 : 1),
			run.kind === 'rate' ? 'fixed' : run.kind,
			int(run.count),
			...[run.p50Ms, run.p95Ms, run.p99Ms, run.maxMs].map((ms) => (ms >= decisions.requestTimeoutMs ? `≥ ${int(decisions.requestTimeoutMs)} (limit)` : fmt(ms, 0))),
			pct(run.fallbackShare),
			`${int(run.answeredBy.workflow)} / ${int(run.answeredBy.fallback)} / ${int(run.answeredBy.other)} / ${int(run.answeredBy.failed)}`,
			validInTime(run),
			pct(run.lateShare),
			fmt(run.pacing.maxStartLagMs, 0),
			Object.entries(run.executions).map(([status, n]) => `${int(n)} ${status}`).join(', ') || 'none',
			fmt(run.loadAverageAfter, 2),
		]),
	);
}

/** What the runs of one setting and side say about the sustained rate, the fallback answers and the overload, made from the figures. */
function decisionFindings(decisions: DecisionResults, setting: string, side: DecisionSide): string[] {
	const all = runsOf(decisions, setting, side).sort((a, b) => a.ratePerSecond - b.ratePerSecond);
	const runs = all.filter((run) => run.kind !== 'overload');
	if (runs.length === 0) return [];
	const label = `${decisionSettingLabel(decisions, setting)}, ${side === 'ours' ? 'ours' : "n8n's own nodes"}`;
	const sentences: string[] = [];
	const sustained = sustainedOf(decisions, setting, side);
	if (sustained) {
		const at = runs.find((run) => run.ratePerSecond === sustained.ratePerSecond);
		const failed = runs.find((run) => run.ratePerSecond === sustained.failedAtPerSecond);
		const how = sustained.searched ? '' : ' (fixed rates only)';
		sentences.push(
			(at
				? `${label}: sustained ${fmt(at.ratePerSecond)}/s${how} (p99 ${int(at.p99Ms)} ms, ${pct(at.answeredBy.workflow / at.count)} by the workflow)`
				: `${label}: no rate tried was sustained${how}`) +
				(failed
					? `; at ${fmt(failed.ratePerSecond)}/s p99 was ${int(failed.p99Ms)} ms with ${pct(failed.answeredBy.workflow / failed.count)} by the workflow.`
					: `; no rate tried failed (up to ${fmt(Math.max(...runs.map((run) => run.ratePerSecond)))}/s), so it is a lower bound.`),
		);
	}
	const firstFallback = runs.find((run) => run.answeredBy.fallback > 0);
	if (side === 'ours' && firstFallback) {
		sentences.push(`${label}: the first fallback answers (the workflow missed the ${int(decisions.deadlineMs)} ms deadline, failed, or the trigger shed load) came at ${fmt(firstFallback.ratePerSecond)}/s, ${pct(firstFallback.fallbackShare)} of its callbacks.`);
	}
	for (const run of all.filter((entry) => entry.kind === 'overload')) {
		sentences.push(
			`${label}: at ${fmt(run.ratePerSecond)}/s (${times(ratio(run.ratePerSecond, sustained?.ratePerSecond ?? Number.NaN))} the sustained rate) ${validInTime(run)} of ${int(run.count)} callbacks got a valid answer (the workflow's or the fallback) within ${int(decisions.tencentTimeoutMs)} ms; ${pct(run.fallbackShare)} were fallback answers, p99 ${int(run.p99Ms)} ms.`,
		);
	}
	const unusable = all.reduce((sum, run) => sum + run.answeredBy.other + run.answeredBy.failed, 0);
	if (unusable > 0) {
		sentences.push(`${label}: ${int(unusable)} callback(s) got no answer naming either group (HTTP status or timeout: ${all.flatMap((run) => Object.entries(run.byStatus).filter(([status]) => status !== '200').map(([status, n]) => `${n} × ${status} at ${fmt(run.ratePerSecond)}/s`)).join(', ') || 'a 200 naming another group'}).`);
	}
	return sentences;
}

export function decisionsSection(decisions: DecisionResults | undefined, scale: string): string {
	if (!decisions) return 'Not part of this run.';
	const most = Math.max(...decisions.runs.map((run) => run.count));
	const searched = decisionSettings(decisions).filter((setting) => sustainedOf(decisions, setting, 'ours')?.searched);
	const lines: string[] = [
		`Measured ${decisions.measuredAt} by \`${decisions.command}\` in ${fmt(decisions.durationSeconds / 60, 1)} min (load average ${fmt(decisions.loadAverageStart, 2)} → ${fmt(decisions.loadAverageEnd, 2)}), n8n ${decisions.n8nVersion}.` +
			(scale === 'smoke' ? ` Smoke scale: at most ${int(most)} callbacks per rate, enough to show the bench works, not to measure latency.` : ''),
		'',
		`The same routing work done two ways, with the CRM stand-in answering at once. **Ours**: \`examples/${decisions.example}\` as a user imports it (Decision Trigger → HTTP Request to the CRM → IF → Decision Answer), answer deadline ${int(decisions.deadlineMs)} ms. **n8n's own nodes**: Webhook (set to "Using 'Respond to Webhook' node") → the example's HTTP Request and IF → Respond to Webhook, answering the same JSON as our Decision Answer node; it ignores the signature and has no deadline or fallback. Every callback is \`ChatBot.OnAssignHuman\` for a VIP customer, signed by the simulator as Desk signs it, so an answer naming group ${decisions.vipGroup} came from the workflow and one naming group ${decisions.fallbackGroup} (our trigger's fallback) from the answer guard. Callbacks are sent open loop: callback i starts i / rate seconds after the first whether or not earlier ones were answered, each with a ${int(decisions.requestTimeoutMs)} ms limit; latency runs from sending a callback to its complete answer. ${int(decisions.warmup)} unmeasured callbacks precede each side's runs, the sides take turns rate by rate, and each rate starts once the executions of the one before have finished.` +
			(searched.length
				? ` In ${list(searched.map((setting) => decisionSettingLabel(decisions, setting)))}, each side's *sustained* rate (${sustainedCriterion(decisions)}) is then searched step by step (up or down by a factor, then halving the bracket), and ours is sent ${decisions.overloadFactor ?? 5}× its sustained rate (at most ${int(decisions.overloadMaxPerSecond ?? Number.NaN)}/s) for one step: *valid answer* counts the workflow's and the fallback within ${int(decisions.tencentTimeoutMs)} ms, what Desk can use.`
				: ''),
		'',
		decisionTable(decisions),
		'',
	];
	const goal = decisionGoal(decisions);
	lines.push(
		goal
			? `**Goal** (${goal.target}): **${goal.met ? 'met' : 'missed'}**, ${goal.measured}.`
			: `**Goal** (p99 at ${DECISION_GOAL_RATE}/s, regular mode, ${DECISION_GOAL_SETTING} engine): not measured in this run.`,
	);
	for (const setting of searched) {
		const check = decisionRatioCheck(decisions, setting);
		if (!check) continue;
		lines.push('', setting === GOAL_ENGINE ? `**Goal** (${check.target}): **${check.met ? 'met' : 'missed'}**, ${check.measured}.` : `Ours against n8n's own nodes, ${decisionSettingLabel(decisions, setting)}: ${check.measured}.`);
	}
	const findings = decisionSettings(decisions).flatMap((setting) => (['ours', 'n8n'] as const).flatMap((side) => decisionFindings(decisions, setting, side)));
	if (findings.length) lines.push('', ...findings.map((sentence) => `- ${sentence}`));
	const capped = decisions.runs.filter((run) => run.p99Ms >= decisions.requestTimeoutMs);
	if (capped.length) {
		lines.push(
			'',
			`In ${capped.length} run(s) (${capped.map((run) => `${sideOf(run)} at ${fmt(run.ratePerSecond)}/s in ${decisionSettingLabel(decisions, run.setting)}`).join(', ')}) at least 1 % of the callbacks were still unanswered at the ${int(decisions.requestTimeoutMs)} ms limit, so their p99 is that limit: the real one is higher.`,
		);
	}
	const late = decisions.runs.filter((run) => run.pacing.lateStarts > 0);
	lines.push(
		'',
		late.length === 0
			? `The schedule was kept: every callback started within ${LATE_START_MS} ms of its time (largest lag ${fmt(Math.max(...decisions.runs.map((run) => run.pacing.maxStartLagMs)), 1)} ms).`
			: `The schedule slipped in ${late.length} run(s): ${late.map((run) => `${int(run.pacing.lateStarts)} callback(s) more than ${LATE_START_MS} ms late at ${fmt(run.ratePerSecond)}/s (${sideOf(run)}, ${decisionSettingLabel(decisions, run.setting)}; largest lag ${fmt(run.pacing.maxStartLagMs, 0)} ms)`).join('; ')}. The benchmark process shares the machine with n8n, so those rates were offered a little less evenly than stated.`,
	);
	if (decisions.queueSkipped) lines.push('', `Queue mode: not measured (${decisions.queueSkipped}).`);
	else if (decisions.queue) {
		const queueSettings = decisionSettings(decisions).filter((setting) => setting.startsWith('queue'));
		const sentences = queueSettings.map((setting) => {
			const regularSetting = setting === 'queue' ? 'default' : setting.replace(/^queue-/, '');
			const compared = runsOf(decisions, setting, 'ours').filter((run) => run.kind === 'rate');
			return `${decisionSettingLabel(decisions, setting)}, ours: p99 against ${decisionSettingLabel(decisions, regularSetting)} ${compared.map((run) => `${fmt(run.ratePerSecond, 0)}/s ${times(ratio(run.p99Ms, decisionRun(decisions, regularSetting, run.ratePerSecond)?.p99Ms ?? Number.NaN))}`).join(', ')}`;
		});
		if (sentences.length) {
			lines.push(
				'',
				`Queue mode: a cluster per engine setting (PostgreSQL, Redis, main, ${decisions.queue.webhookProcessors} webhook processor behind the proxy, ${decisions.queue.workers} worker at concurrency ${decisions.queue.workerConcurrency}), fixed rates only. ${sentences.join('; ')}.`,
			);
		}
	}
	for (const [setting, tails] of Object.entries(decisions.queueLogs ?? {})) {
		lines.push('', `<details><summary>Answers went missing in ${decisionSettingLabel(decisions, setting)}: the cluster's last log lines then</summary>`, '', '```', tails.trim(), '```', '', '</details>');
	}
	return lines.join('\n');
}

/** A report with the decision section alone (BENCH_ONLY=decisions with no earlier results at the output path to merge into). */
export function decisionsOnlyReport(decisions: DecisionResults, scale: string, machine: BenchResults['machine']): string {
	return [
		'# Benchmark results: decision callbacks only',
		'',
		`\`${decisions.command}\` (scale **${scale}**) on ${machine.cpu} × ${machine.cores}, ${machine.memoryGiB} GiB, ${machine.os}; this package ${machine.packageVersion} (${machine.gitCommit}). The other sections need a whole run (\`npm run bench\`); a later \`BENCH_ONLY=decisions\` run then replaces this section in its report.`,
		'',
		'## 7. Decision callbacks: reply latency',
		'',
		decisionsSection(decisions, scale),
		'',
	].join('\n');
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

export function markdownReport(results: BenchResults): string {
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
		`This run took ${fmt(results.durationSeconds / 60, 1)} min on ${machine.cores} cores. Reproduce: \`npm ci && npm run bench\` (scale full; writes dev/bench/RESULTS.md). Queue mode needs \`redis-server\` and \`postgresql\` from Debian; without them section 6 says what to install, and \`BENCH_QUEUE=off\` leaves it out. Tiny smoke run: \`BENCH_SCALE=smoke npm run bench\` (writes \`dev/bench/out/RESULTS.smoke.md\`). Section 7 or 8 alone: \`BENCH_ONLY=decisions npm run bench\` or \`BENCH_ONLY=capacity npm run bench\` (measures that section and puts it into the report already at the output path, keeping its other sections).`,
		'Profiles behind the explanations: `npx tsx dev/bench/profile.ts <ours|bare|diy|action-ours> <legacy|default> [count]` (see [PROFILES.md](PROFILES.md)).',
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
		`- Callbacks: all 17 event types in turn, signed by the simulator as Desk signs them (token on), concurrency ${config.callbackConcurrency}, ${int(config.callbacksDefaultEngine)} per side in the default engine (plain and tuned), ${int(config.callbacksLegacyEngine)} per side like-for-like; the three sides of a setting take turns in ${config.callbackRounds} interleaved rounds (bare, ours, DIY; ours, DIY, bare; …) so drift from other processes falls on all of them. Growth: ours alone, like-for-like, ${config.callbackGrowth.map(int).join(' and ')} in one run each. A short unmeasured warm-up precedes each run. *Callbacks/s* counts from the first request to the last execution finished (executions run after the ack); *acks/s* is the load generator's view.`,
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
		readingThisRun(results, checks),
		'',
		'## 1. Callbacks through a real n8n',
		'',
		callbackTable(results.callbacks, results),
		'',
		'## 2. Action node on many items',
		'',
		actionTable(results.action, results),
		'',
		getManySection(results.getMany, config.scale),
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
		'## 7. Decision callbacks: reply latency',
		'',
		decisionsSection(results.decisions, config.scale),
		'',
		'## 8. Capacity: callbacks/s under an ack p99 bound',
		'',
		capacitySection(results.capacity, config.scale),
		'',
	];
	return lines.join('\n');
}

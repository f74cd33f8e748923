/**
 * The report's prose, generated from the run it describes: how quiet the machine was (load average at the
 * start and through each section, and other processes seen busy), which targets were met, what changed
 * against the previous run at the same output path, and what the capacity search found. Nothing here is
 * fixed text about a run; the explanations that are not about a run live in EXPLANATIONS.md.
 */
import { CAPACITY_FINISH_WITHIN_SECONDS, keptUp, type CapacityResults } from './capacity';
import { engineWords } from './n8nSetup';
import type { SectionLoad } from './machine';
import { capacityGoal, capacityOf, capacityOpen, CAPACITY_GOAL_RATIO, lowestTried, summaryFigures, type BenchResults, type PreviousRun, type TargetCheck } from './results';
import { ratio } from '../harness/stats';

/** A run starts quiet when the 1-minute load average is at most this share of the cores (nothing else running). */
export const QUIET_START_SHARE = 0.5;

const num = (value: number, digits = 2) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
const figure = (value: number) => (Number.isFinite(value) ? value.toLocaleString('en-US', { maximumFractionDigits: 1 }) : 'n/a');
export const list = (items: string[]): string => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);
const pctChange = (before: number, after: number) => {
	const r = ratio(after - before, before);
	return Number.isFinite(r) ? `${r >= 0 ? '+' : '−'}${Math.abs(r * 100).toFixed(0)} %` : 'n/a';
};

export function startedQuiet(loadAverageStart: number, cores: number): boolean {
	return loadAverageStart <= cores * QUIET_START_SHARE;
}

/** How quiet the machine was, section by section, in sentences; the wording follows the figures. */
export function machineSentences(input: { loadAverageStart: number; loadAverageEnd?: number; cores: number; sections: SectionLoad[] }): string[] {
	const { loadAverageStart, cores, sections } = input;
	const quietStart = startedQuiet(loadAverageStart, cores);
	const busySections = sections.filter((section) => section.otherBusy.length > 0);
	const sentences: string[] = [];
	sentences.push(
		quietStart
			? `The machine was quiet when the run started: load average ${num(loadAverageStart)} on ${cores} cores.`
			: `The machine was busy when the run started: load average ${num(loadAverageStart)} on ${cores} cores, above the ${num(cores * QUIET_START_SHARE, 1)} this report calls quiet: other work was running, or had just stopped, when the benchmark began.`,
	);
	if (sections.length === 0) {
		sentences.push('The load was not watched section by section in this run.');
		return sentences;
	}
	const highest = sections.reduce((top, section) => (section.max > top.max ? section : top), sections[0]);
	if (busySections.length === 0) {
		sentences.push(
			`No process other than the benchmark's own was seen busy (≥ 20 % CPU) during any of its ${sections.length} sections; the load during them was the benchmark's own (highest ${num(highest.max)}, in ${highest.section}).`,
		);
	} else {
		sentences.push(
			`Other processes were seen busy (≥ 20 % CPU) during ${busySections.length} of ${sections.length} sections: ${busySections.map((section) => `${section.section} (${section.otherBusy.join(', ')}; load average up to ${num(section.max)})`).join('; ')}.`,
		);
	}
	if (!quietStart || busySections.length > 0) {
		sentences.push(
			'Absolute figures from a busy machine are lower and noisier than a quiet one would give. The sides of each comparison took turns (interleaved rounds or steps), so drift fell on all of them: read the ratios first.',
		);
	}
	return sentences;
}

/** "8 of 10 targets met; missed: …". */
export function targetSentences(checks: TargetCheck[]): string[] {
	if (checks.length === 0) return ['No target was checked in this run.'];
	const missed = checks.filter((check) => !check.met);
	const sentences = [`${checks.length - missed.length} of ${checks.length} targets met.`];
	if (missed.length) sentences.push(`Missed: ${missed.map((check) => `${check.target} (${check.measured})`).join('; ')}.`);
	return sentences;
}

/** This run against the previous one at the same output path: the figures both have, and the targets that changed. */
export function comparisonLines(results: BenchResults, checks: TargetCheck[]): string[] {
	const previous: PreviousRun | undefined = results.previous;
	if (!previous) return ['No earlier results were recorded with this run (none were at its output path), so there is nothing to compare with.'];
	if (previous.scale !== results.config.scale) return [`The previous results at this output path were at scale ${previous.scale}, this run at ${results.config.scale}: not compared.`];
	const lines: string[] = [];
	const cores = results.machine.cores;
	const then = startedQuiet(previous.loadAverageStart, cores);
	const now = startedQuiet(results.machine.loadAverageStart, cores);
	lines.push(
		`Previous run: ${previous.date} (${previous.gitCommit}), load average ${num(previous.loadAverageStart)} at its start; this run: ${results.machine.date} (${results.machine.gitCommit}), ${num(results.machine.loadAverageStart)}.` +
			(then === now ? '' : ` One started ${then ? 'quiet' : 'busy'} and the other ${now ? 'quiet' : 'busy'}: the changes below are partly the machine's, not only the code's.`),
	);
	const current = summaryFigures(results);
	const names = Object.keys(current).filter((name) => name in previous.figures);
	if (names.length) {
		lines.push('', '| figure | previous | this run | change |', '|---|---|---|---|');
		for (const name of names) lines.push(`| ${name} | ${figure(previous.figures[name])} | ${figure(current[name])} | ${pctChange(previous.figures[name], current[name])} |`);
	} else lines.push('', 'The two runs share no headline figure.');
	const nowMet = Object.fromEntries(checks.map((check) => [check.target, check.met]));
	const newlyMet = checks.filter((check) => check.met && previous.targets[check.target] === false).map((check) => check.target);
	const newlyMissed = checks.filter((check) => !check.met && previous.targets[check.target] === true).map((check) => check.target);
	const newTargets = checks.filter((check) => !(check.target in previous.targets)).length;
	const dropped = Object.keys(previous.targets).filter((target) => !(target in nowMet)).length;
	lines.push('');
	if (newlyMet.length) lines.push(`Targets met now and missed before: ${newlyMet.join('; ')}.`);
	if (newlyMissed.length) lines.push(`Targets missed now and met before: ${newlyMissed.join('; ')}.`);
	if (!newlyMet.length && !newlyMissed.length) lines.push('No target changed between met and missed.');
	if (newTargets || dropped) lines.push(`${newTargets} target(s) are new in this run${dropped ? `, ${dropped} of the previous run's are not checked now` : ''}.`);
	return lines;
}

const SIDE_NAMES = { bare: "n8n's Webhook node", minimal: 'the minimal trigger', ours: 'ours' } as const;

/** What the capacity search found, per setting and against the goal, in sentences made from its figures. */
export function capacitySentences(capacity: CapacityResults): string[] {
	if (capacity.settings.length === 0) return ['No setting was measured.'];
	const sentences: string[] = [];
	const goals = capacity.settings.map((setting) => ({ setting, goal: capacityGoal(setting, capacity.boundsMs) }));
	const met = goals.filter((entry) => entry.goal.met);
	sentences.push(
		met.length === goals.length
			? `Goal met in every setting measured (${goals.length}): our trigger sustained at least ${CAPACITY_GOAL_RATIO}× the minimal community trigger's rate under every bound.`
			: `Goal met in ${met.length} of ${goals.length} settings; not met in ${list(goals.filter((entry) => !entry.goal.met).map((entry) => `${entry.setting.label} (${entry.goal.measured})`))}.`,
	);
	const loose = Math.max(...capacity.boundsMs);
	for (const setting of capacity.settings) {
		const bare = capacityOf(setting, 'bare', loose);
		const minimal = capacityOf(setting, 'minimal', loose);
		const ours = capacityOf(setting, 'ours', loose);
		const describe = (side: 'bare' | 'minimal' | 'ours', rate: number | undefined) => (rate === undefined ? `none of the rates tried (from ${lowestTried(setting, side) ?? 0}/s)` : `${rate}/s`);
		const open = (['bare', 'minimal', 'ours'] as const).filter((side) => capacityOpen(setting, side, loose));
		sentences.push(
			`${setting.label}, p99 < ${loose / 1000} s: n8n's Webhook node ${describe('bare', bare)}, the minimal community trigger ${describe('minimal', minimal)}, ours ${describe('ours', ours)}` +
				(ours !== undefined && bare !== undefined ? ` (${num(ratio(ours, bare))}× the Webhook node)` : '') +
				(open.length ? `; no step failed for ${list(open.map((side) => SIDE_NAMES[side]))}, so ${open.length > 1 ? 'those rates are only lower bounds' : 'that rate is only a lower bound'}.` : '.'),
		);
		const cut = setting.sides.filter((side) => side.stopped !== 'resolved');
		if (cut.length) {
			sentences.push(
				`${setting.label}: the search stopped before every bracket was within ${Math.round(capacity.resolution * 100)} % for ${list(cut.map((side) => `${SIDE_NAMES[side.side]} (${side.stopped === 'budget' ? 'time budget' : `${capacity.maxSteps} steps`})`))}.`,
			);
		}
	}
	for (const engine of [...new Set(capacity.settings.filter((setting) => setting.webhookProcessors > 0).map((setting) => setting.engine))]) {
		const queue1 = capacity.settings.find((setting) => setting.engine === engine && setting.webhookProcessors === 1);
		const queue2 = capacity.settings.find((setting) => setting.engine === engine && setting.webhookProcessors === 2);
		const one = queue1 && capacityOf(queue1, 'ours', loose);
		const two = queue2 && capacityOf(queue2, 'ours', loose);
		if (one === undefined || two === undefined || !queue1 || !queue2) continue;
		const bounded = !capacityOpen(queue1, 'ours', loose) && !capacityOpen(queue2, 'ours', loose);
		sentences.push(`Queue mode (${engineWords(engine)}), ours: 2 webhook processors sustained ${num(ratio(two, one))}× what 1 did on the same cores${bounded ? '' : ' (from lower bounds)'}.`);
	}
	const behind = capacity.settings.flatMap((setting) => setting.sides.flatMap((side) => side.steps.filter((step) => step.errors === 0 && step.p99Ms < loose && !keptUp(step)).map((step) => ({ setting, side, step }))));
	if (behind.length) {
		sentences.push(
			`Steps whose acks were in time but whose executions fell behind (the last finished more than ${CAPACITY_FINISH_WITHIN_SECONDS} s after the last ack), so they did not pass: ${behind.map(({ setting, side, step }) => `${setting.key} ${SIDE_NAMES[side.side]} at ${step.ratePerSecond}/s (${step.drainSeconds} s)`).join(', ')}.`,
		);
	}
	if (capacity.queueSkipped) sentences.push(`Queue mode: not measured (${capacity.queueSkipped}).`);
	return sentences;
}

/** Sections measured by a later BENCH_ONLY run and merged into this report: when, by what, under which load. */
export function mergedSectionSentences(results: BenchResults): string[] {
	const later = [
		{ name: 'Section 2b', part: results.getMany },
		{ name: 'Section 7', part: results.decisions },
		{ name: 'Section 8', part: results.capacity },
	].filter((entry) => entry.part?.command.includes('BENCH_ONLY'));
	return later.map(
		({ name, part }) =>
			`${name} was measured separately, ${part?.measuredAt} by \`${part?.command}\` (load average ${num(part?.loadAverageStart ?? Number.NaN)} → ${num(part?.loadAverageEnd ?? Number.NaN)}); the load figures above are the run's of ${results.machine.date} except for its own sections.`,
	);
}

/** The "Reading this run" section: the machine, the targets, the comparison with the previous run. */
export function readingThisRun(results: BenchResults, checks: TargetCheck[]): string {
	return [
		'## Reading this run',
		'',
		[
			...machineSentences({ loadAverageStart: results.machine.loadAverageStart, loadAverageEnd: results.machine.loadAverageEnd, cores: results.machine.cores, sections: results.sectionLoad ?? [] }),
			...mergedSectionSentences(results),
		].join(' '),
		'',
		targetSentences(checks).join(' '),
		'',
		'## Compared with the previous run',
		'',
		...comparisonLines(results, checks),
		'',
		'Why n8n costs what it does per callback and per item, and why some targets are out of the package\'s reach, is explained (without run figures) in [EXPLANATIONS.md](EXPLANATIONS.md), from the profiles in [PROFILES.md](PROFILES.md).',
	].join('\n');
}

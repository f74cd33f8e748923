/** The report's prose is made from the run: given results, these are the sentences (quiet and loaded machines, targets, the previous run, capacity). */
import type { SectionLoad } from '../../machine';
import { capacitySentences, comparisonLines, machineSentences, readingThisRun, targetSentences } from '../../narrative';
import { capacityTable, markdownReport } from '../../report';
import { checkTargets, previousRunOf } from '../../results';
import { benchResults, capacityResults, capacitySetting, step } from './fixtures';

const section = (name: string, max: number, otherBusy: string[] = []): SectionLoad => ({ section: name, start: 0.5, max, end: 1, otherBusy, seconds: 60 });

describe('machine sentences', () => {
	it('calls a run quiet when it started below half the cores and nothing else was seen busy', () => {
		const sentences = machineSentences({ loadAverageStart: 0.4, cores: 2, sections: [section('1 callbacks, legacy engine', 2.1), section('6 queue mode', 7.5)] });
		expect(sentences[0]).toBe('The machine was quiet when the run started: load average 0.40 on 2 cores.');
		expect(sentences[1]).toContain("No process other than the benchmark's own was seen busy");
		expect(sentences[1]).toContain('highest 7.50, in 6 queue mode');
		expect(sentences.join(' ')).not.toMatch(/busy machine|read the ratios first/);
	});

	it('says a run was loaded, and where, when it started busy or other processes were seen', () => {
		const sentences = machineSentences({
			loadAverageStart: 5.2,
			cores: 2,
			sections: [section('1 callbacks, legacy engine', 6.3, ['npm install n8n', 'node']), section('2 action node', 3)],
		});
		expect(sentences[0]).toBe('The machine was busy when the run started: load average 5.20 on 2 cores, above the 1.0 this report calls quiet: other work was running, or had just stopped, when the benchmark began.');
		expect(sentences[1]).toBe('Other processes were seen busy (≥ 20 % CPU) during 1 of 2 sections: 1 callbacks, legacy engine (npm install n8n, node; load average up to 6.30).');
		expect(sentences[2]).toContain('read the ratios first');
	});

	it('calls a run loaded when others were busy during it, even if it started quiet', () => {
		const sentences = machineSentences({ loadAverageStart: 0.2, cores: 2, sections: [section('8 capacity, default engine', 4, ['jest'])] });
		expect(sentences[0]).toContain('quiet when the run started');
		expect(sentences.join(' ')).toContain('8 capacity, default engine (jest;');
		expect(sentences.join(' ')).toContain('read the ratios first');
	});
});

describe('target sentences', () => {
	it('counts the targets met and names each one missed with its figure', () => {
		expect(
			targetSentences([
				{ target: 'a', measured: '1.2×', met: true },
				{ target: 'b', measured: '0.8×', met: false },
			]),
		).toEqual(['1 of 2 targets met.', 'Missed: b (0.8×).']);
		expect(targetSentences([{ target: 'a', measured: '1.2×', met: true }])).toEqual(['1 of 1 targets met.']);
	});
});

describe('comparison with the previous run', () => {
	it('says there is nothing to compare with when no results were replaced', () => {
		expect(comparisonLines(benchResults(), [])).toEqual(['No earlier results were recorded with this run (none were at its output path), so there is nothing to compare with.']);
	});

	it('tabulates the shared figures with their change, and the targets that changed', () => {
		const before = benchResults({ machine: { ...benchResults().machine, date: '2026-11-30T10:00:00.000Z', gitCommit: 'old1234', loadAverageStart: 6 } });
		before.inProcess.userSig = { ...before.inProcess.userSig, oursOpsPerSecond: 100_000, ratio: 0.9 };
		const after = benchResults({ previous: previousRunOf(before) });
		const lines = comparisonLines(after, checkTargets(after));
		expect(lines[0]).toContain('Previous run: 2026-11-30T10:00:00.000Z (old1234), load average 6.00 at its start');
		expect(lines[0]).toContain('One started busy and the other quiet');
		expect(lines).toContain('| UserSig ops/s, ours | 100,000 | 180,000 | +80 % |');
		expect(lines).toContain('Targets met now and missed before: our UserSig no slower than the official library.');
	});

	it('does not compare runs of different scales', () => {
		const before = benchResults({ config: { ...benchResults().config, scale: 'smoke' } });
		expect(comparisonLines(benchResults({ previous: previousRunOf(before) }), [])).toEqual(['The previous results at this output path were at scale smoke, this run at full: not compared.']);
	});
});

describe('capacity sentences', () => {
	const legacy = capacitySetting('legacy', { bare: [step(50, 400), step(60, 2500)], minimal: [step(40, 400), step(50, 2500)], ours: [step(39, 400), step(48, 2500)] });
	const vm = capacitySetting('default', { bare: [step(20, 400)], minimal: [step(14, 400), step(16, 2400)], ours: [step(12, 400), step(13, 2400)] });

	it('reports the goal per setting and each side against the Webhook node, from the figures', () => {
		const sentences = capacitySentences(capacityResults([legacy, vm]));
		expect(sentences[0]).toBe('Goal met in 1 of 2 settings; not met in regular mode, default engine (p99 < 2 s: 12 vs 14/s (0.86×); p99 < 1 s: 12 vs 14/s (0.86×)).');
		expect(sentences).toContain("regular mode, legacy engine, p99 < 2 s: n8n's Webhook node 50/s, the minimal community trigger 40/s, ours 39/s (0.78× the Webhook node).");
		expect(sentences).toContain("regular mode, default engine, p99 < 2 s: n8n's Webhook node 20/s, the minimal community trigger 14/s, ours 12/s (0.60× the Webhook node); no step failed for n8n's Webhook node, so that rate is only a lower bound.");
	});

	it('says when the goal is met everywhere, and compares queue layouts', () => {
		const q1 = capacitySetting('queue-1', { bare: [step(10, 400), step(11, 2400)], minimal: [step(8, 400), step(8.4, 2400)], ours: [step(8, 400), step(8.4, 2400)] });
		const q2 = capacitySetting('queue-2', { bare: [step(12, 400), step(13, 2400)], minimal: [step(10, 400), step(10.5, 2400)], ours: [step(10, 400), step(10.5, 2400)] });
		const sentences = capacitySentences(capacityResults([q1, q2]));
		expect(sentences[0]).toBe("Goal met in every setting measured (2): our trigger sustained at least 0.95× the minimal community trigger's rate under every bound.");
		expect(sentences).toContain('Queue mode (default engine), ours: 2 webhook processors sustained 1.25× what 1 did on the same cores.');
	});
});

describe('the capacity table', () => {
	it('marks a rate no step failed as a lower bound, and a side that passed nothing as none', () => {
		const setting = capacitySetting('default', { bare: [step(20, 400)], minimal: [step(14, 400), step(16, 2400)], ours: [step(12, 2400)] });
		expect(capacityTable(capacityResults([setting]))).toContain('| regular mode, default engine | ≥ 20.0/s | 14.0/s | none | 0.00× | ≥ 20.0/s | 14.0/s | none | 0.00× |');
	});
});

describe('sections merged from a later BENCH_ONLY run', () => {
	it('says which section was measured separately, when and under which load', () => {
		const capacity = { ...capacityResults([]), command: 'BENCH_ONLY=capacity npm run bench', measuredAt: '2026-12-03T08:00:00Z', loadAverageStart: 3.1, loadAverageEnd: 4 };
		const text = readingThisRun(benchResults({ capacity }), []);
		expect(text).toContain('Section 8 was measured separately, 2026-12-03T08:00:00Z by `BENCH_ONLY=capacity npm run bench` (load average 3.10 → 4.00)');
		expect(readingThisRun(benchResults({ capacity: capacityResults([]) }), [])).not.toContain('measured separately');
	});
});

describe('the report', () => {
	it('contains no fixed claim about the machine: a loaded run reads as loaded, a quiet one as quiet', () => {
		const loaded = benchResults({ machine: { ...benchResults().machine, loadAverageStart: 9 }, sectionLoad: [section('1 callbacks, legacy engine', 9, ['npm'])] });
		const quiet = benchResults({ sectionLoad: [section('1 callbacks, legacy engine', 2)] });
		expect(readingThisRun(loaded, checkTargets(loaded))).toContain('The machine was busy when the run started');
		expect(readingThisRun(quiet, checkTargets(quiet))).toContain('The machine was quiet when the run started');
		for (const report of [markdownReport(loaded), markdownReport(quiet)]) {
			expect(report).not.toMatch(/quiet 2-core machine|load 1\.5|about 12 min/);
			expect(report).toContain('[EXPLANATIONS.md](EXPLANATIONS.md)');
		}
		expect(markdownReport(loaded)).toContain('This run took 30.0 min on 2 cores.');
	});
});

/**
 * Section 2b without n8n: the DIY chain's flatten step (run as n8n's Code node would, with `$input`), and how
 * the figures become the target and the report (a faster side that returned other records does not pass).
 */
import { FLATTEN_RECORD_PAGES_CODE } from '../../diyCode';
import { getManySection, getManySummaryRows, getManyTarget, type GetManyResults, type GetManyRun, type GetManySide } from '../../getMany';

type Item = { json: Record<string, unknown> };

function runCode(code: string, items: Item[]): Item[] {
	return new Function('$input', code)({ all: () => items }) as Item[];
}

const page = (records: Record<string, unknown>[], extra: Record<string, unknown> = {}): Item => ({
	json: { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '', IMCdrList: records, TotalCount: 3, ...extra },
});

describe('the DIY flatten step', () => {
	it('turns one item per page into one item per record, in page order', () => {
		const out = runCode(FLATTEN_RECORD_PAGES_CODE, [page([{ SessionId: 'a' }, { SessionId: 'b' }]), page([{ SessionId: 'c' }]), page([])]);
		expect(out).toEqual([{ json: { SessionId: 'a' } }, { json: { SessionId: 'b' } }, { json: { SessionId: 'c' } }]);
	});

	it('fails on a page Tencent answered with an error (HTTP 200, ErrorCode set)', () => {
		const limited = page([], { ActionStatus: 'FAIL', ErrorCode: 141009, ErrorInfo: 'rate limited', IMCdrList: undefined });
		expect(() => runCode(FLATTEN_RECORD_PAGES_CODE, [page([{ SessionId: 'a' }]), limited])).toThrow('describe_im_cdr_list: 141009 rate limited');
	});
});

function run(side: GetManySide, round: number, wallSeconds: number, overrides: Partial<GetManyRun> = {}): GetManyRun {
	return {
		side,
		round,
		records: 1_250,
		wallSeconds,
		recordsPerSecond: 1_250 / wallSeconds,
		roundTripSeconds: wallSeconds + 0.05,
		nodeSeconds: { [side]: wallSeconds },
		simulator: { requests: 13, ok: 13, rateLimited: 0, otherErrors: 0, peakRequestsPerSecond: 13 },
		status: 'success',
		allRecords: true,
		sameAsOtherSide: true,
		...overrides,
	};
}

function results(runs: GetManyRun[]): GetManyResults {
	return {
		command: 'describe_im_cdr_list',
		pageSize: 100,
		records: 1_250,
		pages: 13,
		rounds: 2,
		rateLimit: 200,
		setting: 'default',
		runs,
		measuredAt: '2026-12-02T12:00:00Z',
		loadAverageStart: 1,
		loadAverageEnd: 1,
		durationSeconds: 60,
	};
}

describe('the Get Many figures', () => {
	it('rates records/s over all runs of a side and meets the target when ours is at least as fast with the same records', () => {
		const figures = results([run('diy', 1, 0.5), run('ours', 1, 0.2), run('ours', 2, 0.3), run('diy', 2, 0.5)]);
		const target = getManyTarget(figures);
		// ours: 2,500 records in 0.5 s; DIY: 2,500 in 1.0 s.
		expect(target).toMatchObject({ met: true });
		expect(target?.measured).toMatch(/^2\.00× records\/s/);
		const rows = getManySummaryRows(figures);
		expect(rows.map((row) => row.ratio)).toEqual([expect.stringMatching(/^2\.00× DIY/), '(baseline)']);
		expect(getManySection(figures, 'full')).toContain('**Target**');
	});

	it('misses the target when the records differ, however fast', () => {
		const figures = results([run('diy', 1, 0.5, { sameAsOtherSide: false }), run('ours', 1, 0.1, { allRecords: false, records: 1_249, sameAsOtherSide: false })]);
		expect(getManyTarget(figures)).toMatchObject({ met: false, measured: expect.stringContaining('records differ') });
		expect(getManySection(figures, 'full')).toContain('records MISSING or extra');
	});

	it('misses it when ours is slower', () => {
		expect(getManyTarget(results([run('diy', 1, 0.2), run('ours', 1, 0.3)]))).toMatchObject({ met: false });
	});

	it('says so when the section was not part of the run', () => {
		expect(getManyTarget(undefined)).toBeUndefined();
		expect(getManySummaryRows(undefined)).toEqual([]);
		expect(getManySection(undefined, 'full')).toContain('Not part of this run.');
	});
});

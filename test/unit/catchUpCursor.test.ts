import fc from 'fast-check';

import {
	advance,
	type CatchUpState,
	initialState,
	rangeToRead,
	readState,
} from '../../nodes/TencentCloudDeskSessionRecordTrigger/catchUpCursor';

const T0 = 1_764_662_400; // 2025-12-02T08:00:00Z
const LOOK_BACK = 600;

/** A record in a model of Desk: when the session ended, and when Desk made its record readable (never before). */
interface ModelRecord {
	SessionId: string;
	endAt: number;
	writtenAt: number;
}

/** One poll against the model: what Desk returns for the range at `now`, then the cursor's advance. */
function pollModel(state: CatchUpState, desk: readonly ModelRecord[], now: number, lookBack: number) {
	const range = rangeToRead(state, now, lookBack);
	const returned = range
		? desk.filter((record) => record.writtenAt <= now && record.endAt >= range.start && record.endAt <= range.end)
		: [];
	return advance(state, returned, now, lookBack);
}

/**
 * Runs polls at `times` like n8n does: state changes are saved only by a poll that emits, and a restart
 * (after the poll with that index) falls back to what was saved.
 */
function runPolls(
	desk: readonly ModelRecord[],
	times: readonly number[],
	restartsAfter: ReadonlySet<number>,
	from: number,
	lookBack: number,
) {
	let memory = initialState('test', from);
	let saved = memory;
	const emitted: string[] = [];
	const seenSizes: Array<{ size: number; now: number; state: CatchUpState }> = [];
	times.forEach((now, index) => {
		const { fresh, next } = pollModel(memory, desk, now, lookBack);
		emitted.push(...fresh.map((record) => record.SessionId));
		memory = next;
		if (fresh.length > 0) saved = structuredClone(next);
		seenSizes.push({ size: Object.keys(next.seen).length, now, state: next });
		if (restartsAfter.has(index)) memory = structuredClone(saved);
	});
	return { emitted, seenSizes, memory };
}

/** Records ending over an hour, each written up to `lookBack` after it ended; poll times ascending. */
const scenario = fc
	.record({
		records: fc.array(
			fc.record({ endOffset: fc.integer({ min: 0, max: 3600 }), lag: fc.integer({ min: 0, max: LOOK_BACK }) }),
			{ maxLength: 80 },
		),
		gaps: fc.array(fc.integer({ min: 1, max: 900 }), { minLength: 1, maxLength: 30 }),
		restarts: fc.array(fc.nat({ max: 40 }), { maxLength: 6 }),
		fromOffset: fc.integer({ min: -300, max: 600 }),
	})
	.map(({ records, gaps, restarts, fromOffset }) => {
		const desk = records.map((record, index) => ({
			SessionId: `session-${index}`,
			endAt: T0 + record.endOffset,
			writtenAt: T0 + record.endOffset + record.lag,
		}));
		const times: number[] = [];
		let now = T0 - 60;
		for (const gap of gaps) times.push((now += gap));
		// A final poll after every record was written, one look-back later.
		times.push(Math.max(now, ...desk.map((record) => record.writtenAt)) + 1);
		return { desk, times, restarts: new Set(restarts), from: T0 + fromOffset };
	});

describe('catch-up cursor: properties', () => {
	it('emits every session that ended since the start exactly once, across late records and restarts', () => {
		fc.assert(
			fc.property(scenario, ({ desk, times, restarts, from }) => {
				const { emitted } = runPolls(desk, times, restarts, from, LOOK_BACK);
				const expected = desk.filter((record) => record.endAt >= from).map((record) => record.SessionId);
				expect(emitted.length).toBe(new Set(emitted).size);
				expect([...emitted].sort()).toEqual([...expected].sort());
			}),
			{ numRuns: 300 },
		);
	});

	it('keeps only ids a future window could still return (bounded memory)', () => {
		fc.assert(
			fc.property(scenario, ({ desk, times, restarts, from }) => {
				const { seenSizes } = runPolls(desk, times, restarts, from, LOOK_BACK);
				for (const { now, state } of seenSizes) {
					for (const at of Object.values(state.seen)) {
						expect(at).toBeGreaterThanOrEqual(now - LOOK_BACK);
						expect(at).toBeLessThanOrEqual(now);
					}
				}
			}),
			{ numRuns: 200 },
		);
	});

	it('reads from cursor − look-back (never before the start) to now', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 0, max: 400 * 86_400 }),
				fc.integer({ min: 0, max: 400 * 86_400 }),
				fc.integer({ min: 0, max: 86_400 }),
				fc.integer({ min: 60, max: 86_400 }),
				(fromBack, cursorBack, nowForward, lookBack) => {
					const now = T0 + nowForward;
					const state: CatchUpState = { origin: 'o', from: T0 - fromBack, cursor: T0 - cursorBack, seen: {} };
					expect(rangeToRead(state, now, lookBack)).toEqual({ start: Math.max(state.from, state.cursor - lookBack), end: now });
				},
			),
		);
	});

	it('never emits an id twice within one poll, whatever Desk repeats across pages', () => {
		fc.assert(
			fc.property(fc.array(fc.constantFrom('a', 'b', 'c', '__proto__', 'constructor', 'toString')), (ids) => {
				const { fresh } = advance(initialState('o', T0), ids.map((SessionId) => ({ SessionId })), T0, LOOK_BACK);
				expect(fresh.map((record) => record.SessionId)).toEqual([...new Set(ids)]);
			}),
		);
	});
});

describe('catch-up cursor: examples', () => {
	it('a record written late, inside the look-back, is emitted once; a repeat of it is not', () => {
		const first = advance(initialState('o', T0), [{ SessionId: 'a' }], T0 + 60, LOOK_BACK);
		expect(first.fresh).toEqual([{ SessionId: 'a' }]);
		expect(rangeToRead(first.next, T0 + 120, LOOK_BACK)).toEqual({ start: T0, end: T0 + 120 });
		const second = advance(first.next, [{ SessionId: 'a' }, { SessionId: 'b' }], T0 + 120, LOOK_BACK);
		expect(second.fresh).toEqual([{ SessionId: 'b' }]);
		expect(second.next).toEqual({ origin: 'o', from: T0, cursor: T0 + 120, seen: { a: T0 + 60, b: T0 + 120 } });
	});

	it('forgets an id once the windows start after it was seen', () => {
		const first = advance(initialState('o', T0), [{ SessionId: 'a' }], T0 + 60, LOOK_BACK);
		const later = advance(first.next, [], T0 + 60 + LOOK_BACK + 1, LOOK_BACK);
		expect(later.next.seen).toEqual({});
		expect(rangeToRead(later.next, T0 + 2000, LOOK_BACK)?.start).toBe(T0 + 61);
	});

	it('a record that the previous poll had already forgotten is still not emitted again in this poll', () => {
		const state: CatchUpState = { origin: 'o', from: 0, cursor: T0, seen: { a: T0 - LOOK_BACK } };
		const { fresh, next } = advance(state, [{ SessionId: 'a' }], T0 + 10, LOOK_BACK);
		expect(fresh).toEqual([]);
		expect(next.seen).toEqual({});
	});

	it('skips records without a SessionId rather than emitting them at every poll', () => {
		const { fresh } = advance(initialState('o', T0), [{ SessionId: '' }, {}, { SessionId: 7 }], T0, LOOK_BACK);
		expect(fresh).toEqual([]);
	});

	it('reads nothing before a start date in the future, and the cursor never moves backwards', () => {
		const state = initialState('o', T0 + 3600);
		expect(rangeToRead(state, T0, LOOK_BACK)).toBeUndefined();
		expect(advance(state, [], T0, LOOK_BACK).next.cursor).toBe(T0 + 3600);
	});

	it('a start date a year back is one range (the record reader cuts it into pieces)', () => {
		expect(rangeToRead(initialState('o', T0 - 365 * 86_400), T0, LOOK_BACK)).toEqual({ start: T0 - 365 * 86_400, end: T0 });
	});
});

describe('readState', () => {
	const stored = { origin: 'date:1', from: 1, cursor: T0, seen: { a: T0, b: 'x' } };

	it('reads a stored state, dropping malformed ids', () => {
		expect(readState(JSON.parse(JSON.stringify(stored)), 'date:1')).toEqual({ origin: 'date:1', from: 1, cursor: T0, seen: { a: T0 } });
	});

	it('starts over when the first-run choice changed or the state is malformed', () => {
		expect(readState(stored, 'now')).toBeUndefined();
		for (const raw of [undefined, null, 'x', [], { ...stored, cursor: 'x' }, { ...stored, from: null }, { ...stored, seen: [] }]) {
			expect(readState(raw, 'date:1')).toBeUndefined();
		}
	});

	it('an id named __proto__ survives a round trip through JSON as an ordinary id', () => {
		const { next } = advance(initialState('o', T0), [{ SessionId: '__proto__' }], T0, LOOK_BACK);
		const restored = readState(JSON.parse(JSON.stringify(next)), 'o') as CatchUpState;
		expect(Object.keys(restored.seen)).toEqual(['__proto__']);
		expect(advance(restored, [{ SessionId: '__proto__' }], T0 + 1, LOOK_BACK).fresh).toEqual([]);
	});
});

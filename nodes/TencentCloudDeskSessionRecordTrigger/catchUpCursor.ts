/**
 * The trigger's memory between polls, as pure functions (no n8n, no clock): where the last poll read up
 * to, which sessions it already emitted, and which time windows the next poll reads.
 *
 * Each poll reads from `cursor − lookBack` to now, so a record Desk writes late (up to `lookBack` after
 * the session ended) is still found; the overlap makes polls see records again, so the ids already
 * emitted are kept until no future window can return them, and no longer (memory stays bounded).
 * All times are Unix seconds, Desk's unit for `describe_im_cdr_list`.
 */
import type { TimeWindow } from '../shared/timeWindows';

/** What the trigger keeps in the workflow's static data. */
export interface CatchUpState {
	/** Which first-run choice this state started from; another choice starts over. */
	origin: string;
	/** Sessions that ended before this are never read (the first-run choice: now, or a date). */
	from: number;
	/** Everything up to here (inclusive) has been read. */
	cursor: number;
	/** SessionId → the end of the window in which it was emitted. */
	seen: Record<string, number>;
}


/** The state from static data, or undefined when there is none, it is malformed, or it began from another choice. */
export function readState(raw: unknown, origin: string): CatchUpState | undefined {
	if (!raw || typeof raw !== 'object') return undefined;
	const { origin: storedOrigin, from, cursor, seen } = raw as Partial<CatchUpState>;
	if (storedOrigin !== origin || !isTime(from) || !isTime(cursor)) return undefined;
	if (!seen || typeof seen !== 'object' || Array.isArray(seen)) return undefined;
	const kept = idMap();
	for (const [id, at] of Object.entries(seen)) if (typeof at === 'number') kept[id] = at;
	return { origin, from, cursor, seen: kept };
}

export function initialState(origin: string, from: number): CatchUpState {
	return { origin, from, cursor: from, seen: idMap() };
}

/**
 * The range the next poll reads: from `cursor − lookBack` (never before `from`) to `now`, of any length
 * (the record reader cuts it into pieces Desk accepts). Undefined when the start lies in the future (a
 * first-run date not reached yet).
 */
export function rangeToRead(state: CatchUpState, now: number, lookBackSeconds: number): TimeWindow | undefined {
	const start = Math.max(0, state.from, state.cursor - lookBackSeconds);
	return start <= now ? { start, end: now } : undefined;
}

/**
 * After reading every window up to `now`: which of the records are new (in the order given, each id once),
 * and the state to keep. An id stays in `seen` while a future window (starting at `now − lookBack` or
 * later) could still return it: Desk returned it by a time at or before `now`, so once the windows start
 * after the moment it was first seen, it cannot come back.
 */
export function advance<T extends { SessionId?: unknown }>(
	state: CatchUpState,
	records: readonly T[],
	now: number,
	lookBackSeconds: number,
): { fresh: T[]; next: CatchUpState } {
	const cursor = Math.max(state.cursor, now);
	const keepFrom = cursor - lookBackSeconds;
	const seen = idMap();
	for (const [id, at] of Object.entries(state.seen)) if (at >= keepFrom) seen[id] = at;
	const fresh: T[] = [];
	for (const record of records) {
		const id = sessionIdOf(record);
		// A record without a SessionId cannot be deduplicated; emitting it each time would repeat it forever.
		if (id === undefined || has(seen, id) || has(state.seen, id)) continue;
		seen[id] = cursor;
		fresh.push(record);
	}
	return { fresh, next: { origin: state.origin, from: state.from, cursor, seen } };
}

/** Session ids are Tencent's strings: no prototype, so an id such as "__proto__" is an ordinary key. */
function idMap(): Record<string, number> {
	return Object.create(null) as Record<string, number>;
}

function isTime(value: unknown): value is number {
	return typeof value === 'number' && Number.isFinite(value);
}

function has(map: Record<string, number>, id: string): boolean {
	return Object.prototype.hasOwnProperty.call(map, id);
}

function sessionIdOf(record: { SessionId?: unknown }): string | undefined {
	const id = record.SessionId;
	return typeof id === 'string' && id !== '' ? id : undefined;
}

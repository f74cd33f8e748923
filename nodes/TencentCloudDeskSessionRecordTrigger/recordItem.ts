/**
 * The item a session record becomes: every field Desk sent, unchanged (Tencent's PascalCase names),
 * plus the start and end as ISO 8601, which users would otherwise compute from seconds.
 */
import type { IDataObject } from 'n8n-workflow';

/**
 * Unix seconds the session ended: `Timestamp` is its start and `Duration` its length in seconds
 * (UNCONFIRMED by Tencent's page; the simulator and the records we have seen agree). undefined when
 * either is missing.
 */
export function recordEndSeconds(record: IDataObject): number | undefined {
	const { Timestamp: start, Duration: duration } = record;
	if (typeof start !== 'number' || !Number.isFinite(start)) return undefined;
	return start + (typeof duration === 'number' && Number.isFinite(duration) ? duration : 0);
}

function isoFromSeconds(seconds: number | undefined): string | null {
	if (seconds === undefined) return null;
	const date = new Date(seconds * 1000);
	return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

export function recordItem(record: IDataObject): IDataObject {
	const start = typeof record.Timestamp === 'number' ? record.Timestamp : undefined;
	return { ...record, startTime: isoFromSeconds(start), endTime: isoFromSeconds(recordEndSeconds(record)) };
}

/** Oldest end first, so a workflow handles sessions in the order they ended; records without times last. */
export function byEndTime(a: IDataObject, b: IDataObject): number {
	return (recordEndSeconds(a) ?? Number.MAX_SAFE_INTEGER) - (recordEndSeconds(b) ?? Number.MAX_SAFE_INTEGER);
}

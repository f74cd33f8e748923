/** Desk's `EventTime` (Unix milliseconds, as a number or, on some pages, a string) as ISO 8601, or null. */
export function isoTime(eventTime: unknown): string | null {
	const ms = typeof eventTime === 'string' && /^\d+$/.test(eventTime) ? Number(eventTime) : eventTime;
	if (typeof ms !== 'number' || !Number.isFinite(ms)) return null;
	const date = new Date(ms);
	return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

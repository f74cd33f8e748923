/** Desk's `EventTime` (Unix milliseconds, as a number or, on some pages, a string) as ISO 8601, or null. */
export function isoTime(eventTime: unknown): string | null {
	const ms = typeof eventTime === 'string' && /^\d+$/.test(eventTime) ? Number(eventTime) : eventTime;
	if (typeof ms !== 'number' || !Number.isFinite(ms)) return null;
	const date = new Date(ms);
	return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** A date parameter's value (Luxon DateTime, ISO string or epoch milliseconds) as epoch milliseconds; NaN if not a date. */
export function dateMillis(raw: unknown): number {
	if (typeof raw === 'number') return raw;
	if (raw && typeof raw === 'object' && 'toMillis' in raw) return (raw as { toMillis(): number }).toMillis();
	return Date.parse(String(raw));
}

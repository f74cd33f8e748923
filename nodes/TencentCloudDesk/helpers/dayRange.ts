/**
 * Desk's statistics count whole days: From is 00:00:00 of the first day and To 23:59:59 of the
 * last, in Unix seconds. Which time zone Desk's days are in is not documented (its samples are
 * China time, UTC+8), so the node takes the days in a time zone the user can set, by default
 * the workflow's.
 */
import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

interface CalendarDate {
	year: number;
	month: number;
	day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

/** The offset of `timeZone` from UTC at `utcMillis`, in milliseconds (local − UTC). */
function zoneOffset(utcMillis: number, timeZone: string): number {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: 'numeric',
		day: 'numeric',
		hour: 'numeric',
		minute: 'numeric',
		second: 'numeric',
	}).formatToParts(new Date(utcMillis));
	const part = (type: string) => Number(parts.find((entry) => entry.type === type)?.value ?? 0);
	const local = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
	return local - Math.floor(utcMillis / 1000) * 1000;
}

/** Unix milliseconds of 00:00:00 on `date` in `timeZone`. */
function startOfDay({ year, month, day }: CalendarDate, timeZone: string): number {
	const asUtc = Date.UTC(year, month - 1, day);
	const guess = asUtc - zoneOffset(asUtc, timeZone);
	// Once more at the guess, for a zone whose offset changes around midnight.
	return asUtc - zoneOffset(guess, timeZone);
}

/** The calendar day a date-time parameter names: the date as written, or, for an instant, its date in `timeZone`. */
function calendarDate(raw: unknown, timeZone: string): CalendarDate | undefined {
	let text: string | undefined;
	if (typeof raw === 'string') text = raw;
	else if (raw && typeof raw === 'object' && 'toISO' in raw) text = String((raw as { toISO(): string }).toISO());
	else if (typeof raw === 'number' && Number.isFinite(raw)) {
		text = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(raw));
	}
	const match = text?.trim().match(ISO_DATE);
	return match ? { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) } : undefined;
}

export function isTimeZone(timeZone: string): boolean {
	try {
		new Intl.DateTimeFormat('en-US', { timeZone });
		return true;
	} catch {
		return false;
	}
}

/** From (00:00:00 of the start day) and To (23:59:59 of the end day), Unix seconds. */
export function wholeDayRange(
	context: IExecuteFunctions,
	names: { start: string; end: string },
	timeZone: string,
	itemIndex: number,
): { from: number; to: number } {
	if (!isTimeZone(timeZone)) {
		throw new NodeOperationError(context.getNode(), `“${timeZone}” is not a time zone`, {
			itemIndex,
			description: 'Enter an IANA time zone such as Asia/Shanghai or Europe/Berlin, or leave Time Zone empty for the workflow’s.',
		});
	}
	const day = (name: string, label: string): CalendarDate => {
		const raw = context.getNodeParameter(name, itemIndex, '') as unknown;
		const date = calendarDate(raw, timeZone);
		if (!date) {
			throw new NodeOperationError(context.getNode(), `${label} is not a date`, {
				itemIndex,
				description: `Pick a date, or map one such as 2026-11-23. Got “${String(raw)}”.`,
			});
		}
		return date;
	};
	const start = day(names.start, 'Start Date');
	const end = day(names.end, 'End Date');
	const from = startOfDay(start, timeZone) / 1000;
	const to = startOfDay({ ...end, day: end.day + 1 }, timeZone) / 1000 - 1;
	if (to < from) {
		throw new NodeOperationError(context.getNode(), 'End Date is before Start Date', { itemIndex });
	}
	return { from, to };
}

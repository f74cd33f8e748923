/**
 * Desk's `describe_im_cdr_list` refuses a range longer than 31 days (141004). Every reader of session
 * records (Session Record → Get Many, the Session Record Trigger) cuts its range here, the one place.
 * Times are Unix seconds, Desk's unit for that command.
 */

export interface TimeWindow {
	/** Inclusive. */
	start: number;
	/** Inclusive. */
	end: number;
}

/** The longest piece read at once: a day under Desk's 31 leaves room for clock skew. */
export const MAX_WINDOW_SECONDS = 30 * 86_400;

/**
 * `start`..`end` (inclusive) as contiguous pieces Desk accepts, oldest first: each at most
 * MAX_WINDOW_SECONDS long, the next starting the second after the previous ends. Empty when end < start.
 */
export function splitRange({ start, end }: TimeWindow): TimeWindow[] {
	const windows: TimeWindow[] = [];
	for (let from = start; from <= end; from += MAX_WINDOW_SECONDS + 1) {
		windows.push({ start: from, end: Math.min(end, from + MAX_WINDOW_SECONDS) });
	}
	return windows;
}

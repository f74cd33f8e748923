import fc from 'fast-check';

import { MAX_WINDOW_SECONDS, splitRange } from '../../nodes/shared/timeWindows';

const T0 = 1_764_662_400; // 2025-12-02T08:00:00Z

describe('splitRange (the one place session-record ranges are cut for Desk)', () => {
	it('covers the range exactly, in contiguous pieces of at most 30 days, oldest first', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 400 * 86_400 }), fc.integer({ min: 0, max: 400 * 86_400 }), (back, length) => {
				const range = { start: T0 - back, end: T0 - back + length };
				const windows = splitRange(range);
				expect(windows[0].start).toBe(range.start);
				expect(windows.at(-1)?.end).toBe(range.end);
				windows.forEach((window, index) => {
					expect(window.end - window.start).toBeLessThanOrEqual(MAX_WINDOW_SECONDS);
					expect(window.end).toBeGreaterThanOrEqual(window.start);
					if (index > 0) expect(window.start).toBe(windows[index - 1].end + 1);
				});
			}),
		);
	});

	it('keeps a range Desk accepts whole, cuts a year into 13 pieces, and gives nothing for an empty range', () => {
		expect(splitRange({ start: T0, end: T0 + 7 * 86_400 })).toEqual([{ start: T0, end: T0 + 7 * 86_400 }]);
		expect(splitRange({ start: T0 - 365 * 86_400, end: T0 })).toHaveLength(13);
		expect(splitRange({ start: T0, end: T0 - 1 })).toEqual([]);
	});
});

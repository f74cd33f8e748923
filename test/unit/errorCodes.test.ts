/** The error table classifies every rate-limit code as such, so the client's 1 s back-off floor reaches all of them. */
import { DESK_ERRORS, RETRIED_KINDS } from '../../nodes/shared/errorCodes';

test('every "rate limit" / "too many requests" code is kind rateLimit, and retried', () => {
	const rateLimits = Object.entries(DESK_ERRORS).filter(([, info]) => /rate limit|too many requests/i.test(info.meaning));
	expect(rateLimits.map(([code]) => Number(code)).sort((a, b) => a - b)).toEqual([-14, 60007, 60011, 60018, 60019, 141009]);
	for (const [, info] of rateLimits) expect(info.kind).toBe('rateLimit');
	expect(RETRIED_KINDS.has('rateLimit')).toBe(true);
});

test('credential and request errors are never retried', () => {
	for (const kind of ['credential', 'request', 'account', 'notFound', 'state', 'expired'] as const) {
		expect(RETRIED_KINDS.has(kind)).toBe(false);
	}
});

/**
 * Callback authentication (Tencent Cloud Chat "Webhook Overview → Security"): with a token set in
 * the console, every callback's query carries `RequestTime` (Unix seconds) and
 * `Sign = lowercase hex sha256(token + RequestTime)`.
 */
import { createHash, timingSafeEqual } from 'crypto';

export function computeCallbackSign(token: string, requestTime: string | number): string {
	return createHash('sha256').update(`${token}${requestTime}`, 'utf8').digest('hex');
}

export function isValidCallbackSign(token: string, requestTime: string, sign: unknown): boolean {
	if (typeof sign !== 'string') return false;
	const expected = Buffer.from(computeCallbackSign(token, requestTime));
	const actual = Buffer.from(sign);
	return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** Constant-time string equality for query values such as `SdkAppid`. */
export function safeEqual(expected: string, actual: unknown): boolean {
	if (typeof actual !== 'string') return false;
	const a = Buffer.from(expected);
	const b = Buffer.from(actual);
	return a.length === b.length && timingSafeEqual(a, b);
}

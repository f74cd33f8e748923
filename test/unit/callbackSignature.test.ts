import { createHash } from 'crypto';

import fc from 'fast-check';

import { computeCallbackSign, isValidCallbackSign, safeEqual } from '../../nodes/shared/callbackSignature';

// Tencent Cloud Chat "Webhook Overview → Security" example.
const TOKEN = 'xxxxyyyy';
const REQUEST_TIME = '1669872112';
const SIGN = '17773bc39a671d7b9aa835458704d2a6db81360a5940292b587d6d760d484061';

describe('computeCallbackSign', () => {
	it('matches the published vector', () => {
		expect(computeCallbackSign(TOKEN, REQUEST_TIME)).toBe(SIGN);
		expect(computeCallbackSign(TOKEN, Number(REQUEST_TIME))).toBe(SIGN);
	});

	it('is lowercase hex sha256 of token + time, UTF-8', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'grapheme' }), fc.nat(), (token, time) => {
				const expected = createHash('sha256').update(Buffer.from(`${token}${time}`, 'utf8')).digest('hex');
				expect(computeCallbackSign(token, String(time))).toBe(expected);
				expect(computeCallbackSign(token, String(time))).toMatch(/^[0-9a-f]{64}$/);
			}),
			{ seed: 1669872112, numRuns: 200 },
		);
	});
});

describe('isValidCallbackSign', () => {
	it('accepts the published vector', () => {
		expect(isValidCallbackSign(TOKEN, REQUEST_TIME, SIGN)).toBe(true);
	});

	const lastFlipped = SIGN.slice(0, -1) + (SIGN.endsWith('1') ? '2' : '1');
	it.each([
		['one hex digit changed', lastFlipped],
		['first hex digit changed', (SIGN[0] === '0' ? '1' : '0') + SIGN.slice(1)],
		['uppercase hex', SIGN.toUpperCase()],
		['one char short', SIGN.slice(0, -1)],
		['one char long', `${SIGN}0`],
		['doubled', SIGN + SIGN],
		['empty', ''],
		['whitespace around', ` ${SIGN} `],
		['same length, multi-byte characters', 'é'.repeat(64)],
		['same byte length, multi-byte characters', 'é'.repeat(32)],
		['base64 of the digest', Buffer.from(SIGN, 'hex').toString('base64')],
		['the token itself', TOKEN],
	])('rejects %s', (_name, sign) => {
		expect(isValidCallbackSign(TOKEN, REQUEST_TIME, sign)).toBe(false);
	});

	it.each([
		['undefined', undefined],
		['null', null],
		['a number', 1234],
		['an array of the right sign', [SIGN]],
		['an object', { sign: SIGN }],
		['a Buffer of the right sign', Buffer.from(SIGN)],
		['a boolean', true],
	])('rejects %s without throwing', (_name, sign) => {
		expect(() => isValidCallbackSign(TOKEN, REQUEST_TIME, sign)).not.toThrow();
		expect(isValidCallbackSign(TOKEN, REQUEST_TIME, sign)).toBe(false);
	});

	it('rejects the right sign for another token or time', () => {
		expect(isValidCallbackSign('xxxxyyyz', REQUEST_TIME, SIGN)).toBe(false);
		expect(isValidCallbackSign(TOKEN, '1669872113', SIGN)).toBe(false);
		expect(isValidCallbackSign('', REQUEST_TIME, SIGN)).toBe(false);
	});

	it('never throws on arbitrary input', () => {
		fc.assert(
			fc.property(fc.string(), fc.string(), fc.anything(), (token, time, sign) => {
				expect(typeof isValidCallbackSign(token, time, sign)).toBe('boolean');
			}),
			{ seed: 7, numRuns: 300 },
		);
	});
});

describe('safeEqual', () => {
	it.each([
		['1400000000', '1400000000', true],
		['', '', true],
		['客服', '客服', true],
		['1400000000', '1400000001', false],
		['1400000000', '140000000', false],
		['1400000000', '14000000000', false],
		['1400000000', ' 1400000000', false],
		['', 'a', false],
		['a', '', false],
		['é', 'e\u0301', false], // same text to a reader, different code points
		['abc', 'ABC', false],
	])('%j vs %j → %s', (expected, actual, result) => {
		expect(safeEqual(expected, actual)).toBe(result);
	});

	it.each([
		['undefined', undefined],
		['null', null],
		['the same value as a number', 1400000000],
		['an array holding it', ['1400000000']],
		['a Buffer holding it', Buffer.from('1400000000')],
		['an object', { toString: () => '1400000000' }],
	])('rejects %s without throwing', (_name, actual) => {
		expect(safeEqual('1400000000', actual)).toBe(false);
	});

	it('agrees with === on strings', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (a, b) => {
				expect(safeEqual(a, b)).toBe(a === b);
				expect(safeEqual(a, a)).toBe(true);
			}),
			{ seed: 31, numRuns: 300 },
		);
	});
});

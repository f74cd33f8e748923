import * as zlib from 'zlib';

import fc from 'fast-check';

import { decodeUserSig, hasValidSignature, UserSigFormatError } from '../../dev/simulator/userSigCheck';
import { generateUserSig, signUserSigFields, type UserSigFields } from '../../nodes/shared/userSig';
import { zlibStore } from '../../nodes/shared/zlibStored';

// Untyped CommonJS: the reference implementation we must agree with.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Api } = require('tls-sig-api-v2') as {
	Api: new (sdkappid: number, key: string) => { genUserSig(identifier: string, expire: number): string };
};

const VECTOR = {
	key: '5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e',
	fields: { sdkAppId: 1400000000, identifier: 'xiaojun', time: 1700000000, expire: 15552000 },
	sig: 'LvA7d/Iw7gSsnskvVzBDPOCCDbuNCw4GHwTC0bip+B4=',
};

function unescapeUserSig(userSig: string): Buffer {
	return Buffer.from(userSig.replace(/\*/g, '+').replace(/-/g, '/').replace(/_/g, '='), 'base64');
}

function escapeBase64(buffer: Buffer): string {
	return buffer.toString('base64').replace(/\+/g, '*').replace(/\//g, '-').replace(/=/g, '_');
}

function inflateToString(userSig: string): string {
	return zlib.inflateSync(unescapeUserSig(userSig)).toString('utf8');
}

/** The official library reads the clock itself, so pin `Date.now` around the call. */
function officialUserSig(fields: UserSigFields, key: string, millis = 0): string {
	const spy = jest.spyOn(Date, 'now').mockReturnValue(fields.time * 1000 + millis);
	try {
		return new Api(fields.sdkAppId, key).genUserSig(fields.identifier, fields.expire);
	} finally {
		spy.mockRestore();
	}
}

function tamperings(fields: UserSigFields): UserSigFields[] {
	return [
		{ ...fields, identifier: `${fields.identifier}x` },
		{ ...fields, sdkAppId: fields.sdkAppId ^ 1 },
		{ ...fields, time: fields.time + 1 },
		{ ...fields, expire: fields.expire + 1 },
	];
}

describe('published vector', () => {
	it('signUserSigFields gives the documented TLS.sig', () => {
		expect(signUserSigFields(VECTOR.fields, VECTOR.key)).toBe(VECTOR.sig);
	});

	it('generateUserSig carries it in the exact JSON the official library emits', () => {
		const ours = generateUserSig(VECTOR.fields, VECTOR.key);
		const official = officialUserSig(VECTOR.fields, VECTOR.key, 123);
		expect(JSON.parse(inflateToString(ours))['TLS.sig']).toBe(VECTOR.sig);
		expect(JSON.parse(inflateToString(official))['TLS.sig']).toBe(VECTOR.sig);
		expect(inflateToString(ours)).toBe(
			'{"TLS.ver":"2.0","TLS.identifier":"xiaojun","TLS.sdkappid":1400000000,' +
				`"TLS.time":1700000000,"TLS.expire":15552000,"TLS.sig":"${VECTOR.sig}"}`,
		);
		expect(inflateToString(ours)).toBe(inflateToString(official));
	});

	it('uses only the URL-safe alphabet', () => {
		expect(generateUserSig(VECTOR.fields, VECTOR.key)).toMatch(/^[A-Za-z0-9*\-_]+$/);
	});

	it('decodes and verifies', () => {
		const decoded = decodeUserSig(generateUserSig(VECTOR.fields, VECTOR.key), zlib.inflateSync);
		expect(decoded).toEqual({ version: '2.0', ...VECTOR.fields, sig: VECTOR.sig });
		expect(hasValidSignature(decoded, VECTOR.key)).toBe(true);
		expect(hasValidSignature(decoded, VECTOR.key.toUpperCase())).toBe(false);
	});
});

describe('agreement with tls-sig-api-v2 on random inputs', () => {
	const hexKey = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => Buffer.from(b).toString('hex'));
	const key = fc.oneof(
		hexKey,
		fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 80 }),
		fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
	);
	const sdkAppId = fc.oneof(fc.integer({ min: 1400000000, max: 1499999999 }), fc.nat({ max: 0xffffffff }));
	const piece = fc.oneof(
		fc.string({ unit: 'grapheme-ascii', maxLength: 6 }),
		fc.constantFrom(':', ' ', '客服', '小军', '😀', '👩‍💻', 'é', 'e\u0301', '\n', '"', '\\', 'TLS.sig:'),
	);
	const identifier = fc.oneof(
		fc.array(piece, { minLength: 1, maxLength: 6 }).map((parts) => parts.join('')),
		fc.string({ unit: 'grapheme', minLength: 1, maxLength: 32 }),
		fc.stringMatching(/^[A-Za-z0-9_-]{1,32}$/),
	);
	const fields = fc.record({
		sdkAppId,
		identifier,
		time: fc.integer({ min: 0, max: 4102444800 }),
		expire: fc.integer({ min: 1, max: 2 ** 31 }),
	});

	it('same TLS.sig and same JSON, and both decode and verify', () => {
		fc.assert(
			fc.property(fields, key, fc.integer({ min: 0, max: 999 }), (f, k, millis) => {
				const ours = generateUserSig(f, k);
				const official = officialUserSig(f, k, millis);

				const ourJson = inflateToString(ours);
				const officialJson = inflateToString(official);
				expect(ourJson).toBe(officialJson);
				expect(JSON.parse(ourJson)).toEqual(JSON.parse(officialJson));
				expect(JSON.parse(ourJson)['TLS.sig']).toBe(signUserSigFields(f, k));

				const expected = { version: '2.0', ...f, sig: signUserSigFields(f, k) };
				const decodedOurs = decodeUserSig(ours, zlib.inflateSync);
				expect(decodedOurs).toEqual(expected);
				expect(decodeUserSig(official, zlib.inflateSync)).toEqual(expected);

				expect(hasValidSignature(decodedOurs, k)).toBe(true);
				expect(hasValidSignature(decodedOurs, `${k}x`)).toBe(false);
				for (const tampered of tamperings(f)) {
					expect(hasValidSignature({ ...decodedOurs, ...tampered }, k)).toBe(false);
				}
			}),
			{ seed: 20240611, numRuns: 1000 },
		);
	});
});

describe('hasValidSignature', () => {
	const decoded = decodeUserSig(generateUserSig(VECTOR.fields, VECTOR.key), zlib.inflateSync);

	it('rejects a tampered or malformed sig without throwing', () => {
		const flipped = `${VECTOR.sig[0] === 'A' ? 'B' : 'A'}${VECTOR.sig.slice(1)}`;
		for (const sig of [flipped, VECTOR.sig.slice(0, -1), `${VECTOR.sig}=`, '', '\u00ff'.repeat(44)]) {
			expect(hasValidSignature({ ...decoded, sig }, VECTOR.key)).toBe(false);
		}
	});

	it('rejects any changed field', () => {
		for (const tampered of tamperings(VECTOR.fields)) {
			expect(hasValidSignature({ ...decoded, ...tampered }, VECTOR.key)).toBe(false);
		}
	});
});

describe('decodeUserSig rejects malformed input with UserSigFormatError', () => {
	const fromJson = (json: string): string => escapeBase64(zlibStore(Buffer.from(json, 'utf8')));
	const validDoc = JSON.parse(inflateToString(generateUserSig(VECTOR.fields, VECTOR.key))) as Record<string, unknown>;
	const without = (field: string): string => {
		const doc = { ...validDoc };
		delete doc[field];
		return fromJson(JSON.stringify(doc));
	};
	const withValue = (field: string, value: unknown): string =>
		fromJson(JSON.stringify({ ...validDoc, [field]: value }));

	it.each([
		['empty', ''],
		['garbage', 'not a user sig!'],
		['bad base64 characters', 'eJw$%^&'],
		['padding in the middle', 'eJw_abc'],
		['non-ASCII', 'eJwé'],
		['base64 of non-zlib bytes', escapeBase64(Buffer.from('hello, world'))],
		['truncated zlib', escapeBase64(zlibStore(Buffer.from(JSON.stringify(validDoc))).subarray(0, 20))],
		['zlib with a bad checksum', escapeBase64(Buffer.from(zlibStore(Buffer.from('{}')).map((b, i, a) => (i === a.length - 1 ? b ^ 1 : b))))],
		['zlib of non-JSON', fromJson('TLS.ver=2.0')],
		['zlib of JSON null', fromJson('null')],
		['zlib of a JSON number', fromJson('42')],
		['zlib of a JSON string', fromJson('"TLS"')],
		['zlib of an empty object', fromJson('{}')],
		['zlib of an array', fromJson('[1,2]')],
		['missing TLS.ver', without('TLS.ver')],
		['missing TLS.identifier', without('TLS.identifier')],
		['missing TLS.sdkappid', without('TLS.sdkappid')],
		['missing TLS.time', without('TLS.time')],
		['missing TLS.expire', without('TLS.expire')],
		['missing TLS.sig', without('TLS.sig')],
		['numeric TLS.sig', withValue('TLS.sig', 12)],
		['numeric TLS.identifier', withValue('TLS.identifier', 12)],
		['non-numeric TLS.sdkappid', withValue('TLS.sdkappid', 'abc')],
		['fractional TLS.time', withValue('TLS.time', 1.5)],
		['object TLS.expire', withValue('TLS.expire', {})],
		['unsafe-integer TLS.time', withValue('TLS.time', 2 ** 60)],
	])('%s', (_name, userSig) => {
		expect(() => decodeUserSig(userSig, zlib.inflateSync)).toThrow(UserSigFormatError);
	});

	it('wraps an inflater that throws something other than an Error', () => {
		const throwing = (): Buffer => {
			throw 'boom';
		};
		expect(() => decodeUserSig(generateUserSig(VECTOR.fields, VECTOR.key), throwing)).toThrow(UserSigFormatError);
	});
});

import { randomBytes } from 'crypto';
import * as zlib from 'zlib';

import fc from 'fast-check';

import { adler32, zlibStore } from '../../nodes/shared/zlibStored';

/** RFC 1950 §8.2 taken literally: reduce after every byte, combine with arithmetic (no bit ops). */
function naiveAdler32(data: Uint8Array): number {
	let a = 1;
	let b = 0;
	for (const byte of data) {
		a = (a + byte) % 65521;
		b = (b + a) % 65521;
	}
	return b * 65536 + a;
}

/** Deterministic bytes so a failure reproduces (xorshift32). */
function seededBytes(length: number, seed: number): Uint8Array {
	const out = new Uint8Array(length);
	let x = seed >>> 0 || 1;
	for (let i = 0; i < length; i++) {
		x ^= x << 13;
		x >>>= 0;
		x ^= x >>> 17;
		x ^= x << 5;
		x >>>= 0;
		out[i] = x & 0xff;
	}
	return out;
}

/** Walks the stored blocks and checks every header, so a valid-but-different layout is caught. */
function expectWellFormed(stream: Buffer, data: Uint8Array): void {
	const cmf = stream[0];
	const flg = stream[1];
	expect(cmf & 0x0f).toBe(8); // CM = deflate
	expect(cmf >> 4).toBeLessThanOrEqual(7); // CINFO: window ≤ 32K
	expect((cmf * 256 + flg) % 31).toBe(0); // FCHECK
	expect(flg & 0x20).toBe(0); // no preset dictionary

	let pos = 2;
	let copied = 0;
	const expectedBlocks = Math.max(1, Math.ceil(data.length / 65535));
	for (let block = 0; block < expectedBlocks; block++) {
		const last = block === expectedBlocks - 1;
		expect(stream[pos]).toBe(last ? 0x01 : 0x00); // BFINAL, BTYPE=00, rest of the byte zero
		const len = stream.readUInt16LE(pos + 1);
		const nlen = stream.readUInt16LE(pos + 3);
		expect(len ^ nlen).toBe(0xffff);
		expect(len).toBe(last ? data.length - copied : 65535);
		expect(stream.subarray(pos + 5, pos + 5 + len).equals(Buffer.from(data.subarray(copied, copied + len)))).toBe(true);
		pos += 5 + len;
		copied += len;
	}
	expect(copied).toBe(data.length);
	expect(stream.length).toBe(pos + 4);
	expect(stream.readUInt32BE(pos)).toBe(naiveAdler32(data));
}

describe('adler32', () => {
	it('matches known values', () => {
		expect(adler32(new Uint8Array(0))).toBe(1);
		expect(adler32(Buffer.from('a'))).toBe(0x00620062);
		expect(adler32(Buffer.from('abc'))).toBe(0x024d0127);
		expect(adler32(Buffer.from('Wikipedia'))).toBe(0x11e60398);
		expect(adler32(Buffer.from('message digest'))).toBe(0x29750586);
	});

	it('matches the naive definition on random data', () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 12000 }), (data) => {
				expect(adler32(data)).toBe(naiveAdler32(data));
			}),
			{ seed: 1950, numRuns: 300 },
		);
	});

	it.each([1, 5551, 5552, 5553, 11104, 65535, 65536, 100_000])(
		'matches on %i bytes of 0xff (largest sums, chunk edges) and is unsigned',
		(length) => {
			const data = new Uint8Array(length).fill(0xff);
			const value = adler32(data);
			expect(value).toBe(naiveAdler32(data));
			expect(value).toBeGreaterThanOrEqual(0);
			expect(value).toBeLessThan(2 ** 32);
		},
	);

	it('returns values with the high bit set as positive numbers', () => {
		// Find an input whose B half is ≥ 0x8000 so `(b << 16)` would go negative without `>>> 0`.
		const data = new Uint8Array(300).fill(0xff);
		expect(naiveAdler32(data)).toBeGreaterThanOrEqual(2 ** 31);
		expect(adler32(data)).toBe(naiveAdler32(data));
	});
});

describe('zlibStore', () => {
	it.each([
		['empty', new Uint8Array(0)],
		['1 byte', Uint8Array.of(0x42)],
		['1 zero byte', Uint8Array.of(0)],
		['65534 bytes', seededBytes(65534, 1)],
		['exactly 65535 bytes (one full block)', seededBytes(65535, 2)],
		['65536 bytes (second block of 1 byte)', seededBytes(65536, 3)],
		['131070 bytes (two full blocks)', seededBytes(131070, 4)],
		['131071 bytes', seededBytes(131071, 5)],
		['200,000 random bytes (four blocks)', seededBytes(200_000, 6)],
		['200,000 crypto-random bytes', new Uint8Array(randomBytes(200_000))],
	])('%s: well-formed and inflates back exactly', (_name, data) => {
		const stream = zlibStore(data);
		expectWellFormed(stream, data);
		// zlib verifies the header check and the Adler-32 trailer, so success proves both.
		expect(zlib.inflateSync(stream).equals(Buffer.from(data))).toBe(true);
	});

	it('emits exactly the bytes RFC 1950 prescribes for an empty input', () => {
		expect(zlibStore(new Uint8Array(0)).toString('hex')).toBe('7801' + '010000ffff' + '00000001');
	});

	it('round-trips random sizes through zlib', () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 3000 }), (data) => {
				expect(zlib.inflateSync(zlibStore(data)).equals(Buffer.from(data))).toBe(true);
			}),
			{ seed: 1951, numRuns: 200 },
		);
	});

	it('accepts a plain Buffer and does not modify the input', () => {
		const input = Buffer.from('{"TLS.ver":"2.0"}');
		const copy = Buffer.from(input);
		expect(zlib.inflateSync(zlibStore(input)).toString()).toBe('{"TLS.ver":"2.0"}');
		expect(input.equals(copy)).toBe(true);
	});

	it('is rejected by zlib when the trailer or header is corrupted (so the checks above mean something)', () => {
		const stream = zlibStore(Buffer.from('hello'));
		const badTrailer = Buffer.from(stream);
		badTrailer[badTrailer.length - 1] ^= 1;
		expect(() => zlib.inflateSync(badTrailer)).toThrow();
		const badHeader = Buffer.from(stream);
		badHeader[1] ^= 1;
		expect(() => zlib.inflateSync(badHeader)).toThrow();
		expect(() => zlib.inflateSync(stream.subarray(0, stream.length - 1))).toThrow();
	});
});

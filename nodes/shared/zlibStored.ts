/**
 * A minimal RFC 1950 (zlib) encoder using only "stored" deflate blocks.
 *
 * Why not `zlib`: n8n's community-package scanner rejects it. Stored blocks plus the Adler-32
 * trailer are a valid zlib stream that every inflater (Tencent's servers included) reads; the
 * UserSig payload is ~200 bytes, so compression would save almost nothing.
 */

const MAX_STORED_BLOCK = 0xffff;
const ADLER_MOD = 65521;
// Largest run of bytes whose sums cannot overflow 2^53 before reduction (zlib's NMAX).
const ADLER_NMAX = 5552;

export function adler32(data: Uint8Array): number {
	let a = 1;
	let b = 0;
	for (let offset = 0; offset < data.length; offset += ADLER_NMAX) {
		const end = Math.min(offset + ADLER_NMAX, data.length);
		for (let i = offset; i < end; i++) {
			a += data[i];
			b += a;
		}
		a %= ADLER_MOD;
		b %= ADLER_MOD;
	}
	return ((b << 16) | a) >>> 0;
}

export function zlibStore(data: Uint8Array): Buffer {
	const blockCount = Math.max(1, Math.ceil(data.length / MAX_STORED_BLOCK));
	const out = Buffer.alloc(2 + blockCount * 5 + data.length + 4);
	// CMF 0x78: deflate, 32K window. FLG 0x01: no dictionary, (0x7801 % 31 === 0).
	out[0] = 0x78;
	out[1] = 0x01;
	let pos = 2;
	for (let block = 0; block < blockCount; block++) {
		const start = block * MAX_STORED_BLOCK;
		const length = Math.min(MAX_STORED_BLOCK, data.length - start);
		out[pos++] = block === blockCount - 1 ? 0x01 : 0x00; // BFINAL + BTYPE=00 (stored)
		out.writeUInt16LE(length, pos);
		out.writeUInt16LE(~length & 0xffff, pos + 2);
		pos += 4;
		out.set(data.subarray(start, start + length), pos);
		pos += length;
	}
	out.writeUInt32BE(adler32(data), pos);
	return out;
}

/**
 * UserSig (TLSSigAPIv2): the signature Tencent Cloud Chat REST calls carry in their query.
 * Pure functions, shared by the credential, the simulator and the tests. Algorithm and test
 * vector: tencentyun/tls-sig-api-v2-node (`TLSSigAPIv2.js`).
 */
import { createHmac, timingSafeEqual } from 'crypto';

import { zlibStore } from './zlibStored';

export interface UserSigFields {
	sdkAppId: number;
	identifier: string;
	/** Unix seconds when the signature was made. */
	time: number;
	/** Validity in seconds, counted from `time`. */
	expire: number;
}

export interface DecodedUserSig extends UserSigFields {
	version: string;
	sig: string;
}

export class UserSigFormatError extends Error {}

/** The HMAC-SHA256 over Tencent's fixed "TLS.x:value\n" layout, standard base64. */
export function signUserSigFields(fields: UserSigFields, secretKey: string): string {
	const content =
		`TLS.identifier:${fields.identifier}\n` +
		`TLS.sdkappid:${fields.sdkAppId}\n` +
		`TLS.time:${fields.time}\n` +
		`TLS.expire:${fields.expire}\n`;
	return createHmac('sha256', secretKey).update(content, 'utf8').digest('base64');
}

export function generateUserSig(fields: UserSigFields, secretKey: string): string {
	// Key order matters to nobody but humans comparing payloads: keep the official one.
	const doc = JSON.stringify({
		'TLS.ver': '2.0',
		'TLS.identifier': fields.identifier,
		'TLS.sdkappid': fields.sdkAppId,
		'TLS.time': fields.time,
		'TLS.expire': fields.expire,
		'TLS.sig': signUserSigFields(fields, secretKey),
	});
	return zlibStore(Buffer.from(doc, 'utf8'))
		.toString('base64')
		.replace(/\+/g, '*')
		.replace(/\//g, '-')
		.replace(/=/g, '_');
}

/**
 * The inverse, for the simulator and tests. The inflater is passed in because Tencent's own
 * generators emit compressed blocks, and the node package must not import `zlib`.
 */
export function decodeUserSig(
	userSig: string,
	inflate: (compressed: Buffer) => Buffer,
): DecodedUserSig {
	const base64 = userSig.replace(/\*/g, '+').replace(/-/g, '/').replace(/_/g, '=');
	if (!/^[A-Za-z0-9+/]+=*$/.test(base64)) throw new UserSigFormatError('UserSig is not base64');
	let doc: Record<string, unknown> | undefined;
	try {
		doc = JSON.parse(inflate(Buffer.from(base64, 'base64')).toString('utf8'));
	} catch {
		doc = undefined;
	}
	if (typeof doc !== 'object' || doc === null) throw new UserSigFormatError('UserSig does not inflate to a JSON object');
	const { 'TLS.ver': version, 'TLS.identifier': identifier, 'TLS.sdkappid': sdkAppId } = doc;
	const { 'TLS.time': time, 'TLS.expire': expire, 'TLS.sig': sig } = doc;
	if (
		typeof version !== 'string' ||
		typeof identifier !== 'string' ||
		typeof sig !== 'string' ||
		!Number.isSafeInteger(sdkAppId) ||
		!Number.isSafeInteger(time) ||
		!Number.isSafeInteger(expire)
	) {
		throw new UserSigFormatError('UserSig is missing fields');
	}
	return {
		version,
		identifier,
		sdkAppId: sdkAppId as number,
		time: time as number,
		expire: expire as number,
		sig,
	};
}

/** Timing-safe check that `decoded.sig` was made with `secretKey`. */
export function hasValidSignature(decoded: DecodedUserSig, secretKey: string): boolean {
	const expected = Buffer.from(signUserSigFields(decoded, secretKey));
	const actual = Buffer.from(decoded.sig);
	return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/**
 * Reading a UserSig back, as Tencent's servers do: the simulator's check of every REST call, and the
 * tests' proof that our signatures match the official generator's. Never shipped: nodes only sign.
 */
import { timingSafeEqual } from 'crypto';

import { signUserSigFields, type UserSigFields } from '../../nodes/shared/userSig';

export interface DecodedUserSig extends UserSigFields {
	version: string;
	sig: string;
}

export class UserSigFormatError extends Error {}

/** The inflater is passed in: Tencent's own generators emit compressed blocks, which need zlib. */
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

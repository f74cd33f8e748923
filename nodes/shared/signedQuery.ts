/**
 * The query every Tencent Cloud Chat REST call carries: who calls, a fresh UserSig and a fresh
 * random. One place for the credential's `authenticate` (credential test, HTTP Request node) and
 * the action node's transport, which signs itself so n8n does not decrypt the credential again
 * for every request.
 */
import { randomBytes } from 'crypto';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { generateUserSig } from './userSig';

/**
 * Each call gets a fresh UserSig valid for an hour: long enough to survive retries and modest
 * clock skew, short enough that a leaked URL stops working soon.
 */
export const USER_SIG_VALIDITY_SECONDS = 3600;

// A type, not an interface, so it fits n8n's IDataObject query without copying.
export type SignedQuery = {
	sdkappid: number;
	identifier: string;
	usersig: string;
	random: number;
	contenttype: 'json';
};

export function signedQuery(
	credentials: ICredentialDataDecryptedObject,
	nowSeconds = Math.floor(Date.now() / 1000),
): SignedQuery {
	const sdkAppId = Number(credentials.sdkAppId);
	const identifier = String(credentials.identifier);
	return {
		sdkappid: sdkAppId,
		identifier,
		usersig: generateUserSig(
			{ sdkAppId, identifier, time: nowSeconds, expire: USER_SIG_VALIDITY_SECONDS },
			String(credentials.secretKey),
		),
		random: randomBytes(4).readUInt32BE(0),
		contenttype: 'json',
	};
}

/**
 * UserSig (TLSSigAPIv2): the signature Tencent Cloud Chat REST calls carry in their query.
 * Pure functions, shared by the credential, the action node, the simulator and the tests. Algorithm and test
 * vector: tencentyun/tls-sig-api-v2-node (`TLSSigAPIv2.js`).
 */
import { createHmac } from 'crypto';

import { zlibStore } from './zlibStored';

export interface UserSigFields {
	sdkAppId: number;
	identifier: string;
	/** Unix seconds when the signature was made. */
	time: number;
	/** Validity in seconds, counted from `time`. */
	expire: number;
}

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

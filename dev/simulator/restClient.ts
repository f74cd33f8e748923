/**
 * A minimal signed REST client for the simulator's default app, so tests, benchmarks and a human
 * at a Node prompt can call `v4/{service}/{command}` without the n8n node. Not the node's transport.
 */
import { randomInt } from 'crypto';

import { generateUserSig } from '../../nodes/shared/userSig';
import { DEFAULT_ADMIN_IDENTIFIER, DEFAULT_SDK_APP_ID, DEFAULT_SECRET_KEY } from './defaults';
import type { RestEnvelope } from './restResponse';

export interface RestCallOptions {
	sdkAppId?: number;
	identifier?: string;
	secretKey?: string;
}

/** POST `body` to `{baseUrl}/v4/{command}` (command = "service/command"); answers the JSON envelope. */
export async function callDeskApi(baseUrl: string, command: string, body: unknown = {}, options: RestCallOptions = {}): Promise<RestEnvelope> {
	const sdkAppId = options.sdkAppId ?? DEFAULT_SDK_APP_ID;
	const identifier = options.identifier ?? DEFAULT_ADMIN_IDENTIFIER;
	const usersig = generateUserSig(
		{ sdkAppId, identifier, time: Math.floor(Date.now() / 1000), expire: 3600 },
		options.secretKey ?? DEFAULT_SECRET_KEY,
	);
	const url = new URL(`${baseUrl}/v4/${command}`);
	const query = { sdkappid: String(sdkAppId), identifier, usersig, random: String(randomInt(0, 2 ** 32)), contenttype: 'json' };
	for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
	const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
	const text = await response.text();
	if (response.status !== 200) throw new Error(`HTTP ${response.status} from ${command}: ${text.slice(0, 200)}`);
	return JSON.parse(text) as RestEnvelope;
}

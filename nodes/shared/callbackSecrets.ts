/**
 * The two credential fields the trigger checks callbacks against, kept for a few seconds per
 * trigger. Reading a credential in n8n decrypts it and resolves its fields in an expression
 * sandbox: under load that was a third of n8n's work per callback (bench/PROFILES.md). A few
 * seconds keeps an edited credential taking effect almost at once.
 */
import type { IWebhookFunctions } from 'n8n-workflow';

import { CREDENTIAL_TYPE } from './credentialType';

export interface CallbackSecrets {
	sdkAppId: string;
	callbackToken: string;
}

export const CALLBACK_SECRETS_CACHE_MS = 5_000;

const cached = new Map<string, { secrets: CallbackSecrets; expiresAt: number }>();

export async function callbackSecrets(context: IWebhookFunctions, nowMs: number): Promise<CallbackSecrets> {
	const node = context.getNode();
	const credentialId = node.credentials?.[CREDENTIAL_TYPE]?.id;
	// Test runs ("Listen for test event") read afresh, so a token just edited applies at once.
	const key =
		credentialId && context.getMode() !== 'manual'
			? `${context.getWorkflow().id}:${node.id}:${credentialId}`
			: undefined;
	const hit = key === undefined ? undefined : cached.get(key);
	if (hit && hit.expiresAt > nowMs) return hit.secrets;

	const credentials = await context.getCredentials(CREDENTIAL_TYPE);
	const secrets = {
		sdkAppId: String(credentials.sdkAppId ?? ''),
		callbackToken: String(credentials.callbackToken ?? ''),
	};
	if (key !== undefined) {
		for (const [staleKey, entry] of cached) if (entry.expiresAt <= nowMs) cached.delete(staleKey);
		cached.set(key, { secrets, expiresAt: nowMs + CALLBACK_SECRETS_CACHE_MS });
	}
	return secrets;
}

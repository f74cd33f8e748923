/** First-boot setup over n8n's internal REST API: owner account, login cookie, public-API key. */
import { httpOk } from './http';

export interface OwnerAccount {
	email: string;
	password: string;
	firstName: string;
	lastName: string;
}

export const DEFAULT_OWNER: OwnerAccount = {
	email: 'owner@harness.test',
	password: 'Harness-Passw0rd',
	firstName: 'Harness',
	lastName: 'Owner',
};

/** `POST /rest/owner/setup` (once per database). */
export async function setupOwner(baseUrl: string, owner: OwnerAccount): Promise<void> {
	await httpOk(`${baseUrl}/rest/owner/setup`, { method: 'POST', body: owner });
}

/**
 * `POST /rest/login` → the `n8n-auth` cookie as a `Cookie` header value.
 * No `browser-id` header is sent, so the session is not tied to a browser id and a browser can reuse it.
 */
export async function login(baseUrl: string, email: string, password: string): Promise<string> {
	const response = await httpOk(`${baseUrl}/rest/login`, {
		method: 'POST',
		body: { emailOrLdapLoginId: email, password },
	});
	const cookies = response.setCookies.map((cookie) => cookie.split(';')[0]).filter((pair) => pair.includes('='));
	if (!cookies.some((pair) => pair.startsWith('n8n-auth='))) {
		throw new Error(`login did not set the n8n-auth cookie (got: ${response.setCookies.join(' | ')})`);
	}
	return cookies.join('; ');
}

/** `GET /rest/api-keys/scopes` then `POST /rest/api-keys` with all of them → the raw key (shown only once). */
export async function createApiKey(baseUrl: string, cookie: string, label = 'harness'): Promise<string> {
	const scopes = await httpOk(`${baseUrl}/rest/api-keys/scopes`, { headers: { cookie } });
	const scopeList = (scopes.json as { data: string[] }).data;
	const created = await httpOk(`${baseUrl}/rest/api-keys`, {
		method: 'POST',
		headers: { cookie },
		body: { label, expiresAt: null, scopes: scopeList },
	});
	const rawApiKey = (created.json as { data?: { rawApiKey?: string } }).data?.rawApiKey;
	if (!rawApiKey) throw new Error(`no rawApiKey in ${created.text.slice(0, 500)}`);
	return rawApiKey;
}

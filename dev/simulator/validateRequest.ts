/**
 * The checks Tencent's REST front end makes before a command runs, one function per stage so
 * the endpoint can run them in Tencent's order: URL (60002), app (60006), body (60003), UserSig
 * (70005, 70014, 70013, 70001, 70003) and admin (60010).
 */
import { inflateSync } from 'zlib';

import { decodeUserSig, hasValidSignature, type DecodedUserSig } from './userSigCheck';
import { isAppAdmin } from './apps';
import { CHATBOT_SERVICE } from './chatbotSeed';
import { DeskApiError } from './restResponse';
import type { SimulatorApp } from './types';

export interface RestTarget {
	service: string;
	command: string;
}

export interface RestQuery {
	sdkAppId: number;
	identifier: string;
	userSig: string;
}

const REST_PATH = /^\/v4\/([A-Za-z0-9_.]+)\/([A-Za-z0-9_.]+)\/?$/;
const MAX_UINT32 = 4294967295;

/** `/v4/{service}/{command}`, or undefined when the path has another shape. */
export function matchRestPath(pathname: string): RestTarget | undefined {
	const match = REST_PATH.exec(pathname);
	return match ? { service: match[1], command: match[2] } : undefined;
}

export function checkMethodAndPath(method: string | undefined, pathname: string): RestTarget {
	if (method !== 'POST') throw new DeskApiError(60002, `HTTP method must be POST, got ${method ?? 'none'}`);
	const target = matchRestPath(pathname);
	if (!target) throw new DeskApiError(60002, 'path must be /v4/{service}/{command}');
	return target;
}

export function parseRestQuery(params: URLSearchParams): RestQuery {
	for (const name of ['sdkappid', 'identifier', 'usersig', 'random', 'contenttype']) {
		if (!params.get(name)) throw new DeskApiError(60002, `missing query parameter ${name}`);
	}
	const sdkAppId = params.get('sdkappid') as string;
	if (!/^\d{1,19}$/.test(sdkAppId) || !Number.isSafeInteger(Number(sdkAppId))) {
		throw new DeskApiError(60002, 'query parameter sdkappid must be an integer');
	}
	const random = params.get('random') as string;
	if (!/^\d{1,10}$/.test(random) || Number(random) > MAX_UINT32) {
		throw new DeskApiError(60002, 'query parameter random must be an integer from 0 to 4294967295');
	}
	if (params.get('contenttype') !== 'json') {
		throw new DeskApiError(60002, 'query parameter contenttype must be json');
	}
	return {
		sdkAppId: Number(sdkAppId),
		identifier: params.get('identifier') as string,
		userSig: params.get('usersig') as string,
	};
}

export function findApp(query: RestQuery, lookup: (sdkAppId: number) => SimulatorApp | undefined): SimulatorApp {
	const app = lookup(query.sdkAppId);
	if (!app) throw new DeskApiError(60006, `SDKAppID ${query.sdkAppId} is not known here`);
	return app;
}

export function parseJsonBody(raw: string): Record<string, unknown> {
	let body: unknown;
	try {
		body = JSON.parse(raw);
	} catch {
		throw new DeskApiError(60003, raw.trim() === '' ? 'the body is empty' : 'the body does not parse');
	}
	if (typeof body !== 'object' || body === null || Array.isArray(body)) {
		throw new DeskApiError(60003, 'the body must be a JSON object');
	}
	return body as Record<string, unknown>;
}

export function authenticate(app: SimulatorApp, query: RestQuery, nowSeconds: number, service = ''): void {
	let sig: DecodedUserSig;
	try {
		sig = decodeUserSig(query.userSig, inflateSync);
	} catch {
		throw new DeskApiError(70005, 'the usersig query parameter does not decode');
	}
	if (sig.sdkAppId !== query.sdkAppId) {
		throw new DeskApiError(70014, `query sdkappid ${query.sdkAppId}, UserSig sdkappid ${sig.sdkAppId}`);
	}
	if (sig.identifier !== query.identifier) {
		throw new DeskApiError(70013, `query identifier "${query.identifier}", UserSig identifier "${sig.identifier}"`);
	}
	if (nowSeconds > sig.time + sig.expire) {
		throw new DeskApiError(70001, `it expired at ${new Date((sig.time + sig.expire) * 1000).toISOString()}`);
	}
	if (!hasValidSignature(sig, app.secretKey)) {
		throw new DeskApiError(70003, `the UserSig was not signed with the secret key of SDKAppID ${app.sdkAppId}`);
	}
	if (!isAppAdmin(app, query.identifier)) {
		// The chatbot service documents its own code for this (-20, §B.4).
		const code = service === CHATBOT_SERVICE ? -20 : 60010;
		throw new DeskApiError(code, `"${query.identifier}" is not an App admin of SDKAppID ${app.sdkAppId}`);
	}
}

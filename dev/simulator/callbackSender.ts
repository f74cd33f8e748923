/**
 * Sends callbacks the way Desk does: POST JSON to the app's URL with SdkAppid, CallbackCommand,
 * contenttype, ClientIP, OptPlatform, RequestID and, with a token, RequestTime + Sign in the query.
 * Tests can override or omit any query value and send any body text to forge bad callbacks.
 */
import { randomUUID } from 'crypto';
import { setMaxListeners } from 'events';
import http from 'http';
import https from 'https';
import { performance } from 'perf_hooks';
import { setTimeout as delay } from 'timers/promises';

import { computeCallbackSign } from '../../nodes/shared/callbackSignature';
import { SESSION_EVENT_COMMAND } from '../../nodes/shared/events';
import { DEFAULT_CALLBACK_RETRIES, DEFAULT_CALLBACK_RETRY_DELAY_MS, DEFAULT_CALLBACK_TIMEOUT_MS, MAX_CALLBACK_RETRIES } from './defaults';
import type { CallbackAttempt, CallbackResult, CallbackSendOptions, CallbackTarget } from './types';

export interface CallbackOverrides extends CallbackSendOptions {
	/** Query values to set (replacing the computed ones) or, with null, to leave out. */
	query?: Record<string, string | null>;
	/** SdkAppid to send; default: the default app's. */
	sdkAppId?: number;
	clientIP?: string;
	/** Default 'RESTAPI'. */
	optPlatform?: string;
	/** Default a fresh UUID; kept for retries. */
	requestId?: string;
	/** Headers to set, or with null to leave out (e.g. Content-Type, which Tencent does not document). */
	headers?: Record<string, string | null>;
}

export interface SenderDefaults {
	sdkAppId: number;
	/** The app's token, used when the target names none. */
	token: string;
}

export class CallbackSender {
	// Keep-alive like a real sender, but owned here so close() can drop every socket.
	private readonly httpAgent = new http.Agent({ keepAlive: true });
	private readonly httpsAgent = new https.Agent({ keepAlive: true });
	private readonly closing = new AbortController();

	constructor() {
		// Every in-flight request listens on the close signal; benchmarks run many at once.
		setMaxListeners(0, this.closing.signal);
	}

	/** Send one callback; `payload` is JSON-encoded unless it is already a string (sent as-is). */
	async send(
		target: CallbackTarget,
		payload: object | string,
		defaults: SenderDefaults,
		overrides: CallbackOverrides = {},
	): Promise<CallbackResult> {
		const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
		const token = target.token === undefined ? defaults.token : (target.token ?? '');
		const requestId = overrides.requestId ?? randomUUID();
		const retries = retryCount(overrides.retryOnFailure);
		const attempts: CallbackAttempt[] = [];
		let url = '';
		for (let attempt = 0; attempt <= retries; attempt++) {
			if (attempt > 0) await this.pause(overrides.retryDelayMs ?? DEFAULT_CALLBACK_RETRY_DELAY_MS);
			const query = buildQuery(defaults.sdkAppId, token, requestId, overrides);
			url = withQuery(target.url, query);
			const result = await this.post(url, body, overrides);
			attempts.push({ query, ...result });
			// Desk retries anything but an HTTP 200 ack, with the same RequestID.
			if (result.status === 200 || this.closing.signal.aborted) break;
		}
		const last = attempts[attempts.length - 1];
		const event = typeof payload === 'object' ? (payload as { Event?: unknown }).Event : undefined;
		const sessionId = typeof payload === 'object' ? (payload as { SessionId?: unknown }).SessionId : undefined;
		return {
			requestId: last.query.RequestID ?? null,
			...(typeof event === 'string' && { event }),
			...(typeof sessionId === 'string' && { sessionId }),
			url,
			query: last.query,
			body,
			status: last.status,
			responseText: last.responseText,
			latencyMs: last.latencyMs,
			...(last.error !== undefined && { error: last.error }),
			ok: last.status === 200,
			attempts,
		};
	}

	close(): void {
		this.closing.abort();
		this.httpAgent.destroy();
		this.httpsAgent.destroy();
	}

	private async pause(ms: number): Promise<void> {
		if (ms <= 0) return;
		try {
			await delay(ms, undefined, { signal: this.closing.signal });
		} catch {
			// closing: the next attempt fails fast
		}
	}

	private post(url: string, body: string, overrides: CallbackOverrides): Promise<Omit<CallbackAttempt, 'query'>> {
		const started = performance.now();
		const elapsed = () => Math.round((performance.now() - started) * 100) / 100;
		const timeoutMs = overrides.timeoutMs ?? DEFAULT_CALLBACK_TIMEOUT_MS;
		const isHttps = url.startsWith('https:');
		return new Promise((resolve) => {
			const fail = (error: Error) => resolve({ status: null, responseText: '', latencyMs: elapsed(), error: error.message });
			let req: http.ClientRequest;
			try {
				req = (isHttps ? https : http).request(url, {
					method: 'POST',
					agent: isHttps ? this.httpsAgent : this.httpAgent,
					signal: this.closing.signal,
					headers: requestHeaders(body, overrides.headers),
				});
			} catch (error) {
				return fail(error as Error);
			}
			req.setTimeout(timeoutMs, () => req.destroy(new Error(`no ack within ${timeoutMs} ms`)));
			req.on('error', fail);
			req.on('response', (res) => {
				const chunks: Buffer[] = [];
				res.on('data', (chunk: Buffer) => chunks.push(chunk));
				res.on('error', fail);
				res.on('end', () =>
					resolve({ status: res.statusCode ?? null, responseText: Buffer.concat(chunks).toString('utf8'), latencyMs: elapsed() }),
				);
			});
			req.end(body);
		});
	}
}

function retryCount(option: CallbackSendOptions['retryOnFailure']): number {
	if (option === true) return DEFAULT_CALLBACK_RETRIES;
	if (typeof option !== 'number' || !Number.isFinite(option) || option <= 0) return 0;
	return Math.min(Math.floor(option), MAX_CALLBACK_RETRIES);
}

/** Computed query, then the overrides; Sign follows an overridden RequestTime unless Sign is overridden too. */
function buildQuery(sdkAppId: number, token: string, requestId: string, overrides: CallbackOverrides): Record<string, string> {
	const forced = overrides.query ?? {};
	const query: Record<string, string> = {
		SdkAppid: String(overrides.sdkAppId ?? sdkAppId),
		CallbackCommand: SESSION_EVENT_COMMAND,
		contenttype: 'json',
		ClientIP: overrides.clientIP ?? '127.0.0.1',
		OptPlatform: overrides.optPlatform ?? 'RESTAPI',
		RequestID: requestId,
	};
	if (token) {
		const requestTime = typeof forced.RequestTime === 'string' ? forced.RequestTime : String(Math.floor(Date.now() / 1000));
		query.RequestTime = requestTime;
		query.Sign = computeCallbackSign(token, requestTime);
	}
	for (const [name, value] of Object.entries(forced)) {
		if (value === null || value === undefined) delete query[name];
		else query[name] = value;
	}
	return query;
}

function withQuery(target: string, query: Record<string, string>): string {
	const url = new URL(target);
	for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
	return url.toString();
}

function requestHeaders(body: string, overrides: Record<string, string | null> = {}): http.OutgoingHttpHeaders {
	const headers: http.OutgoingHttpHeaders = {
		'Content-Type': 'application/json; charset=utf-8',
		'Content-Length': Buffer.byteLength(body),
	};
	for (const [name, value] of Object.entries(overrides)) {
		for (const key of Object.keys(headers)) if (key.toLowerCase() === name.toLowerCase()) delete headers[key];
		if (value !== null) headers[name] = value;
	}
	return headers;
}

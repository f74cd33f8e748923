/**
 * The one way the action node talks to Tencent: signed POSTs to `v4/{service}/{command}`,
 * Tencent's HTTP-200 errors turned into n8n errors, transient failures retried with backoff.
 * The credential is read once per client, when its first request is made (an operation that never
 * calls Desk, such as the Callback Answer step, never reads it), and each request signed here (the
 * same signedQuery the credential's `authenticate` uses): httpRequestWithAuthentication would
 * decrypt and resolve the credential again for every item, which profiling showed to be most of
 * the node's cost.
 */
import type {
	ICredentialDataDecryptedObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IDataObject,
	IPollFunctions,
} from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { CREDENTIAL_TYPE } from '../credentialType';
import { describeDeskError, RETRIED_KINDS, type DeskErrorKind } from '../errorCodes';
import { restBaseUrl } from '../regions';
import { signedQuery } from '../signedQuery';
import type { AsDataChoice, DeskAnswer } from './deskErrors';
import {
	acceptsCode,
	deskApiError,
	httpStatusError,
	isTransientNetworkError,
	mayHaveAppliedError,
	networkErrorCode,
	provesNotSent,
	unreachableError,
} from './deskErrors';
import { CHATBOT_SERVICE, chatbotLimit, type ChatbotLimit } from './chatbotRateLimit';
import { RateLimiter } from './rateLimiter';

export interface DeskClientSettings {
	/** Extra attempts after a transient failure. */
	maxRetries: number;
	/** Budget shared by all concurrent requests of this execution; 0 = unlimited. */
	requestsPerSecond: number;
	timeoutMs: number;
	/** First backoff delay; doubles per attempt. */
	backoffBaseMs: number;
}

/** Timing only: retry and rate defaults are the user-facing ones in descriptions/requestOptions.ts. */
export const DEFAULT_TIMING: Pick<DeskClientSettings, 'timeoutMs' | 'backoffBaseMs'> = {
	timeoutMs: 30_000,
	backoffBaseMs: 500,
};

const MAX_BACKOFF_MS = 8_000;

export interface DeskCallOptions {
	itemIndex?: number;
	/**
	 * Error codes to return as data instead of throwing (e.g. 141005 for "not found as data"), or
	 * 'answers': every error about the request itself, but never credential, expiry or temporary ones.
	 */
	acceptErrorCodes?: number[] | 'answers';
	/** How a write command may be retried (default 'once'); read commands are always retried. */
	retry?: WriteRetry;
	/** The operation's "Return … as Data" option, named in the fix of an error it would have returned. */
	asData?: AsDataChoice;
}

/**
 * Whether a write may be sent again after a failure that leaves open whether Desk applied it (a
 * timeout, a dropped connection, HTTP 5xx, Desk's "internal error" or "timed out" codes):
 * - 'repeatable': yes; applying it twice leaves Desk as applying it once (it sets values).
 * - 'once': no; it would apply twice (a second message, a second transfer). It is sent again only
 *   after answers that prove Desk did not act on it (a rate limit, an expired UserSig, a DNS failure).
 */
export type WriteRetry = 'repeatable' | 'once';

/** Commands that only read (get_*, describe_*, desc_*, list_*): retried like a repeatable write. */
const READ_COMMAND = /^(get|describe|desc|list)_/;

export interface DeskClient {
	call(service: string, command: string, body: IDataObject, options?: DeskCallOptions): Promise<DeskAnswer>;
	/** Shorthand for `v4/desk_http_svc/{command}`. */
	desk(command: string, body: IDataObject, options?: DeskCallOptions): Promise<DeskAnswer>;
	/** Shorthand for `v4/openim_console_http_svc/{command}` (chatbot knowledge base), at most 5 calls/s per app. */
	openImConsole(command: string, body: IDataObject, options?: DeskCallOptions): Promise<DeskAnswer>;
	/** The same client, its write commands retried by `retry` (an operation's declared rule). */
	writing(retry: WriteRetry): DeskClient;
}

/** A rate limit's window is one second: retrying sooner only earns the same answer. */
const RATE_LIMIT_WINDOW_MS = 1000;

type RequestContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

/** What the credential gives a client: the values to sign with, where to send, the app's chatbot limit. */
interface Connection {
	credentials: ICredentialDataDecryptedObject;
	baseUrl: string;
	botLimit: ChatbotLimit;
}

export function createDeskClient(
	context: RequestContext,
	settings: Pick<DeskClientSettings, 'maxRetries' | 'requestsPerSecond'> & Partial<DeskClientSettings>,
): DeskClient {
	const { maxRetries, requestsPerSecond, timeoutMs, backoffBaseMs } = { ...DEFAULT_TIMING, ...settings };
	const limiter = new RateLimiter(requestsPerSecond);
	const node = context.getNode();
	// Read on the first request, once: concurrent first requests share the one read (and its failure).
	let connection: Promise<Connection> | undefined;
	const connect = async (): Promise<Connection> => {
		const credentials = await context.getCredentials(CREDENTIAL_TYPE);
		const baseUrl = restBaseUrl(String(credentials.region), credentials.baseUrl as string | undefined);
		return { credentials, baseUrl, botLimit: chatbotLimit(baseUrl, String(credentials.sdkAppId)) };
	};
	// Cancelling the execution in n8n aborts requests in flight, as n8n's own helpers do.
	const abortSignal = 'getExecutionCancelSignal' in context ? context.getExecutionCancelSignal() : undefined;

	async function backoff(attempt: number, kind?: DeskErrorKind): Promise<void> {
		// Rate limits need the window to pass; everything else gets jittered exponential backoff.
		const floor = kind === 'rateLimit' ? RATE_LIMIT_WINDOW_MS : 0;
		const delay = Math.min(MAX_BACKOFF_MS, Math.max(floor, backoffBaseMs * 2 ** attempt));
		await sleep(delay * (0.8 + Math.random() * 0.4));
	}

	async function call(
		service: string,
		command: string,
		body: IDataObject,
		{ itemIndex, acceptErrorCodes = [], retry = 'once', asData }: DeskCallOptions = {},
	): Promise<DeskAnswer> {
		const repeatable = retry === 'repeatable' || READ_COMMAND.test(command);
		const { credentials, baseUrl, botLimit } = await (connection ??= connect());
		const path = `v4/${service}/${command}`;
		const request: IHttpRequestOptions = {
			method: 'POST',
			url: `${baseUrl}/${path}`,
			// n8n's HTTP client drops an empty object body; Tencent wants "{}" (else 60003).
			body: Object.keys(body).length > 0 ? body : '{}',
			headers: { 'content-type': 'application/json' },
			json: true,
			timeout: timeoutMs,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		};
		let expiredRetried = false;
		for (let attempt = 0; ; attempt++) {
			await limiter.acquire();
			// Every attempt counts against Tencent's 5/s, retries and Custom API Calls included.
			if (service === CHATBOT_SERVICE) await botLimit.spacing.acquire();
			const leaveWindow = service === CHATBOT_SERVICE ? await botLimit.window.enter() : undefined;
			let response: { statusCode: number; body: unknown };
			try {
				response = await context.helpers.httpRequest({ ...request, qs: signedQuery(credentials), abortSignal });
			} catch (error) {
				leaveWindow?.();
				const code = networkErrorCode(error);
				if (isTransientNetworkError(code) && !repeatable && !provesNotSent(code)) {
					throw mayHaveAppliedError(node, path, `Network error ${code}`, itemIndex);
				}
				if (isTransientNetworkError(code) && attempt < maxRetries) {
					await backoff(attempt);
					continue;
				}
				throw unreachableError(node, baseUrl, code, itemIndex);
			}
			// The answer is in: the call's place in the window now counts from here.
			leaveWindow?.();

			if (response.statusCode >= 500 && !repeatable) {
				throw mayHaveAppliedError(node, path, `HTTP ${response.statusCode}`, itemIndex);
			}
			if (response.statusCode >= 500 && attempt < maxRetries) {
				await backoff(attempt);
				continue;
			}
			const answer = response.body;
			if (response.statusCode !== 200 || !answer || typeof answer !== 'object') {
				throw httpStatusError(node, baseUrl, response.statusCode, itemIndex);
			}
			const deskAnswer = answer as DeskAnswer;
			const errorCode = Number(deskAnswer.ErrorCode ?? 0);
			if (errorCode === 0) return deskAnswer;
			const kind = describeDeskError(errorCode)?.kind;
			if (acceptsCode(acceptErrorCodes, errorCode)) return deskAnswer;

			// Desk's internal errors and timeouts may come after the write took effect; a rate limit refused it.
			if (kind === 'transient' && !repeatable) {
				throw mayHaveAppliedError(node, path, `Error ${errorCode}: ${describeDeskError(errorCode)?.meaning}`, itemIndex, errorCode);
			}
			if (kind && RETRIED_KINDS.has(kind) && attempt < maxRetries) {
				await backoff(attempt, kind);
				continue;
			}
			// A fresh UserSig is made per request, so one more try covers a sig that aged in a queue.
			if (kind === 'expired' && !expiredRetried) {
				expiredRetried = true;
				continue;
			}
			throw deskApiError(node, path, deskAnswer, itemIndex, asData);
		}
	}

	function clientWriting(retry?: WriteRetry): DeskClient {
		const callAs: DeskClient['call'] = async (service, command, body, options) =>
			await call(service, command, body, { retry, ...options });
		return {
			call: callAs,
			desk: async (command, body, options) => await callAs('desk_http_svc', command, body, options),
			openImConsole: async (command, body, options) => await callAs(CHATBOT_SERVICE, command, body, options),
			writing: clientWriting,
		};
	}
	return clientWriting();
}

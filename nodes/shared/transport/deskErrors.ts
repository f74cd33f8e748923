/**
 * Turns Tencent's answers and network failures into n8n errors that name the code, what it means
 * and what to do. Never pass a raw HTTP error on: its request config carries the UserSig.
 */
import type { IDataObject, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { describeDeskError, RETRIED_KINDS, type DeskErrorKind } from '../errorCodes';

export interface DeskAnswer {
	ActionStatus?: string;
	ErrorCode?: number;
	ErrorInfo?: string;
	[key: string]: unknown;
}

/** The running operation's "Return … as Data" option, which the fix of an error it covers names. */
export interface AsDataChoice {
	/** “Return X as Data”. */
	displayName: string;
	/** The codes it returns as data, or 'answers': every error about the request itself. */
	codes: readonly number[] | 'answers';
}

/** Never data, whatever the option: the credential, an expired signature, or what retries could not fix. */
const NEVER_ACCEPTED: ReadonlySet<DeskErrorKind> = new Set(['credential', 'expired', ...RETRIED_KINDS]);

/** Whether `accept` (a call's acceptErrorCodes, or an option's codes) covers `code`. */
export function acceptsCode(accept: readonly number[] | 'answers', code: number): boolean {
	if (accept !== 'answers') return accept.includes(code);
	const kind = describeDeskError(code)?.kind;
	return !(kind && NEVER_ACCEPTED.has(kind));
}

/**
 * A Desk error's fields in an item, the same in a "… as Data" item and in a Continue On Fail item:
 * the code, what it means, and Tencent's own words.
 */
export function errorAsData(answer: DeskAnswer): IDataObject {
	const code = Number(answer.ErrorCode);
	return { errorCode: code, errorMeaning: describeDeskError(code)?.meaning ?? '', errorInfo: answer.ErrorInfo ?? '' };
}

/** Desk's answer behind each error deskApiError made, for Continue On Fail's item (n8n's error types vary by release). */
const deskAnswers = new WeakMap<Error, DeskAnswer>();

export function deskApiError(
	node: INode,
	command: string,
	answer: DeskAnswer,
	itemIndex?: number,
	asData?: AsDataChoice,
): NodeApiError {
	const code = Number(answer.ErrorCode);
	const info = describeDeskError(code);
	const tencentSaid = answer.ErrorInfo ? ` Tencent said: “${answer.ErrorInfo}”.` : '';
	const offer = asData && acceptsCode(asData.codes, code) ? `, or turn on “${asData.displayName}” under Options` : '';
	const error = new NodeApiError(
		node,
		{ ErrorCode: code, ErrorInfo: answer.ErrorInfo ?? '', ActionStatus: answer.ActionStatus ?? 'FAIL', command },
		{
			message: info
				? `Tencent Cloud Desk error ${code}: ${info.meaning}`
				: `Tencent Cloud Desk error ${code} from ${command}`,
			description: `${info ? info.fix : 'See Tencent’s error-code list for this code'}${offer}.${tencentSaid}`,
			httpCode: String(code),
			itemIndex,
		},
	);
	deskAnswers.set(error, answer);
	return error;
}

/**
 * The item Continue On Fail gives for an error: n8n's `error` (the message) and `description`, and for
 * a Desk error the same fields an "… as Data" item has.
 */
export function failureItem(error: Error & { description?: string | null }): IDataObject {
	const answer = deskAnswers.get(error);
	return {
		error: error.message,
		...(error.description ? { description: error.description } : {}),
		...(answer ? errorAsData(answer) : {}),
	};
}

/** Codes of connection failures worth another try (the server may be fine the next time). */
const TRANSIENT_NETWORK_CODES = new Set([
	'ECONNRESET',
	'ETIMEDOUT',
	'ECONNABORTED',
	'EPIPE',
	'EAI_AGAIN',
	'ESOCKETTIMEDOUT',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
]);

/** The low-level code (ECONNREFUSED, ...) of an error thrown by n8n's request helpers. */
export function networkErrorCode(error: unknown): string | undefined {
	let current: unknown = error;
	for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
		const code = (current as { code?: unknown }).code;
		if (typeof code === 'string' && /^E[A-Z_]+$/.test(code)) return code;
		current = (current as { cause?: unknown }).cause;
	}
	return undefined;
}

export function isTransientNetworkError(code: string | undefined): boolean {
	return code !== undefined && TRANSIENT_NETWORK_CODES.has(code);
}

/** Transient codes raised before any byte of the request left: no DNS answer, no connection. */
const NOT_SENT_CODES = new Set(['EAI_AGAIN', 'ERR_SOCKET_CONNECTION_TIMEOUT']);

/** Whether a network failure proves Desk never received the request (so even a one-time write may be sent again). */
export function provesNotSent(code: string | undefined): boolean {
	return code !== undefined && NOT_SENT_CODES.has(code);
}

/**
 * A write that may have reached Desk failed without a clear answer, and is not sent again because
 * a second one would apply twice (the customer would see the message twice).
 */
export function mayHaveAppliedError(
	node: INode,
	command: string,
	failure: string,
	itemIndex?: number,
	errorCode?: number,
): NodeApiError {
	return new NodeApiError(node, { command, failure } as JsonObject, {
		message: 'Tencent Cloud Desk did not confirm this write, and it may have been applied',
		description: `${failure} from ${command}. The node does not send a write again once it may have reached Desk, so it is never applied twice. Check whether it took effect (for a message: Session → Get Messages) before running this item again.`,
		httpCode: errorCode === undefined ? undefined : String(errorCode),
		itemIndex,
	});
}

export function unreachableError(
	node: INode,
	baseUrl: string,
	code: string | undefined,
	itemIndex?: number,
): NodeApiError {
	const hint =
		code === 'ECONNREFUSED' || code === 'ENOTFOUND'
			? 'Check the Region (or the Base URL for Custom) in the credential, and that the server is running.'
			: 'The connection failed after retries; check the network and try again.';
	// The code stays out of the message: n8n would swap a message naming ECONNREFUSED for a generic one.
	return new NodeApiError(node, { connectionError: code ?? 'unknown' } as JsonObject, {
		message: `Could not reach Tencent Cloud Desk at ${baseUrl}`,
		description: `${code ? `Network error ${code}. ` : ''}${hint}`,
		itemIndex,
	});
}

export function httpStatusError(
	node: INode,
	baseUrl: string,
	statusCode: number,
	itemIndex?: number,
): NodeApiError {
	return new NodeApiError(node, { statusCode } as JsonObject, {
		message: `Tencent Cloud Desk answered HTTP ${statusCode}`,
		description:
			statusCode >= 500
				? `The server at ${baseUrl} failed after retries; try again later.`
				: `Unexpected answer from ${baseUrl}; check the Region or Base URL in the credential.`,
		httpCode: String(statusCode),
		itemIndex,
	});
}

/**
 * Decides whether a request is a genuine Desk callback, before anything runs. Pure, so every
 * branch has a focused test. Checks run in a fixed order and the first failure is the answer;
 * reasons are short and never contain a secret or the expected signature.
 */
import { isValidCallbackSign, safeEqual } from '../shared/callbackSignature';
import { SESSION_EVENT_COMMAND } from '../shared/events';
import { firstValue } from './queryValue';

export interface CallbackRequest {
	rawBody: Buffer | string | undefined;
	query: Record<string, unknown>;
}

export interface VerifySettings {
	sdkAppId: string;
	/** '' when the credential has no Callback Token. */
	callbackToken: string;
	toleranceSeconds: number;
	nowSeconds: number;
}

export type DeskCallbackBody = Record<string, unknown> & { SessionId: string; Event: string };

export type Verdict =
	| { kind: 'accepted'; body: DeskCallbackBody; command: string }
	/** Genuine, but not a session event: acknowledge without running. */
	| { kind: 'otherCommand'; body: DeskCallbackBody; command: string }
	| { kind: 'rejected'; status: 400 | 401 | 403; reason: string };

function reject(status: 400 | 401 | 403, reason: string): Verdict {
	return { kind: 'rejected', status, reason };
}

function parseBody(rawBody: Buffer | string | undefined): DeskCallbackBody | undefined {
	if (rawBody === undefined) return undefined;
	let parsed: unknown;
	try {
		parsed = JSON.parse(typeof rawBody === 'string' ? rawBody : rawBody.toString('utf8'));
	} catch {
		return undefined;
	}
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
	const body = parsed as Record<string, unknown>;
	if (typeof body.SessionId !== 'string' || typeof body.Event !== 'string') return undefined;
	return body as DeskCallbackBody;
}

export function verifyCallback(request: CallbackRequest, settings: VerifySettings): Verdict {
	const body = parseBody(request.rawBody);
	if (!body) return reject(400, 'Body must be a JSON object with string SessionId and Event');

	if (!safeEqual(settings.sdkAppId, firstValue(request.query.SdkAppid))) {
		return reject(403, 'SdkAppid does not match this credential');
	}

	if (settings.callbackToken) {
		const requestTime = firstValue(request.query.RequestTime);
		if (typeof requestTime !== 'string' || !/^\d{1,12}$/.test(requestTime)) {
			return reject(401, 'Missing or malformed RequestTime');
		}
		if (!isValidCallbackSign(settings.callbackToken, requestTime, firstValue(request.query.Sign))) {
			return reject(401, 'Sign does not match');
		}
		if (Math.abs(settings.nowSeconds - Number(requestTime)) > settings.toleranceSeconds) {
			return reject(401, 'RequestTime is outside the allowed clock tolerance');
		}
	}

	// Judged from both places Desk names it: a body that says it is another command than the query is
	// not a session event, whichever one is right. Strings only: String() of {"toString":0} throws.
	const rawQueryCommand = firstValue(request.query.CallbackCommand);
	const queryCommand = typeof rawQueryCommand === 'string' ? rawQueryCommand : '';
	const bodyCommand = typeof body.CallbackCommand === 'string' ? body.CallbackCommand : '';
	if (queryCommand && bodyCommand && queryCommand !== bodyCommand) {
		return reject(400, 'CallbackCommand in the body contradicts the one in the query');
	}
	const command = queryCommand || bodyCommand;
	return command === SESSION_EVENT_COMMAND
		? { kind: 'accepted', body, command }
		: { kind: 'otherCommand', body, command };
}

/**
 * What every Desk callback must prove before anything runs, whatever its command: it is a JSON
 * object, it is for this app (SdkAppid), and with a Callback Token it is signed and recent. Pure,
 * so each branch has a focused test. Reasons are short and never hold a secret or the expected Sign.
 */
import { isValidCallbackSign, safeEqual } from './callbackSignature';
import { firstValue } from './queryValue';

export interface CallbackRequest {
	rawBody: Buffer | string | undefined;
	query: Record<string, unknown>;
}

export interface OriginSettings {
	sdkAppId: string;
	/** '' when the credential has no Callback Token. */
	callbackToken: string;
	toleranceSeconds: number;
	nowSeconds: number;
}

export interface Rejection {
	kind: 'rejected';
	status: 400 | 401 | 403;
	reason: string;
}

export function reject(status: Rejection['status'], reason: string): Rejection {
	return { kind: 'rejected', status, reason };
}

/** The body as a JSON object, or undefined for anything else (not JSON, an array, a string …). */
export function parseJsonObject(rawBody: Buffer | string | undefined): Record<string, unknown> | undefined {
	if (rawBody === undefined) return undefined;
	let parsed: unknown;
	try {
		parsed = JSON.parse(typeof rawBody === 'string' ? rawBody : rawBody.toString('utf8'));
	} catch {
		return undefined;
	}
	return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
}

/** The app and signature checks, in a fixed order; undefined when they pass. */
export function checkOrigin(query: Record<string, unknown>, settings: OriginSettings): Rejection | undefined {
	if (!safeEqual(settings.sdkAppId, firstValue(query.SdkAppid))) {
		return reject(403, 'SdkAppid does not match this credential');
	}
	if (!settings.callbackToken) return undefined;
	const requestTime = firstValue(query.RequestTime);
	if (typeof requestTime !== 'string' || !/^\d{1,12}$/.test(requestTime)) {
		return reject(401, 'Missing or malformed RequestTime');
	}
	if (!isValidCallbackSign(settings.callbackToken, requestTime, firstValue(query.Sign))) {
		return reject(401, 'Sign does not match');
	}
	if (Math.abs(settings.nowSeconds - Number(requestTime)) > settings.toleranceSeconds) {
		return reject(401, 'RequestTime is outside the allowed clock tolerance');
	}
	return undefined;
}

/**
 * The command, judged from both places Desk names it: a body that says it is another command than
 * the query is refused, whichever one is right. Strings only: String() of {"toString":0} throws.
 */
export function callbackCommand(query: Record<string, unknown>, body: Record<string, unknown>): string | Rejection {
	const rawQueryCommand = firstValue(query.CallbackCommand);
	const queryCommand = typeof rawQueryCommand === 'string' ? rawQueryCommand : '';
	const bodyCommand = typeof body.CallbackCommand === 'string' ? body.CallbackCommand : '';
	if (queryCommand && bodyCommand && queryCommand !== bodyCommand) {
		return reject(400, 'CallbackCommand in the body contradicts the one in the query');
	}
	return queryCommand || bodyCommand;
}

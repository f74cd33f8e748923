/** What operations return from Tencent's answers: the payload without the envelope, or a handled error as data. */
import type { IDataObject } from 'n8n-workflow';

import { describeDeskError } from '../../shared/errorCodes';
import type { DeskAnswer } from '../transport/deskErrors';

const ENVELOPE = new Set(['ActionStatus', 'ErrorCode', 'ErrorInfo']);

/** The answer's own fields (RequestId and the API's data), without ActionStatus/ErrorCode/ErrorInfo. */
export function payloadOf(answer: DeskAnswer): IDataObject {
	const payload: IDataObject = {};
	for (const [key, value] of Object.entries(answer)) if (!ENVELOPE.has(key)) payload[key] = value as IDataObject[string];
	return payload;
}

/**
 * What a create or update operation returns: what was sent, then Tencent's answer without its
 * envelope when it is passed (a new ID, say; its fields win over the sent ones), and
 * `created: true` or `updated: true`.
 */
export function createdResult(sent: IDataObject, answer?: DeskAnswer): IDataObject {
	return { ...sent, ...(answer && payloadOf(answer)), created: true };
}

export function updatedResult(sent: IDataObject, answer?: DeskAnswer): IDataObject {
	return { ...sent, ...(answer && payloadOf(answer)), updated: true };
}

/** An error the user chose to receive as data: its code, what it means, and Tencent's words. */
export function errorAsData(answer: DeskAnswer): IDataObject {
	const code = Number(answer.ErrorCode);
	return { errorCode: code, errorMeaning: describeDeskError(code)?.meaning ?? '', errorInfo: answer.ErrorInfo ?? '' };
}

export const isError = (answer: DeskAnswer): boolean => Number(answer.ErrorCode ?? 0) !== 0;

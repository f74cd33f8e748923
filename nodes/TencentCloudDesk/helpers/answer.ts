/** What operations return from Tencent's answers: the payload without the envelope, created and updated results. */
import type { IDataObject } from 'n8n-workflow';

import type { DeskAnswer } from '../../shared/transport/deskErrors';

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

export const isError = (answer: DeskAnswer): boolean => Number(answer.ErrorCode ?? 0) !== 0;

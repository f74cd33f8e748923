/**
 * The answers Tencent gets to a callback. The OK one byte for byte as Tencent documents it
 * ("Session Event Callback" → Sample Response Packet): key order matters to byte comparisons.
 */
export const CALLBACK_ACK = { ActionStatus: 'OK', ErrorInfo: '', ErrorCode: 0 } as const;

/** A refused callback: the HTTP status doubles as the ErrorCode; the reason never holds a secret. */
export function callbackFailure(status: number, reason: string) {
	return { ActionStatus: 'FAIL', ErrorCode: status, ErrorInfo: reason } as const;
}

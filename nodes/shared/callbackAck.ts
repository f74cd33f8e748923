/**
 * The answer Tencent expects to every callback, byte for byte
 * ("Session Event Callback" → Sample Response Packet). Key order matters to byte comparisons.
 */
export const CALLBACK_ACK = { ActionStatus: 'OK', ErrorInfo: '', ErrorCode: 0 } as const;

export const CALLBACK_ACK_TEXT = JSON.stringify(CALLBACK_ACK);

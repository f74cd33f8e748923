/**
 * Tencent's REST answer envelope. ErrorInfo texts come from the shared DESK_ERRORS table so the
 * simulator and the node describe a code the same way; details never carry keys or UserSigs.
 */
import { DESK_ERRORS } from '../../nodes/shared/errorCodes';

/** Thrown by validation and command handlers; becomes a FAIL answer. */
export class DeskApiError extends Error {
	constructor(
		readonly code: number,
		readonly detail?: string,
	) {
		super(errorInfo(code, detail));
	}
}

export interface RestEnvelope {
	ActionStatus: 'OK' | 'FAIL';
	ErrorInfo: string;
	ErrorCode: number;
	[field: string]: unknown;
}

export function errorInfo(code: number, detail?: string): string {
	// A few IM codes outside the Desk table (e.g. 70402) still need a readable text.
	const meaning = DESK_ERRORS[code]?.meaning ?? 'Request failed';
	return detail ? `${meaning}: ${detail}` : meaning;
}

export function okBody(data: Record<string, unknown> = {}): RestEnvelope {
	return { ActionStatus: 'OK', ErrorInfo: '', ErrorCode: 0, ...data };
}

export function failBody(code: number, detail?: string): RestEnvelope {
	return { ActionStatus: 'FAIL', ErrorInfo: errorInfo(code, detail), ErrorCode: code };
}

/**
 * Decides whether a request is a genuine Desk session event, before anything runs. Pure, so every
 * branch has a focused test. The checks every callback shares (app, signature, command) are in
 * shared/callbackOrigin.ts; the body shape is the session event's own.
 */
import {
	callbackCommand,
	checkOrigin,
	parseJsonObject,
	reject,
	type CallbackRequest,
	type OriginSettings,
	type Rejection,
} from '../shared/callbackOrigin';
import { SESSION_EVENT_COMMAND } from '../shared/events';

export type { CallbackRequest } from '../shared/callbackOrigin';
export type VerifySettings = OriginSettings;

export type DeskCallbackBody = Record<string, unknown> & { SessionId: string; Event: string };

export type Verdict =
	| { kind: 'accepted'; body: DeskCallbackBody; command: string }
	/** Genuine, but not a session event: acknowledge without running. */
	| { kind: 'otherCommand'; body: DeskCallbackBody; command: string }
	| Rejection;

function isSessionEventBody(body: Record<string, unknown> | undefined): body is DeskCallbackBody {
	return body !== undefined && typeof body.SessionId === 'string' && typeof body.Event === 'string';
}

export function verifyCallback(request: CallbackRequest, settings: VerifySettings): Verdict {
	const body = parseJsonObject(request.rawBody);
	if (!isSessionEventBody(body)) return reject(400, 'Body must be a JSON object with string SessionId and Event');

	const originProblem = checkOrigin(request.query, settings);
	if (originProblem) return originProblem;

	const command = callbackCommand(request.query, body);
	if (typeof command !== 'string') return command;
	return command === SESSION_EVENT_COMMAND
		? { kind: 'accepted', body, command }
		: { kind: 'otherCommand', body, command };
}

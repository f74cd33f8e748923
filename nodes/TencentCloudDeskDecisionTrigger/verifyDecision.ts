/**
 * Decides whether a request is a genuine decision callback of the kind this trigger answers,
 * before anything runs. The checks every callback shares are in shared/callbackOrigin.ts; the
 * command and the body's shape are the decision's own. Pure, so every branch has a focused test.
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
import { decisionInfo, type DecisionKind } from '../shared/decisionCallbacks';

export type DecisionVerdict = { kind: 'accepted'; body: Record<string, unknown>; command: string } | Rejection;

/** What each decision's body must hold for the answer to make sense (the rest is passed on as sent). */
const BODY_SHAPE: Readonly<Record<DecisionKind, { check: (body: Record<string, unknown>) => boolean; expected: string }>> = {
	assignHuman: { check: (body) => typeof body.SessionId === 'string', expected: 'a string SessionId' },
	apiCall: {
		check: (body) => typeof body.Body === 'object' && body.Body !== null && !Array.isArray(body.Body),
		expected: 'a Body object',
	},
	beforeContact: { check: (body) => typeof body.ClientUserId === 'string', expected: 'a string ClientUserId' },
};

export function verifyDecision(request: CallbackRequest, settings: OriginSettings, decision: DecisionKind): DecisionVerdict {
	const shape = BODY_SHAPE[decision];
	const body = parseJsonObject(request.rawBody);
	if (!body || !shape.check(body)) return reject(400, `Body must be a JSON object with ${shape.expected}`);

	const originProblem = checkOrigin(request.query, settings);
	if (originProblem) return originProblem;

	const command = callbackCommand(request.query, body);
	if (typeof command !== 'string') return command;
	const { commands } = decisionInfo(decision);
	if (!commands.includes(command)) {
		return reject(400, `This URL answers ${commands.join(' / ')}, not ${command || 'a callback without CallbackCommand'}`);
	}
	return { kind: 'accepted', body, command };
}

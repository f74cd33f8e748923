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
import { decisionInfo, findDecisionByCommand, type DecisionKind } from '../shared/decisionCallbacks';

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
	if (!body) return reject(400, `Body must be a JSON object with ${shape.expected}`);

	// The command first: a callback pasted at the wrong URL is told where it belongs, not that its body looks wrong.
	const command = callbackCommand(request.query, body);
	if (typeof command !== 'string') return command;
	const { commands, name } = decisionInfo(decision);
	if (command && !commands.includes(command)) return reject(400, wrongUrl(commands, name, command));
	if (!shape.check(body)) return reject(400, `Body must be a JSON object with ${shape.expected}`);

	const originProblem = checkOrigin(request.query, settings);
	if (originProblem) return originProblem;
	if (!command) return reject(400, wrongUrl(commands, name, ''));
	return { kind: 'accepted', body, command };
}

function wrongUrl(commands: readonly string[], name: string, command: string): string {
	const sent = command ? `not ${command}` : 'not a callback without CallbackCommand';
	const other = command ? findDecisionByCommand(command) : undefined;
	const fix = other ? `: ${command} goes to a Decision Trigger set to “${other.name}”` : '';
	return `This URL answers ${commands.join(' / ')} (Decision: “${name}”), ${sent}${fix}`;
}

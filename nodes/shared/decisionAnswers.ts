/**
 * The answers to Desk's decision callbacks: built from what a workflow chose, and checked before
 * they are sent, so Desk never receives something it cannot read. Field names and types as
 * Tencent documents them (tencent-desk-extension.md §A.1, §A.2, §A.4).
 */
import { CALLBACK_ACK } from './callbackAck';
import type { DecisionKind } from './decisionCallbacks';
import { splitList } from './listValues';

export type DecisionAnswer = Record<string, unknown> & { ActionStatus: 'OK' | 'FAIL'; ErrorCode: number; ErrorInfo: string };

/** A decision the workflow built that Desk could not read; the message says what to fix. */
export class InvalidAnswerError extends Error {}

/** ErrorCode of a refusal: the older routing page words failure as "1 for failure". */
export const DECISION_FAILURE_CODE = 1;

/** `ErrorCode` ≠ 0: Desk ignores the rest and (presumably: not documented) applies its own default. */
export function failureAnswer(reason: string): DecisionAnswer {
	return { ActionStatus: 'FAIL', ErrorCode: DECISION_FAILURE_CODE, ErrorInfo: reason };
}

/** ChatBot.OnAssignHuman: the skill group, the agents (IDs, which are their emails), or both. */
export function routeAnswer(route: { agentGroupId?: unknown; agentIds?: unknown }): DecisionAnswer {
	const answer: DecisionAnswer = { ...CALLBACK_ACK };
	const { agentGroupId, agentIds } = route;
	if (agentGroupId !== undefined && agentGroupId !== null && agentGroupId !== '' && agentGroupId !== 0) {
		const group = typeof agentGroupId === 'string' && /^\d+$/.test(agentGroupId.trim()) ? Number(agentGroupId) : agentGroupId;
		if (typeof group !== 'number' || !Number.isSafeInteger(group) || group <= 0) {
			throw new InvalidAnswerError(`Skill group ID must be a positive whole number, got ${JSON.stringify(agentGroupId)}`);
		}
		answer.AgentGroupId = group;
	}
	const ids = agentIdList(agentIds);
	if (ids.length > 0) answer.AgentIdList = ids;
	if (answer.AgentGroupId === undefined && ids.length === 0) {
		throw new InvalidAnswerError(
			'Name a skill group or at least one agent. To leave the choice to Desk, answer with “Let Desk Decide” instead.',
		);
	}
	return answer;
}

function agentIdList(value: unknown): string[] {
	if (value === undefined || value === null || value === '') return [];
	const list = typeof value === 'string' ? splitList(value) : value;
	if (!Array.isArray(list)) throw new InvalidAnswerError(`Agent IDs must be a list of agent emails, got ${JSON.stringify(value)}`);
	const ids: string[] = [];
	for (const entry of list) {
		if (typeof entry !== 'string') throw new InvalidAnswerError(`Each agent ID must be text (the agent’s email), got ${JSON.stringify(entry)}`);
		const id = entry.trim();
		if (id && !ids.includes(id)) ids.push(id);
	}
	return ids;
}

/**
 * Chatbot.InterfaceInvocation: variables written into the session. Tencent's sample sends string
 * values and does not say whether others are accepted, so numbers and booleans become text.
 */
export function variablesAnswer(variables: Record<string, unknown>): DecisionAnswer {
	const body: Record<string, string> = {};
	// defineProperty: a variable may be called anything, "__proto__" included.
	const set = (name: string, text: string) => Object.defineProperty(body, name, { value: text, enumerable: true, writable: true, configurable: true });
	for (const [name, value] of Object.entries(variables)) {
		if (!name.trim()) throw new InvalidAnswerError('A chatbot variable needs a name');
		if (typeof value === 'string') set(name, value);
		else if (typeof value === 'number' || typeof value === 'boolean') set(name, String(value));
		else if (value === null || value === undefined) set(name, '');
		else {
			throw new InvalidAnswerError(
				`Chatbot variable “${name}” must be text, a number or true/false, got ${Array.isArray(value) ? 'a list' : 'an object'}`,
			);
		}
	}
	return { ...CALLBACK_ACK, Body: body };
}

/**
 * Desk.CallbackBeforeIMContactUser. UNCONFIRMED (Tencent's sample is truncated): OK allows, a
 * non-zero ErrorCode refuses, as in IM's other before-callbacks.
 */
export function contactAnswer(allow: boolean, reason = ''): DecisionAnswer {
	return allow ? { ...CALLBACK_ACK } : failureAnswer(reason || 'Contact refused by the business server');
}

/** Why `body` is not an answer Desk can read for `kind`, or undefined when it is one. */
export function answerProblem(kind: DecisionKind, body: unknown): string | undefined {
	if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'the answer is not a JSON object';
	const answer = body as Record<string, unknown>;
	if (answer.ActionStatus !== 'OK' && answer.ActionStatus !== 'FAIL') return 'ActionStatus must be "OK" or "FAIL"';
	if (typeof answer.ErrorCode !== 'number' || !Number.isSafeInteger(answer.ErrorCode)) return 'ErrorCode must be a whole number';
	if (typeof answer.ErrorInfo !== 'string') return 'ErrorInfo must be text';
	if ((answer.ActionStatus === 'OK') !== (answer.ErrorCode === 0)) return 'ActionStatus "OK" goes with ErrorCode 0 only';
	if (answer.ActionStatus === 'FAIL') return undefined;
	try {
		if (kind === 'assignHuman') {
			if (answer.AgentGroupId !== undefined && typeof answer.AgentGroupId !== 'number') return 'AgentGroupId must be a number';
			if (answer.AgentIdList !== undefined && !Array.isArray(answer.AgentIdList)) return 'AgentIdList must be a list';
			routeAnswer({ agentGroupId: answer.AgentGroupId, agentIds: answer.AgentIdList });
		}
		if (kind === 'apiCall' && answer.Body !== undefined) {
			if (typeof answer.Body !== 'object' || answer.Body === null || Array.isArray(answer.Body)) return 'Body must be an object';
			for (const [name, value] of Object.entries(answer.Body)) {
				if (typeof value !== 'string') return `Body.${name} must be text`;
			}
		}
	} catch (error) {
		return (error as Error).message;
	}
	return undefined;
}

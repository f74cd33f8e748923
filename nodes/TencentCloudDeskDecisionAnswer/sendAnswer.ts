/**
 * Sends the workflow's answer to the Desk callback that started it (the Decision Trigger waits for
 * it), like n8n's Respond to Webhook. The first item answers: Desk takes one answer per callback.
 */
import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { InvalidAnswerError, type DecisionAnswer } from '../shared/decisionAnswers';
import { answeredByTriggerFor, type DecisionDelivered } from '../shared/decisionDelivery';

export function sendAnswer(context: IExecuteFunctions, triggerName: string, build: () => DecisionAnswer): void {
	let answer: DecisionAnswer;
	try {
		answer = build();
	} catch (error) {
		if (!(error instanceof InvalidAnswerError)) throw new NodeOperationError(context.getNode(), error as Error, { itemIndex: 0 });
		throw new NodeOperationError(context.getNode(), `The answer to Desk is not valid: ${error.message}`, {
			itemIndex: 0,
			description: 'Desk gets the Decision Trigger’s fallback answer instead. Fix the value, or map it from an earlier node.',
		});
	}
	const delivered = answeredByTriggerFor(context, triggerName);
	if (delivered) {
		// Sending now would change nothing for Desk: say so in the execution instead of succeeding silently.
		throw new NodeOperationError(context.getNode(), 'Desk did not get this answer: it had already been answered', {
			itemIndex: 0,
			description: `The Decision Trigger answered ${describeDelivery(delivered)}. To answer in time, make the steps before this one faster, or raise the trigger’s Answer Deadline (under Tencent’s 2,000 ms).`,
		});
	}
	context.sendResponse({ body: answer, headers: { 'content-type': 'application/json; charset=utf-8' }, statusCode: 200 });
}

function describeDelivery(delivered: DecisionDelivered): string {
	return `with its fallback ${delivered.afterMs.toLocaleString('en-US')} ms after the callback arrived, because ${delivered.reason ?? 'the workflow had not answered'}`;
}

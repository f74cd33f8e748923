/**
 * The Decision Trigger this step answers, found among the nodes before it, as n8n's Respond to
 * Webhook looks for its Webhook node: an answer step with no trigger waiting for it, or one that
 * answers another kind of decision, fails with what to change instead of sending into the void.
 */
import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { decisionInfo, DEFAULT_DECISION, type DecisionKind } from '../shared/decisionCallbacks';
import { DEFAULT_ANSWER_MODE, isDecisionTriggerType } from '../shared/decisionDelivery';
import type { AnswerKind } from './answers';

interface TriggerNode {
	name: string;
	decision: DecisionKind;
	answersAtOnce: boolean;
}

/** The name of the Decision Trigger whose callback `answer` answers; throws when there is none. */
export function upstreamTriggerFor(context: IExecuteFunctions, answer: AnswerKind, others: readonly AnswerKind[]): string {
	const node = context.getNode();
	const triggers: TriggerNode[] = context
		.getParentNodes(node.name, { includeNodeParameters: true })
		.filter(({ type }) => isDecisionTriggerType(type))
		.map(({ name, parameters }) => ({
			name,
			// n8n leaves parameters at their default out of the saved workflow.
			decision: (parameters?.decision as DecisionKind | undefined) ?? DEFAULT_DECISION,
			answersAtOnce: (parameters?.answerMode ?? DEFAULT_ANSWER_MODE) === 'atOnce',
		}));

	if (triggers.length === 0) {
		throw new NodeOperationError(node, 'No Tencent Cloud Desk Decision Trigger before this step', {
			description:
				'This step answers the callback a Tencent Cloud Desk Decision Trigger received. Start the workflow with that trigger, and set its Answer to “From the Workflow”.',
		});
	}
	const waiting = triggers.filter((trigger) => !trigger.answersAtOnce);
	if (waiting.length === 0) {
		throw new NodeOperationError(node, `The Decision Trigger “${triggers[0].name}” already answered Desk at once`, {
			description: 'Its Answer is “At Once, With the Fallback”, so Desk does not wait for this step. Set it to “From the Workflow”, or remove this step.',
		});
	}
	const fitting = waiting.find((trigger) => trigger.decision === answer.decision);
	if (!fitting) {
		const { decision, name } = waiting[0];
		const instead = others.filter((other) => other.decision === decision).map((other) => `“${other.name}”`);
		throw new NodeOperationError(
			node,
			`“${answer.name}” does not answer the Decision Trigger “${name}”: it waits for a “${decisionInfo(decision).name}” answer`,
			{
				description: `Choose ${instead.join(' or ')} as this step’s Answer, or set the trigger’s Decision to “${decisionInfo(answer.decision).name}”.`,
			},
		);
	}
	return fitting.name;
}

/** Let Desk Decide: answers ChatBot.OnAssignHuman with "failed" (ErrorCode 1), as the trigger's fallback of that name does. */
import { failureAnswer } from '../../shared/decisionAnswers';
import type { AnswerKind } from './answerKind';
import { showFor } from './answerKind';

const value = 'letDeskDecide';

export const letDeskDecide: AnswerKind = {
	value,
	name: 'Let Desk Decide',
	action: 'Leave the routing of a customer to Desk',
	description: 'Answer “Route Customer to Agents” with “failed”, leaving the routing to Desk',
	decision: 'assignHuman',
	properties: [
		{
			displayName: 'Desk gets a “failed” answer and decides itself where the customer goes. To choose where the customer goes, use Route to Agents with a skill group.',
			name: 'letDeskDecideNotice',
			type: 'notice',
			default: '',
			displayOptions: showFor(value),
		},
	],
	build: () => failureAnswer('Routing left to Desk'),
};

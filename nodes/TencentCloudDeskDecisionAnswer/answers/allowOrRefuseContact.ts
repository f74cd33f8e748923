/** Allow or Refuse Contact: answers Desk.CallbackBeforeIMContactUser. */
import { contactAnswer } from '../../shared/decisionAnswers';
import type { AnswerKind } from './answerKind';
import { showFor } from './answerKind';

const value = 'allowOrRefuseContact';

export const allowOrRefuseContact: AnswerKind = {
	value,
	name: 'Allow or Refuse Contact',
	action: 'Allow or refuse an agent contacting a customer',
	description: 'Answer “Before Agent Contacts User”: may the agent contact the customer?',
	decision: 'beforeContact',
	properties: [
		{
			displayName: 'Allow Contact',
			name: 'allowContact',
			type: 'boolean',
			default: true,
			description: 'Whether the agent may contact the customer',
			displayOptions: showFor(value),
		},
		{
			displayName: 'Reason',
			name: 'refusalReason',
			type: 'string',
			default: '',
			placeholder: 'e.g. Customer opted out of contact',
			description: 'Why the contact is refused; Desk gets it as the answer’s ErrorInfo',
			displayOptions: { show: { ...showFor(value).show, allowContact: [false] } },
		},
	],
	build: (context) => {
		const allow = context.getNodeParameter('allowContact', 0, true) as boolean;
		return contactAnswer(allow, allow ? '' : (context.getNodeParameter('refusalReason', 0, '') as string));
	},
};

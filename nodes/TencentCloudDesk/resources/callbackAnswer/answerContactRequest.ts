/** Callback Answer → Allow or Refuse Contact: answers Desk.CallbackBeforeIMContactUser. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { contactAnswer } from '../../../shared/decisionAnswers';
import type { DeskClient } from '../../transport/deskClient';
import { sendAnswer } from './sendAnswer';

const show = { resource: ['callbackAnswer'], operation: ['answerContactRequest'] };

export const answerContactRequestDescription: INodeProperties[] = [
	{
		displayName: 'Allow Contact',
		name: 'allowContact',
		type: 'boolean',
		default: true,
		description: 'Whether the agent may contact the customer. A refusal is sent as ErrorCode 1 (Tencent’s refusal format is not fully published).',
		displayOptions: { show },
	},
	{
		displayName: 'Reason',
		name: 'refusalReason',
		type: 'string',
		default: '',
		placeholder: 'Customer opted out of contact',
		description: 'Why the contact is refused (sent as ErrorInfo)',
		displayOptions: { show: { ...show, allowContact: [false] } },
	},
];

export async function answerContactRequest(this: IExecuteFunctions, _client: DeskClient, itemIndex: number): Promise<IDataObject> {
	const allow = this.getNodeParameter('allowContact', itemIndex, true) as boolean;
	const reason = allow ? '' : (this.getNodeParameter('refusalReason', itemIndex, '') as string);
	return await sendAnswer(this, itemIndex, () => contactAnswer(allow, reason));
}

/** Batch Set (`batch_set_faq` / `batch_set_chitchat`): enable, disable or delete several questions in one call. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { CHATBOT_WRITE_HINT } from '../../descriptions/chatbotHints';
import { optionsCollection } from '../../../shared/requestOptions';
import { payloadOf } from '../../helpers/answer';
import type { OperationHandler } from '../types';
import { writeOperation } from '../writeOperation';
import { STATUS_DELETE, STATUS_DISABLED, STATUS_ENABLED, type QuestionBank } from './bank';
import { splitList } from '../../../shared/listValues';

const ACTIONS: Record<string, number> = { enable: STATUS_ENABLED, disable: STATUS_DISABLED, delete: STATUS_DELETE };

export function batchSetQuestionsDescription(bank: QuestionBank): INodeProperties[] {
	const show = { resource: [bank.resource], operation: ['batchSet'] };
	return [
		{
			displayName: 'Question IDs',
			name: 'questionIds',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'id1, id2',
			description: `StandardQuestionIds of the ${bank.plural}, separated by commas or new lines (or an array from an expression)`,
			displayOptions: { show },
		},
		{
			displayName: 'Set To',
			name: 'setTo',
			type: 'options',
			options: [
				{ name: 'Enable', value: 'enable', description: 'The bot answers with them again (Status 4)' },
				{ name: 'Disable', value: 'disable', description: 'The bot stops using them at once; they are kept (Status 5)' },
				{ name: 'Delete', value: 'delete', description: 'Removes them from the live bot for good (Status 6)' },
			],
			default: 'enable',
			hint: CHATBOT_WRITE_HINT,
			displayOptions: { show },
		},
		{
			displayName: `Disable takes the ${bank.plural} out of the live bot's answers at once; Delete removes them for good, with no way to restore them through the API.`,
			name: 'destructiveNotice',
			type: 'notice',
			default: '',
			displayOptions: { show: { ...show, setTo: ['disable', 'delete'] } },
		},
		optionsCollection(bank.resource, 'batchSet'),
	];
}

/**
 * Batch sets of one bank go in item order (their ID lists may overlap); sent once, since a repeated
 * delete would fail on the questions this item deleted.
 */
export function batchSetQuestions(bank: QuestionBank): OperationHandler {
	return writeOperation({ target: () => bank.resource, retry: 'once' }, async function (this: IExecuteFunctions, client, itemIndex): Promise<IDataObject> {
		const ids = splitList(this.getNodeParameter('questionIds', itemIndex, ''));
		if (ids.length === 0) {
			throw new NodeOperationError(this.getNode(), 'Question IDs is empty', {
				itemIndex,
				description: `Enter the StandardQuestionIds of the ${bank.plural} (Get Many returns them), separated by commas.`,
			});
		}
		const action = this.getNodeParameter('setTo', itemIndex) as string;
		const status = ACTIONS[action];
		if (status === undefined) throw new NodeOperationError(this.getNode(), `Unknown action “${action}”`, { itemIndex });
		const body: IDataObject = { StandardQuestionIds: ids, Status: status };
		const answer = await client.openImConsole(bank.commands.batchSet, body, { itemIndex });
		return { ...body, ...payloadOf(answer), action };
	});
}

/** Callback Answer → Set Chatbot Variables: answers Chatbot.InterfaceInvocation; Desk writes them into the session. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { variablesAnswer } from '../../../shared/decisionAnswers';
import type { DeskClient } from '../../transport/deskClient';
import { sendAnswer } from './sendAnswer';

const show = { resource: ['callbackAnswer'], operation: ['setChatbotVariables'] };

export const setChatbotVariablesDescription: INodeProperties[] = [
	{
		displayName: 'Define Variables',
		name: 'variablesInput',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'One by One', value: 'fields', description: 'A name and a value per variable' },
			{ name: 'From JSON', value: 'json', description: 'One JSON object of name → value, e.g. mapped from an earlier node' },
		],
		default: 'fields',
		displayOptions: { show },
	},
	{
		displayName: 'Variables',
		name: 'variables',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Variable',
		default: {},
		description: 'Written into the session’s variables for the task flow’s next nodes. Values are sent as text.',
		displayOptions: { show: { ...show, variablesInput: ['fields'] } },
		options: [
			{
				displayName: 'Variable',
				name: 'variable',
				values: [
					{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'orderStatus' },
					{ displayName: 'Value', name: 'value', type: 'string', default: '', placeholder: 'shipped' },
				],
			},
		],
	},
	{
		displayName: 'Variables (JSON)',
		name: 'variablesJson',
		type: 'json',
		default: '{}',
		description: 'A JSON object of variable name → value (text, number or true/false; numbers and booleans are sent as text)',
		displayOptions: { show: { ...show, variablesInput: ['json'] } },
	},
];

function jsonVariables(context: IExecuteFunctions, itemIndex: number): Record<string, unknown> {
	const raw = context.getNodeParameter('variablesJson', itemIndex, '{}') as unknown;
	let value = raw;
	if (typeof raw === 'string') {
		try {
			value = JSON.parse(raw || '{}');
		} catch {
			throw new NodeOperationError(context.getNode(), 'Variables (JSON) is not valid JSON', { itemIndex });
		}
	}
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		throw new NodeOperationError(context.getNode(), 'Variables (JSON) must be a JSON object of name → value', { itemIndex });
	}
	return value as Record<string, unknown>;
}

export async function setChatbotVariables(this: IExecuteFunctions, _client: DeskClient, itemIndex: number): Promise<IDataObject> {
	const variables =
		this.getNodeParameter('variablesInput', itemIndex, 'fields') === 'json'
			? jsonVariables(this, itemIndex)
			: Object.fromEntries(
					((this.getNodeParameter('variables', itemIndex, {}) as { variable?: Array<{ name: string; value: string }> }).variable ?? [])
						.filter((row) => row.name)
						.map((row) => [row.name, row.value]),
				);
	return await sendAnswer(this, itemIndex, () => variablesAnswer(variables));
}

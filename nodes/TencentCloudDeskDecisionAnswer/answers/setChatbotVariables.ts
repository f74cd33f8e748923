/** Set Chatbot Variables: answers Chatbot.InterfaceInvocation; Desk writes them into the session. */
import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { variablesAnswer } from '../../shared/decisionAnswers';
import type { AnswerKind } from './answerKind';
import { showFor } from './answerKind';

const value = 'setChatbotVariables';
const show = showFor(value).show;

function jsonVariables(context: IExecuteFunctions): Record<string, unknown> {
	const raw = context.getNodeParameter('variablesJson', 0, '{}') as unknown;
	let parsed = raw;
	if (typeof raw === 'string') {
		try {
			parsed = JSON.parse(raw || '{}');
		} catch {
			throw new NodeOperationError(context.getNode(), 'Variables (JSON) is not valid JSON', { itemIndex: 0 });
		}
	}
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
		throw new NodeOperationError(context.getNode(), 'Variables (JSON) must be a JSON object of name → value', { itemIndex: 0 });
	}
	return parsed as Record<string, unknown>;
}

function fieldVariables(context: IExecuteFunctions): Record<string, unknown> {
	const rows = (context.getNodeParameter('variables', 0, {}) as { variable?: Array<{ name: string; value: string }> }).variable ?? [];
	return Object.fromEntries(rows.filter((row) => row.name).map((row) => [row.name, row.value]));
}

export const setChatbotVariables: AnswerKind = {
	value,
	name: 'Set Chatbot Variables',
	action: 'Answer a chatbot API call with variables',
	description: 'Answer “Chatbot API Call”; the variables are written into the session for the task flow',
	decision: 'apiCall',
	properties: [
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
						{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'e.g. orderStatus' },
						{ displayName: 'Value', name: 'value', type: 'string', default: '', placeholder: 'e.g. shipped' },
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
	],
	build: (context) =>
		variablesAnswer(context.getNodeParameter('variablesInput', 0, 'fields') === 'json' ? jsonVariables(context) : fieldVariables(context)),
};

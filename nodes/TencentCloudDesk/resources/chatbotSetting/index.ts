import type { INodeProperties } from 'n8n-workflow';

import type { OperationHandler } from '../types';
import { get, getDescription } from './get';

export const chatbotSettingOperations: Record<string, OperationHandler> = { get };

export const chatbotSettingDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['chatbotSetting'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get the chatbot settings',
				description:
					'Read the chatbot’s live configuration: welcome card, transfer-to-agent detection, answer and small-talk thresholds, clarification and fallback message',
			},
		],
		default: 'get',
	},
	...getDescription,
];

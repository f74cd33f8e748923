import type { INodeProperties } from 'n8n-workflow';

import type { OperationHandler } from '../types';
import { getState, getStateDescription } from './getState';

export const sessionOperations: Record<string, OperationHandler> = {
	getState,
};

export const sessionDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['session'] } },
		options: [
			{
				name: 'Get State',
				value: 'getState',
				action: 'Get the state of a session',
				description:
					'Get whether a customer-service session is with the chatbot, queuing, waiting for or with an agent, and which agent',
			},
		],
		default: 'getState',
	},
	...getStateDescription,
];

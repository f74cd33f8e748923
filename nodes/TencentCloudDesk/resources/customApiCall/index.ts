import type { INodeProperties } from 'n8n-workflow';

import type { OperationHandler } from '../types';
import { call, callDescription } from './call';

export const customApiCallOperations: Record<string, OperationHandler> = {
	call,
};

export const customApiCallDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['customApiCall'] } },
		options: [
			{
				name: 'Call',
				value: 'call',
				action: 'Call any REST API command',
				description:
					'Call any Tencent Cloud Chat or Desk REST API (v4/service/command) with a JSON body, signed with the credential',
			},
		],
		default: 'call',
	},
	...callDescription,
];

import type { INodeProperties } from 'n8n-workflow';

import type { OperationHandler } from '../types';
import { listAccounts, listAccountsDescription } from './list';

export const customerServiceAccountOperations: Record<string, OperationHandler> = {
	list: listAccounts,
};

export const customerServiceAccountDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['customerServiceAccount'] } },
		options: [
			{
				name: 'List',
				value: 'list',
				action: 'List customer service accounts',
				description:
					'List the customer service accounts (the Chat UserIDs customers talk to, CustomerServiceId in events)',
			},
		],
		default: 'list',
	},
	...listAccountsDescription,
];

import type { INodeProperties } from 'n8n-workflow';

import type { OperationHandler } from '../types';
import { createAccount, createAccountDescription } from './create';
import { deleteAccount, deleteAccountDescription } from './delete';
import { listAccounts, listAccountsDescription } from './getAll';
import { updateAccount, updateAccountDescription } from './update';

export const customerServiceAccountOperations: Record<string, OperationHandler> = {
	create: createAccount,
	update: updateAccount,
	delete: deleteAccount,
	getAll: listAccounts,
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
				name: 'Create',
				value: 'create',
				action: 'Create a customer service account',
				description:
					'Create a customer service account: a new Chat UserID customers can talk to (an entry point, not a person), with its welcome message, prompts, skill group and work time',
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a customer service account',
				description: 'Delete a customer service account for good, with all its settings; the app’s default account cannot be deleted',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many customer service accounts',
				description:
					'Get the customer service accounts (the Chat UserIDs customers talk to, CustomerServiceId in events), optionally with their settings and prompts',
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a customer service account',
				description:
					'Change some settings of a customer service account (nickname, welcome message, prompts, skill group, work time); settings not given stay as they are',
			},
		],
		default: 'getAll',
	},
	...createAccountDescription,
	...updateAccountDescription,
	...deleteAccountDescription,
	...listAccountsDescription,
];

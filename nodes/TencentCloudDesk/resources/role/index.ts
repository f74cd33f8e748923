import type { INodeProperties } from 'n8n-workflow';

import type { OperationHandler } from '../types';
import { getRoles, getRolesDescription } from './getAll';

export const roleOperations: Record<string, OperationHandler> = {
	getAll: getRoles,
};

export const roleDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['role'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many roles',
				description:
					'List the roles agents can have (their IDs go into an agent’s Role IDs), one item per role',
			},
		],
		default: 'getAll',
	},
	...getRolesDescription,
];

import type { INodeProperties } from 'n8n-workflow';

import type { OperationHandler } from '../types';
import { listAgents, listAgentsDescription } from './list';
import { setStatus, setStatusDescription } from './setStatus';

export const agentOperations: Record<string, OperationHandler> = {
	list: listAgents,
	setStatus,
};

export const agentDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['agent'] } },
		options: [
			{
				name: 'List',
				value: 'list',
				action: 'List agents',
				description: 'List the agents (email, nickname, status, skill groups), optionally only free ones or one group’s',
			},
			{
				name: 'Set Status',
				value: 'setStatus',
				action: 'Set the status of an agent',
				description: 'Set an agent to free, not ready or rest (with a reason)',
			},
		],
		default: 'list',
	},
	...listAgentsDescription,
	...setStatusDescription,
];

import type { INodeProperties } from 'n8n-workflow';

import type { OperationHandler } from '../types';
import { createAgent, createAgentDescription } from './create';
import { forceOffline, forceOfflineDescription } from './forceOffline';
import { getStatusHistory, getStatusHistoryDescription } from './getStatusHistory';
import { listAgents, listAgentsDescription } from './getAll';
import { restoreOnline, restoreOnlineDescription } from './restoreOnline';
import { setStatus, setStatusDescription } from './setStatus';
import { updateAgent, updateAgentDescription } from './update';

export const agentOperations: Record<string, OperationHandler> = {
	create: createAgent,
	forceOffline,
	getStatusHistory,
	getAll: listAgents,
	restoreOnline,
	setStatus,
	update: updateAgent,
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
				name: 'Create',
				value: 'create',
				action: 'Create an agent',
				description:
					'Create an agent account from an email (their login), with optional nickname, roles, skill groups and reception limit; Desk can email them a password',
			},
			{
				name: 'Force Offline',
				value: 'forceOffline',
				action: 'Force an agent offline',
				description: 'Sign an agent out of the workbench so they receive no sessions until Restore Online',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many agents',
				description: 'List the agents (email, nickname, status, skill groups), optionally only free ones or one group’s',
			},
			{
				name: 'Get Status History',
				value: 'getStatusHistory',
				action: 'Get the status history of an agent',
				description:
					'List when an agent became free, not ready, resting or offline, and on which client, within at most 3 months',
			},
			{
				name: 'Restore Online',
				value: 'restoreOnline',
				action: 'Allow an agent forced offline to go online again',
				description: 'Undo Force Offline so the agent can sign in and receive sessions again',
			},
			{
				name: 'Set Status',
				value: 'setStatus',
				action: 'Set the status of an agent',
				description: 'Set an agent to free, not ready or rest (with a reason)',
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update an agent',
				description:
					'Change an agent’s nickname, roles, skill groups, avatar or reception limit; only the fields given change',
			},
		],
		default: 'getAll',
	},
	...createAgentDescription,
	...listAgentsDescription,
	...setStatusDescription,
	...updateAgentDescription,
	...forceOfflineDescription,
	...restoreOnlineDescription,
	...getStatusHistoryDescription,
];

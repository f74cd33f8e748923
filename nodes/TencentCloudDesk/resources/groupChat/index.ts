import type { INodeProperties } from 'n8n-workflow';

import type { OperationHandler } from '../types';
import { createGroupChat, createGroupChatDescription } from './create';

export const groupChatOperations: Record<string, OperationHandler> = {
	create: createGroupChat,
};

export const groupChatDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['groupChat'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a group chat',
				description:
					'Create an IM group chat in which one customer service account serves customers together (e.g. a VIP group); needs the feature enabled by Tencent',
			},
		],
		default: 'create',
	},
	...createGroupChatDescription,
];

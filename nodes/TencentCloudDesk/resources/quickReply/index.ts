import type { INodeProperties } from 'n8n-workflow';

import type { OperationHandler } from '../types';
import { createGroup, createGroupDescription } from './createGroup';
import { getManyQuickReplies, getManyQuickRepliesDescription } from './getAll';
import { updateQuickReply, updateQuickReplyDescription } from './update';

export const quickReplyOperations: Record<string, OperationHandler> = {
	createGroup,
	update: updateQuickReply,
	getAll: getManyQuickReplies,
};

export const quickReplyDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['quickReply'] } },
		options: [
			{
				name: 'Create Category',
				value: 'createGroup',
				action: 'Create a quick reply category',
				description: 'Create a quick-reply category for all agents, some skill groups or some agents; returns its GroupId',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many quick replies',
				description:
					'Get the quick replies (canned answers) an agent can use, one item per reply with its category, title and content',
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a quick reply',
				description: 'Replace a quick reply’s title and content, and set its category',
			},
		],
		default: 'getAll',
	},
	...createGroupDescription,
	...updateQuickReplyDescription,
	...getManyQuickRepliesDescription,
];

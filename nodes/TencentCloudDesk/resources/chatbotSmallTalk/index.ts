import type { INodeProperties } from 'n8n-workflow';

import type { OperationHandler } from '../types';
import { batchSet, batchSetDescription } from './batchSet';
import { create, createDescription } from './create';
import { getAll, getAllDescription } from './getAll';
import { getCategories, getCategoriesDescription } from './getCategories';
import { update, updateDescription } from './update';

export const chatbotSmallTalkOperations: Record<string, OperationHandler> = {
	create,
	update,
	getAll,
	batchSet,
	getCategories,
};

export const chatbotSmallTalkDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['chatbotSmallTalk'] } },
		options: [
			{
				name: 'Batch Set',
				value: 'batchSet',
				action: 'Set the status of several small talk questions',
				description:
					'Enable, disable or delete several chatbot small-talk (chitchat) questions by their question IDs, live at once. Delete removes them for good.',
			},
			{
				name: 'Create',
				value: 'create',
				action: 'Create a small talk question',
				description: 'Add a small-talk (chitchat) question and the bot’s reply in a small-talk category; live at once',
			},
			{
				name: 'Get Categories',
				value: 'getCategories',
				action: 'Get small talk categories',
				description: 'List the small-talk categories with their IDs and titles, to pick a category for Create',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many small talk questions',
				description: 'List the chatbot’s published small-talk questions and replies, optionally by search text, category or status',
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a small talk question',
				description: 'Change a small-talk question’s wording, reply, answer type or category by its question ID; unset fields stay as they are',
			},
		],
		default: 'getAll',
	},
	...createDescription,
	...updateDescription,
	...getAllDescription,
	...batchSetDescription,
	...getCategoriesDescription,
];

import type { INodeProperties } from 'n8n-workflow';

import type { OperationHandler } from '../types';
import { batchSet, batchSetDescription } from './batchSet';
import { create, createDescription } from './create';
import { createCategory, createCategoryDescription } from './createCategory';
import { deleteCategory, deleteCategoryDescription } from './deleteCategory';
import { getAll, getAllDescription } from './getAll';
import { update, updateDescription } from './update';

export const chatbotFaqOperations: Record<string, OperationHandler> = {
	create,
	update,
	getAll,
	batchSet,
	createCategory,
	deleteCategory,
};

export const chatbotFaqDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['chatbotFaq'] } },
		options: [
			{
				name: 'Batch Set',
				value: 'batchSet',
				action: 'Set the status of several FAQ entries',
				description:
					'Enable, disable or delete several chatbot FAQs by their question IDs, live at once. Disable stops the bot using them; Delete removes them for good.',
			},
			{
				name: 'Create',
				value: 'create',
				action: 'Create an FAQ',
				description: 'Add a question and its answer to the chatbot’s FAQ bank in a category; the bot answers with it at once',
			},
			{
				name: 'Create Category',
				value: 'createCategory',
				action: 'Create an FAQ category',
				description: 'Add an FAQ category (optionally under a top-level one) and get its category ID',
			},
			{
				name: 'Delete Category',
				value: 'deleteCategory',
				action: 'Delete an FAQ category',
				description: 'Delete an FAQ category together with every question in it, live at once',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many FAQ entries',
				description: 'List the chatbot’s published FAQs (question, answer, status, category), optionally by search text, category or status',
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update an FAQ',
				description: 'Change an FAQ’s question, answer, answer type or category by its question ID; unset fields stay as they are',
			},
		],
		default: 'getAll',
	},
	...createDescription,
	...updateDescription,
	...getAllDescription,
	...batchSetDescription,
	...createCategoryDescription,
	...deleteCategoryDescription,
];

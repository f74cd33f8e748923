/** Chatbot FAQ → Create Category (`add_faq_category`): a category, top level or under another (two levels at most). */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { CHATBOT_WRITE_HINT } from '../../descriptions/chatbotHints';
import { additionalFieldsCollection } from '../../descriptions/fieldCollections';
import { faqCategoryLocator } from '../../../shared/pickers/locators';
import { optionsCollection } from '../../../shared/requestOptions';
import { payloadOf } from '../../helpers/answer';
import { requiredString } from '../../helpers/parameters';
import type { DeskClient } from '../../../shared/transport/deskClient';
import { categoryFrom } from '../questionBank/categoryParameter';
import { writeOperation } from '../writeOperation';

const show = { resource: ['chatbotFaq'], operation: ['createCategory'] };

export const createCategoryDescription: INodeProperties[] = [
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'Billing',
		description: 'The category’s name',
		hint: CHATBOT_WRITE_HINT,
		displayOptions: { show },
	},
	additionalFieldsCollection(show, [
		faqCategoryLocator('parent', undefined, {
			displayName: 'Parent Category',
			description: 'Make it a sub-category of this top-level category (ParentId). Tencent allows two levels at most.',
			displayOptions: undefined,
		}),
	]),
	optionsCollection('chatbotFaq', 'createCategory'),
];

function parentCategory(this: IExecuteFunctions, itemIndex: number): string {
	const { parent } = this.getNodeParameter('additionalFields', itemIndex, {}) as { parent?: unknown };
	return String(categoryFrom(parent) ?? 'top level');
}

/**
 * Categories under one parent are made in item order; sent once, since a repeat would make a second category.
 */
export const createCategory = writeOperation({ target: parentCategory, retry: 'once' }, async function createCategory(this: IExecuteFunctions, client: DeskClient, itemIndex: number): Promise<IDataObject> {
	const body: IDataObject = { Title: requiredString(this, 'title', 'Title', itemIndex) };
	const { parent } = this.getNodeParameter('additionalFields', itemIndex, {}) as { parent?: unknown };
	const parentId = categoryFrom(parent);
	if (parentId !== undefined) body.ParentId = parentId;
	const answer = await client.openImConsole('add_faq_category', body, { itemIndex });
	return { ...body, ...payloadOf(answer) };
});

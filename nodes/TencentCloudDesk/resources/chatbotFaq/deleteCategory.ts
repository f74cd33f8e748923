/** Chatbot FAQ → Delete Category (`del_faq_category`): the category and every question in it. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { faqCategoryLocator } from '../../../shared/pickers/locators';
import { optionsCollection } from '../../../shared/requestOptions';
import { payloadOf } from '../../helpers/answer';
import type { DeskClient } from '../../../shared/transport/deskClient';
import { categoryParameter } from '../questionBank/categoryParameter';
import { byLocator, writeOperation } from '../writeOperation';

const show = { resource: ['chatbotFaq'], operation: ['deleteCategory'] };

export const deleteCategoryDescription: INodeProperties[] = [
	faqCategoryLocator('category', show, {
		required: true,
		hint: 'Deletes the category and every FAQ in it from the live bot at once, with no way to restore them through the API. System categories cannot be deleted. Tencent allows 5 chatbot API calls per second per app; the node keeps to it.',
	}),
	optionsCollection('chatbotFaq', 'deleteCategory'),
];

/**
 * Writes to one category go in item order; sent once, since a repeat would fail on the category this item deleted.
 */
export const deleteCategory = writeOperation({ target: byLocator('category'), retry: 'once' }, async function deleteCategory(this: IExecuteFunctions, client: DeskClient, itemIndex: number): Promise<IDataObject> {
	const categoryId = categoryParameter(this, 'category', itemIndex);
	if (categoryId === undefined) {
		throw new NodeOperationError(this.getNode(), 'Category is empty', {
			itemIndex,
			description: 'Pick the FAQ category to delete, or enter its ID.',
		});
	}
	const answer = await client.openImConsole('del_faq_category', { CategoryId: categoryId }, { itemIndex });
	return { CategoryId: categoryId, ...payloadOf(answer), deleted: true };
});

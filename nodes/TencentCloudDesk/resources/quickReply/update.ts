/** Quick Reply → Update (`update_quick_reply`): Desk replaces category, title and content together. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { quickReplyGroupLocator } from '../../descriptions/customerServiceLocators';
import { optionsCollection } from '../../../shared/requestOptions';
import { updatedResult } from '../../helpers/answer';
import { requiredLocator, requiredString } from '../../helpers/parameters';
import type { DeskClient } from '../../../shared/transport/deskClient';
import { byParameter, writeOperation } from '../writeOperation';

const show = { resource: ['quickReply'], operation: ['update'] };

export const updateQuickReplyDescription: INodeProperties[] = [
	{
		displayName: 'Quick Reply ID',
		name: 'quickReplyId',
		type: 'string',
		required: true,
		default: '',
		placeholder: '3954',
		description: 'The quick reply (QuickReplyId, a string), e.g. from Quick Reply → Get Many',
		displayOptions: { show },
	},
	quickReplyGroupLocator('group', show, {
		required: true,
		hint: 'Desk needs the category on every update: pick the reply’s current one to keep it there. A personal reply’s category ID is its owner’s email.',
	}),
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		required: true,
		default: '',
		description: 'What agents search the reply by',
		displayOptions: { show },
	},
	{
		displayName: 'Content',
		name: 'content',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
		description: 'The text sent to the customer',
		hint: 'Desk replaces the title and content as given: all are required, there is no partial update',
		displayOptions: { show },
	},
	optionsCollection('quickReply', 'update'),
];

/**
 * Writes to one quick reply go in item order; update_quick_reply sets its fields, so a repeat changes nothing.
 */
export const updateQuickReply = writeOperation({ target: byParameter('quickReplyId'), retry: 'repeatable' }, async function updateQuickReply(this: IExecuteFunctions, client: DeskClient, itemIndex: number): Promise<IDataObject> {
	const body: IDataObject = {
		QuickReplyId: requiredString(this, 'quickReplyId', 'Quick Reply ID', itemIndex),
		GroupId: requiredLocator(this, 'group', 'Quick Reply Category', itemIndex),
		Title: requiredString(this, 'title', 'Title', itemIndex),
		Content: requiredString(this, 'content', 'Content', itemIndex),
	};
	await client.desk('update_quick_reply', body, { itemIndex });
	return updatedResult(body);
});

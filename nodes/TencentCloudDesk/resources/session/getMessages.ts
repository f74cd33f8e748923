/** Session → Get Messages: the conversation so far (`describe_chat_messages`), one item per message. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { pagingFields, readLimit } from '../../descriptions/paging';
import { optionsCollection } from '../../../shared/requestOptions';
import { requiredString } from '../../helpers/parameters';
import { fetchSessionMessages, type MessageOrder } from '../../../shared/sessionRecords';
import type { DeskClient } from '../../../shared/transport/deskClient';
import { sessionIdField } from './sessionIdField';

const show = { resource: ['session'], operation: ['getMessages'] };

export const getMessagesDescription: INodeProperties[] = [
	sessionIdField(show),
	...pagingFields('session', 'getMessages'),
	optionsCollection('session', 'getMessages', [
		{
			displayName: 'Order',
			name: 'order',
			type: 'options',
			options: [
				{ name: 'Oldest First', value: 'oldestFirst' },
				{ name: 'Newest First', value: 'newestFirst' },
			],
			default: 'oldestFirst',
			description: 'Oldest first reads like the conversation; newest first with a Limit gives the latest messages',
		},
	]),
];

export async function getMessages(
	this: IExecuteFunctions,
	client: DeskClient,
	itemIndex: number,
): Promise<IDataObject[]> {
	const sessionId = requiredString(this, 'sessionId', 'Session ID', itemIndex);
	const { order = 'oldestFirst' } = this.getNodeParameter('options', itemIndex, {}) as { order?: MessageOrder };
	return await fetchSessionMessages(client, sessionId, { order, limit: readLimit(this, itemIndex), itemIndex });
}

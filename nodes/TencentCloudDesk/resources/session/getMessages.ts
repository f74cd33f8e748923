/** Session → Get Messages: the conversation so far (`describe_chat_messages`), one item per message. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { messageText } from '../../../shared/messageText';
import { pagingFields, readLimit } from '../../descriptions/paging';
import { optionsCollection } from '../../descriptions/requestOptions';
import { collectPages } from '../../helpers/paging';
import { requiredString } from '../../helpers/parameters';
import type { DeskClient } from '../../transport/deskClient';
import { sessionIdField } from './sessionIdField';

/** Desk's maximum `Limit`. */
const PAGE_SIZE = 100;
const ORDER = { oldestFirst: 1, newestFirst: 2 } as const;

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
	const { order = 'oldestFirst' } = this.getNodeParameter('options', itemIndex, {}) as { order?: keyof typeof ORDER };
	const messages = await collectPages({
		pageSize: PAGE_SIZE,
		limit: readLimit(this, itemIndex),
		fetchPage: async (pageIndex, pageSize) => {
			const answer = await client.desk(
				'describe_chat_messages',
				{ SessionId: sessionId, Limit: pageSize, Offset: pageIndex * pageSize, Order: ORDER[order] },
				{ itemIndex },
			);
			return { items: (answer.Messages as IDataObject[] | undefined) ?? [], total: answer.TotalCount as number };
		},
	});
	return messages.map((message) => ({
		SessionId: sessionId,
		...message,
		time: typeof message.Timestamp === 'number' ? new Date(message.Timestamp).toISOString() : null,
		messageText: messageText(message.MsgBody),
	}));
}

/** Chatbot Small Talk → Get Categories (`desc_chitchat_category`): every small-talk category, one item each. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { CHATBOT_READ_HINT } from '../../descriptions/chatbotHints';
import { optionsCollection } from '../../../shared/requestOptions';
import type { DeskClient } from '../../../shared/transport/deskClient';

export async function fetchSmallTalkCategories(client: DeskClient, itemIndex?: number): Promise<IDataObject[]> {
	const answer = await client.openImConsole('desc_chitchat_category', {}, { itemIndex });
	return (answer.List as IDataObject[] | undefined) ?? [];
}

export const getCategoriesDescription: INodeProperties[] = [
	{
		displayName: `Returns one item per category: CategoryId, ParentId, Title, MenuType and Status as Tencent sends them. ${CHATBOT_READ_HINT}`,
		name: 'getCategoriesNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { resource: ['chatbotSmallTalk'], operation: ['getCategories'] } },
	},
	optionsCollection('chatbotSmallTalk', 'getCategories'),
];

export async function getCategories(this: IExecuteFunctions, client: DeskClient, itemIndex: number): Promise<IDataObject[]> {
	return await fetchSmallTalkCategories(client, itemIndex);
}

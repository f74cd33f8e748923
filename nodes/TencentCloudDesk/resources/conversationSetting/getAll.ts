/** Conversation Setting → Get Many (`get_channel_specific_conversation_settings`, 10 per page). */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { pagingFields, readLimit } from '../../descriptions/paging';
import { optionsCollection } from '../../../shared/requestOptions';
import { collectPages } from '../../../shared/paging';
import type { DeskClient } from '../../../shared/transport/deskClient';
import { fetchSettingsPage, SETTINGS_PAGE_SIZE } from './fetchSettingsPage';

export const getManySettingsDescription: INodeProperties[] = [
	...pagingFields('conversationSetting', 'getAll'),
	optionsCollection('conversationSetting', 'getAll'),
];

export async function getManySettings(this: IExecuteFunctions, client: DeskClient, itemIndex: number): Promise<IDataObject[]> {
	return await collectPages({
		pageSize: SETTINGS_PAGE_SIZE,
		limit: readLimit(this, itemIndex),
		fetchPage: async (pageIndex, pageSize) => await fetchSettingsPage(client, pageIndex, pageSize, itemIndex),
	});
}

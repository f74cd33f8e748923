/** One page of `get_channel_specific_conversation_settings` (PageNumber from 0, at most 10 per page). */
import type { IDataObject } from 'n8n-workflow';

import type { Page } from '../../../shared/paging';
import type { DeskClient } from '../../../shared/transport/deskClient';

/** Desk's maximum PageSize for conversation settings. */
export const SETTINGS_PAGE_SIZE = 10;

export async function fetchSettingsPage(
	client: DeskClient,
	pageIndex: number,
	pageSize: number,
	itemIndex?: number,
	ids?: number[],
): Promise<Page> {
	const body: IDataObject = { PageNumber: pageIndex, PageSize: pageSize };
	if (ids) body.ConversationSettingIdList = ids;
	const answer = await client.desk('get_channel_specific_conversation_settings', body, { itemIndex });
	return { items: (answer.Data as IDataObject[] | undefined) ?? [], total: answer.TotalCount as number | undefined };
}

/**
 * Desk's paged lists that both the action node's Get Many operations and the editor's pickers read
 * (the Decision Trigger and Decision Answer included): one page fetcher each, in one place.
 */
import type { IDataObject } from 'n8n-workflow';

import type { Page } from './paging';
import type { DeskClient } from './transport/deskClient';

/** Desk's maximum `PageSize` for agents. */
export const MEMBER_PAGE_SIZE = 100;

/** One page of agents (`get_member_list`): Agent → Get Many and the agent pickers. */
export async function fetchMemberPage(
	client: DeskClient,
	pageIndex: number,
	pageSize: number,
	itemIndex?: number,
): Promise<Page> {
	const answer = await client.desk('get_member_list', { PageSize: pageSize, PageNum: pageIndex }, { itemIndex });
	return { items: (answer.MemberList as IDataObject[] | undefined) ?? [], total: answer.Total as number };
}

/** Desk's maximum `PageSize` for skill groups. */
export const GROUP_PAGE_SIZE = 100;

/** One page of skill groups (`get_member_group_list`): Skill Group → Get Many and the skill-group picker. */
export async function fetchSkillGroupPage(
	client: DeskClient,
	pageIndex: number,
	pageSize: number,
	itemIndex?: number,
): Promise<Page> {
	const answer = await client.desk(
		'get_member_group_list',
		{ PageSize: pageSize, PageNumber: pageIndex },
		{ itemIndex },
	);
	return { items: (answer.MemberGroupList as IDataObject[] | undefined) ?? [], total: answer.Total as number };
}

/** Skill Group → Get Many (`get_member_group_list`): the groups sessions can be routed to. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { pagingFields, readLimit } from '../../descriptions/paging';
import { optionsCollection } from '../../descriptions/requestOptions';
import { collectPages, type Page } from '../../helpers/paging';
import type { DeskClient } from '../../transport/deskClient';

/** Desk's maximum `PageSize`. */
export const GROUP_PAGE_SIZE = 100;

/** One page of skill groups; also used by the skill-group picker. */
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

export const listSkillGroupsDescription: INodeProperties[] = [
	...pagingFields('skillGroup', 'getAll'),
	optionsCollection('skillGroup', 'getAll'),
];

export async function listSkillGroups(
	this: IExecuteFunctions,
	client: DeskClient,
	itemIndex: number,
): Promise<IDataObject[]> {
	return await collectPages({
		pageSize: GROUP_PAGE_SIZE,
		limit: readLimit(this, itemIndex),
		fetchPage: async (pageIndex, pageSize) => await fetchSkillGroupPage(client, pageIndex, pageSize, itemIndex),
	});
}

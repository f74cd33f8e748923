/** Skill Group → Get Many (`get_member_group_list`): the groups sessions can be routed to. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { pagingFields, readLimit } from '../../descriptions/paging';
import { optionsCollection } from '../../../shared/requestOptions';
import { collectPages } from '../../../shared/paging';
import type { DeskClient } from '../../../shared/transport/deskClient';
import { fetchSkillGroupPage, GROUP_PAGE_SIZE } from '../../../shared/deskLists';

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

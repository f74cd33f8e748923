/** Skill Group → Get Members (`get_member_list_in_group`): the agents of one group, with roles and reception limits. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { skillGroupLocator } from '../../../shared/pickers/locators';
import { pagingFields, readLimit } from '../../descriptions/paging';
import { optionsCollection } from '../../../shared/requestOptions';
import { collectPages } from '../../../shared/paging';
import { skillGroupId } from '../../helpers/parameters';
import type { DeskClient } from '../../../shared/transport/deskClient';

/** Desk's maximum `PageSize`. */
const PAGE_SIZE = 100;

const show = { resource: ['skillGroup'], operation: ['getMembers'] };

export const getMembersDescription: INodeProperties[] = [
	skillGroupLocator('skillGroup', show, { required: true }),
	...pagingFields('skillGroup', 'getMembers'),
	optionsCollection('skillGroup', 'getMembers', [
		{
			displayName: 'Order',
			name: 'order',
			type: 'options',
			options: [
				{ name: 'Ascending', value: 0 },
				{ name: 'Descending', value: 1 },
			],
			default: 0,
			description: 'Desk’s sort order for the members (Order)',
		},
	]),
];

export async function getMembers(this: IExecuteFunctions, client: DeskClient, itemIndex: number): Promise<IDataObject[]> {
	const id = skillGroupId(this, 'skillGroup', itemIndex);
	const { order = 0 } = this.getNodeParameter('options', itemIndex, {}) as { order?: number };
	return await collectPages({
		pageSize: PAGE_SIZE,
		limit: readLimit(this, itemIndex),
		fetchPage: async (pageIndex, pageSize) => {
			const answer = await client.desk(
				'get_member_list_in_group',
				{ MemberGroupID: id, PageSize: pageSize, PageNum: pageIndex, Order: order },
				{ itemIndex },
			);
			return { items: (answer.MemberList as IDataObject[] | undefined) ?? [], total: answer.Total as number };
		},
	});
}

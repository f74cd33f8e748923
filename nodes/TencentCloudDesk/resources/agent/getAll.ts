/** Agent → Get Many (`get_member_list`): who is on the team, with status and skill groups. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { pagingFields, readLimit } from '../../descriptions/paging';
import { optionsCollection } from '../../descriptions/requestOptions';
import { collectPages, type Page } from '../../helpers/paging';
import type { DeskClient } from '../../transport/deskClient';
import { AGENT_STATUSES, REPORTED_ONLY_STATUSES } from './statuses';

/** Desk's maximum `PageSize`. */
export const MEMBER_PAGE_SIZE = 100;

/** One page of agents; also used by the agent picker. */
export async function fetchMemberPage(
	client: DeskClient,
	pageIndex: number,
	pageSize: number,
	itemIndex?: number,
): Promise<Page> {
	const answer = await client.desk('get_member_list', { PageSize: pageSize, PageNum: pageIndex }, { itemIndex });
	return { items: (answer.MemberList as IDataObject[] | undefined) ?? [], total: answer.Total as number };
}

const show = { resource: ['agent'], operation: ['getAll'] };

export const listAgentsDescription: INodeProperties[] = [
	...pagingFields('agent', 'getAll'),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Status',
				name: 'status',
				type: 'multiOptions',
				options: [...AGENT_STATUSES, ...REPORTED_ONLY_STATUSES].map(({ name, value }) => ({ name, value })),
				default: [],
				description: 'Only agents in one of these statuses, e.g. Free to see who can take a session now',
			},
			{
				displayName: 'Skill Group ID',
				name: 'skillGroupId',
				type: 'number',
				default: 0,
				description: 'Only members of this skill group (MemberGroupID); 0 means all',
			},
		],
	},
	optionsCollection('agent', 'getAll'),
];

export async function listAgents(this: IExecuteFunctions, client: DeskClient, itemIndex: number): Promise<IDataObject[]> {
	const { status = [], skillGroupId = 0 } = this.getNodeParameter('filters', itemIndex, {}) as {
		status?: string[];
		skillGroupId?: number;
	};
	const filtered = status.length > 0 || skillGroupId > 0;
	return await collectPages({
		pageSize: MEMBER_PAGE_SIZE,
		limit: readLimit(this, itemIndex),
		fetchPage: async (pageIndex, pageSize) => await fetchMemberPage(client, pageIndex, pageSize, itemIndex),
		// Desk has no server-side filter, so filtering happens here, before the limit.
		keep: filtered
			? (agent) =>
					(status.length === 0 || status.includes(String(agent.Status))) &&
					(skillGroupId <= 0 ||
						(Array.isArray(agent.MemberGroupIDs) && (agent.MemberGroupIDs as unknown[]).map(Number).includes(skillGroupId)))
			: undefined,
	});
}

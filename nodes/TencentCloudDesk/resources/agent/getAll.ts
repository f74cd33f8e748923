/** Agent → Get Many (`get_member_list`): who is on the team, with status and skill groups. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { pagingFields, readLimit } from '../../descriptions/paging';
import { optionsCollection } from '../../../shared/requestOptions';
import { collectPages } from '../../../shared/paging';
import type { DeskClient } from '../../../shared/transport/deskClient';
import { fetchMemberPage, MEMBER_PAGE_SIZE } from '../../../shared/deskLists';
import { AGENT_STATUSES, REPORTED_ONLY_STATUSES } from '../../../shared/agentStatuses';
import { locatorText, skillGroupLocator } from '../../../shared/pickers/locators';
import { skillGroupNumber } from '../../helpers/parameters';
import { filtersCollection } from '../../descriptions/fieldCollections';

const show = { resource: ['agent'], operation: ['getAll'] };

export const listAgentsDescription: INodeProperties[] = [
	...pagingFields('agent', 'getAll'),
	filtersCollection(show, [
		{
			displayName: 'Status',
			name: 'status',
			type: 'multiOptions',
			options: [...AGENT_STATUSES, ...REPORTED_ONLY_STATUSES].map(({ name, value }) => ({ name, value })),
			default: [],
			description: 'Only agents in one of these statuses, e.g. Free to see who can take a session now',
		},
		skillGroupLocator('skillGroupId', undefined, { description: 'Only members of this skill group' }),
	]),
	optionsCollection('agent', 'getAll'),
];

export async function listAgents(this: IExecuteFunctions, client: DeskClient, itemIndex: number): Promise<IDataObject[]> {
	const { status = [], skillGroupId: group } = this.getNodeParameter('filters', itemIndex, {}) as { status?: string[]; skillGroupId?: unknown };
	const picked = locatorText(group);
	const skillGroupId = picked ? skillGroupNumber(this, picked, itemIndex) : 0;
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

/** Statistics → Get Agent Realtime Statistics (`describe_member_realtime_statistics`): today's figures per agent. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { pagingFields, readLimit } from '../../descriptions/paging';
import { optionsCollection } from '../../descriptions/requestOptions';
import { splitList } from '../../helpers/listValues';
import { collectPages } from '../../helpers/paging';
import type { DeskClient } from '../../transport/deskClient';
import { agentFiltersCollection, conversationSourcesOf } from './conversationSources';

/** Desk's maximum `Limit`. */
const PAGE_SIZE = 100;

const show = { resource: ['statistic'], operation: ['getAgentRealtimeStatistics'] };

export const getAgentRealtimeStatisticsDescription: INodeProperties[] = [
	{
		displayName:
			'Each item has MemberStatus as a number. Tencent does not document what its values mean; Get Many agents gives the status by name.',
		name: 'memberStatusNotice',
		type: 'notice',
		default: '',
		displayOptions: { show },
	},
	...pagingFields('statistic', 'getAgentRealtimeStatistics'),
	agentFiltersCollection('getAgentRealtimeStatistics', 'MemberIds'),
	optionsCollection('statistic', 'getAgentRealtimeStatistics'),
];

export async function getAgentRealtimeStatistics(
	this: IExecuteFunctions,
	client: DeskClient,
	itemIndex: number,
): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const body: IDataObject = {};
	const agents = splitList(filters.agentEmails);
	if (agents.length > 0) body.MemberIds = agents;
	const sources = conversationSourcesOf(filters);
	if (sources) body.ConversationSources = sources;
	return await collectPages({
		pageSize: PAGE_SIZE,
		limit: readLimit(this, itemIndex),
		fetchPage: async (pageIndex, pageSize) => {
			const answer = await client.desk(
				'describe_member_realtime_statistics',
				{ ...body, Limit: pageSize, Offset: pageIndex * pageSize },
				{ itemIndex },
			);
			return { items: (answer.Data as IDataObject[] | undefined) ?? [], total: answer.TotalCount as number };
		},
	});
}

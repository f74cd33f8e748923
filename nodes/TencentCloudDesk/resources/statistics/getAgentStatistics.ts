/** Statistics → Get Agent Statistics (`describe_agent_statistics`): per-agent figures over whole days. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { pagingFields, readLimit } from '../../descriptions/paging';
import { optionsCollection } from '../../descriptions/requestOptions';
import { splitList } from '../../helpers/listValues';
import { collectPages } from '../../helpers/paging';
import type { DeskClient } from '../../transport/deskClient';
import { agentFiltersCollection, conversationSourcesOf } from './conversationSources';
import { dayRangeFields, readDayRange, timeZoneOption } from './dayRange';

/** Desk's maximum `Limit`. */
const PAGE_SIZE = 100;


export const getAgentStatisticsDescription: INodeProperties[] = [
	...dayRangeFields('getAgentStatistics'),
	...pagingFields('statistic', 'getAgentStatistics'),
	agentFiltersCollection('getAgentStatistics', 'AgentIds'),
	optionsCollection('statistic', 'getAgentStatistics', [timeZoneOption]),
];

export async function getAgentStatistics(this: IExecuteFunctions, client: DeskClient, itemIndex: number): Promise<IDataObject[]> {
	const range = readDayRange(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const body: IDataObject = { ...range };
	const agents = splitList(filters.agentEmails);
	// This command names the agents AgentIds; the real-time one names them MemberIds.
	if (agents.length > 0) body.AgentIds = agents;
	const sources = conversationSourcesOf(filters);
	if (sources) body.ConversationSources = sources;
	return await collectPages({
		pageSize: PAGE_SIZE,
		limit: readLimit(this, itemIndex),
		fetchPage: async (pageIndex, pageSize) => {
			const answer = await client.desk('describe_agent_statistics', { ...body, Limit: pageSize, Offset: pageIndex * pageSize }, { itemIndex });
			return { items: (answer.Data as IDataObject[] | undefined) ?? [], total: answer.TotalCount as number };
		},
	});
}

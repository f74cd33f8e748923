/** Statistics → Get Agent Statistics (`describe_agent_statistics`): per-agent figures over whole days. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { pagingFields } from '../../descriptions/paging';
import { optionsCollection } from '../../../shared/requestOptions';
import type { DeskClient } from '../../../shared/transport/deskClient';
import { agentFiltersCollection, readAgentStatistics } from './agentStatistics';
import { dayRangeFields, readDayRange, timeZoneOption } from './dayRange';

export const getAgentStatisticsDescription: INodeProperties[] = [
	...dayRangeFields('getAgentStatistics'),
	...pagingFields('statistic', 'getAgentStatistics'),
	agentFiltersCollection('getAgentStatistics', 'AgentIds'),
	optionsCollection('statistic', 'getAgentStatistics', [timeZoneOption]),
];

export async function getAgentStatistics(this: IExecuteFunctions, client: DeskClient, itemIndex: number): Promise<IDataObject[]> {
	const range = readDayRange(this, itemIndex);
	// This command names the agents AgentIds; the real-time one names them MemberIds.
	return await readAgentStatistics(this, client, itemIndex, { command: 'describe_agent_statistics', agentListField: 'AgentIds', body: { ...range } });
}

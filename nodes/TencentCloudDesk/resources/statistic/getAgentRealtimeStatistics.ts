/** Statistics → Get Agent Realtime Statistics (`describe_member_realtime_statistics`): today's figures per agent. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { pagingFields } from '../../descriptions/paging';
import { optionsCollection } from '../../../shared/requestOptions';
import type { DeskClient } from '../../../shared/transport/deskClient';
import { agentFiltersCollection, readAgentStatistics } from './agentStatistics';

const show = { resource: ['statistic'], operation: ['getAgentRealtimeStatistics'] };

export const getAgentRealtimeStatisticsDescription: INodeProperties[] = [
	{
		displayName:
			'Each item has MemberStatus as a number; Agent → Get Many gives each agent’s status by name.',
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
	return await readAgentStatistics(this, client, itemIndex, { command: 'describe_member_realtime_statistics', agentListField: 'MemberIds' });
}

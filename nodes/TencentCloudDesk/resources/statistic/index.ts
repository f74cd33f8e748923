import type { INodeProperties } from 'n8n-workflow';

import type { OperationHandler } from '../types';
import { getAgentRealtimeStatistics, getAgentRealtimeStatisticsDescription } from './getAgentRealtimeStatistics';
import { getAgentStatistics, getAgentStatisticsDescription } from './getAgentStatistics';
import { getReceptionRealtimeStatistics, getReceptionRealtimeStatisticsDescription } from './getReceptionRealtimeStatistics';
import { getSessionStatistics, getSessionStatisticsDescription } from './getSessionStatistics';

export const statisticOperations: Record<string, OperationHandler> = {
	getAgentRealtimeStatistics,
	getAgentStatistics,
	getReceptionRealtimeStatistics,
	getSessionStatistics,
};

export const statisticDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['statistic'] } },
		options: [
			{
				name: 'Get Agent Realtime Statistics',
				value: 'getAgentRealtimeStatistics',
				action: 'Get realtime statistics of agents',
				description:
					'Today so far, per agent: status, sessions being served now, sessions today, average first response, response and session times',
			},
			{
				name: 'Get Agent Statistics',
				value: 'getAgentStatistics',
				action: 'Get daily statistics of agents',
				description:
					'Per agent over whole days: time free, busy and resting, sessions, transfers, messages, response times and satisfaction ratings',
			},
			{
				name: 'Get Reception Realtime Statistics',
				value: 'getReceptionRealtimeStatistics',
				action: 'Get realtime reception statistics',
				description:
					'Right now: sessions with agents, sessions queuing (per skill group too), and how many agents are free, busy or resting',
			},
			{
				name: 'Get Session Statistics',
				value: 'getSessionStatistics',
				action: 'Get session statistics',
				description:
					'Per day or hour of whole days: sessions, transfers to agents, accepted and effective sessions, star ratings, response, session and queue times',
			},
		],
		default: 'getSessionStatistics',
	},
	...getAgentStatisticsDescription,
	...getAgentRealtimeStatisticsDescription,
	...getReceptionRealtimeStatisticsDescription,
	...getSessionStatisticsDescription,
];

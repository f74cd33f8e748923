/** Statistics → Get Session Statistics (`describe_session_statistics`): session counts, ratings and times per day or hour. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/requestOptions';
import type { DeskClient } from '../../../shared/transport/deskClient';
import { dayRangeFields, readDayRange, timeZoneOption } from './dayRange';

const show = { resource: ['statistic'], operation: ['getSessionStatistics'] };

export const getSessionStatisticsDescription: INodeProperties[] = [
	...dayRangeFields('getSessionStatistics'),
	{
		displayName: 'Group By',
		name: 'groupBy',
		type: 'options',
		options: [
			{ name: 'Day', value: 'day', description: 'One item per day, Time like 2026-04-06' },
			{ name: 'Hour', value: 'hour', description: 'One item per hour of the day, Time like 09:00' },
		],
		default: 'day',
		displayOptions: { show },
	},
	optionsCollection('statistic', 'getSessionStatistics', [timeZoneOption]),
];

export async function getSessionStatistics(this: IExecuteFunctions, client: DeskClient, itemIndex: number): Promise<IDataObject[]> {
	const range = readDayRange(this, itemIndex);
	const byHour = this.getNodeParameter('groupBy', itemIndex, 'day') === 'hour';
	const answer = await client.desk('describe_session_statistics', { ...range, GroupByHour: byHour }, { itemIndex });
	return (answer.Data as IDataObject[] | undefined) ?? [];
}

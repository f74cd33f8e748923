/** Statistics → Get Reception Realtime Statistics (`describe_reception_realtime_statistics`): the desk right now. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/requestOptions';
import type { DeskClient } from '../../../shared/transport/deskClient';

export const getReceptionRealtimeStatisticsDescription: INodeProperties[] = [
	optionsCollection('statistic', 'getReceptionRealtimeStatistics'),
];

export async function getReceptionRealtimeStatistics(
	this: IExecuteFunctions,
	client: DeskClient,
	itemIndex: number,
): Promise<IDataObject> {
	const answer = await client.desk('describe_reception_realtime_statistics', {}, { itemIndex });
	return (answer.Data as IDataObject | undefined) ?? {};
}

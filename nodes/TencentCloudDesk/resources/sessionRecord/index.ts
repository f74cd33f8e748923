import type { INodeProperties } from 'n8n-workflow';

import type { OperationHandler } from '../types';
import { listSessionRecords, listSessionRecordsDescription } from './getAll';

export const sessionRecordOperations: Record<string, OperationHandler> = {
	getAll: listSessionRecords,
};

export const sessionRecordDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['sessionRecord'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many records of ended sessions',
				description:
					'Get the records of ended sessions in a time range (agent, skill group, channel, duration, how it ended, rating), one item per session',
			},
		],
		default: 'getAll',
	},
	...listSessionRecordsDescription,
];

/** Session Record → Get Many (`describe_im_cdr_list`): ended sessions in a time range, for reporting. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { pagingFields, readLimit } from '../../descriptions/paging';
import { optionsCollection } from '../../../shared/requestOptions';
import { unixSeconds } from '../../helpers/parameters';
import { fetchSessionRecords } from '../../../shared/sessionRecords';
import type { DeskClient } from '../../../shared/transport/deskClient';

const show = { resource: ['sessionRecord'], operation: ['getAll'] };

export const listSessionRecordsDescription: INodeProperties[] = [
	{
		displayName: 'Start Time',
		name: 'startTime',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'Records of sessions that ended at or after this time',
		hint: 'E.g. {{ $now.minus(1, "day") }} for the last 24 hours',
		displayOptions: { show },
	},
	{
		displayName: 'End Time',
		name: 'endTime',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'Records of sessions that ended at or before this time',
		hint: 'E.g. {{ $now }}',
		displayOptions: { show },
	},
	...pagingFields('sessionRecord', 'getAll'),
	optionsCollection('sessionRecord', 'getAll', [
		{
			displayName: 'User ID',
			name: 'clientUserId',
			type: 'string',
			default: '',
			description: 'Only the sessions of this customer (ClientUserId)',
		},
	]),
];

export async function listSessionRecords(
	this: IExecuteFunctions,
	client: DeskClient,
	itemIndex: number,
): Promise<IDataObject[]> {
	const start = unixSeconds(this, 'startTime', 'Start Time', itemIndex);
	const end = unixSeconds(this, 'endTime', 'End Time', itemIndex);
	if (end < start) {
		throw new NodeOperationError(this.getNode(), 'End Time is before Start Time', {
			itemIndex,
			description: `Start Time is ${new Date(start * 1000).toISOString()}, End Time ${new Date(end * 1000).toISOString()}.`,
		});
	}
	const { clientUserId = '' } = this.getNodeParameter('options', itemIndex, {}) as { clientUserId?: string };
	return await fetchSessionRecords(client, {
		start,
		end,
		clientUserId: clientUserId.trim() || undefined,
		limit: readLimit(this, itemIndex),
		itemIndex,
	});
}

/** Agent → Get Status History (`describe_member_status_trace`): when the agent was free, not ready, resting or offline. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isoTime } from '../../../shared/eventTime';
import { agentLocator } from '../../../shared/pickers/locators';
import { optionsCollection } from '../../../shared/requestOptions';
import { requiredLocator, unixSeconds } from '../../helpers/parameters';
import type { DeskClient } from '../../../shared/transport/deskClient';

const show = { resource: ['agent'], operation: ['getStatusHistory'] };

export const getStatusHistoryDescription: INodeProperties[] = [
	agentLocator('agent', show, { required: true }),
	{
		displayName: 'Start Time',
		name: 'startTime',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'Status changes at or after this time',
		hint: 'Desk answers at most 3 months at a time, e.g. {{ $now.minus(7, "days") }}',
		displayOptions: { show },
	},
	{
		displayName: 'End Time',
		name: 'endTime',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'Status changes at or before this time, at most 3 months after Start Time',
		hint: 'E.g. {{ $now }}',
		displayOptions: { show },
	},
	optionsCollection('agent', 'getStatusHistory', [
		{
			displayName: 'Order',
			name: 'order',
			type: 'options',
			options: [
				{ name: 'Oldest First', value: 1 },
				{ name: 'Newest First', value: 2 },
			],
			default: 1,
			description: 'Order of the status changes by time',
		},
	]),
];

export async function getStatusHistory(this: IExecuteFunctions, client: DeskClient, itemIndex: number): Promise<IDataObject[]> {
	const memberId = requiredLocator(this, 'agent', 'Agent', itemIndex);
	const begin = unixSeconds(this, 'startTime', 'Start Time', itemIndex);
	const end = unixSeconds(this, 'endTime', 'End Time', itemIndex);
	if (end < begin) {
		throw new NodeOperationError(this.getNode(), 'End Time is before Start Time', { itemIndex });
	}
	const { order = 1 } = this.getNodeParameter('options', itemIndex, {}) as { order?: number };
	// Tencent spells this command's field MemberID (capital ID).
	const answer = await client.desk('describe_member_status_trace', { BeginTime: begin, EndTime: end, Order: order, MemberID: memberId }, { itemIndex });
	const changes = (answer.StatusList as IDataObject[] | undefined) ?? [];
	return changes.map((change) => ({
		MemberID: memberId,
		Nick: answer.Nick as string,
		...change,
		// A change Desk sent without a Timestamp still comes through, with time null.
		time: isoTime(typeof change.Timestamp === 'number' ? change.Timestamp * 1000 : undefined),
	}));
}

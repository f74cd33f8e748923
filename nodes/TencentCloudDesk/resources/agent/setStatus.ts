/** Agent → Set Status (`set_member_status`): free, not ready or resting, e.g. at shift change. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { agentLocator } from '../../../shared/pickers/locators';
import { optionsCollection } from '../../../shared/requestOptions';
import { updatedResult } from '../../helpers/answer';
import { requiredLocator } from '../../helpers/parameters';
import type { DeskClient } from '../../../shared/transport/deskClient';
import { byLocator, writeOperation } from '../writeOperation';
import { AGENT_STATUSES } from '../../../shared/agentStatuses';

const show = { resource: ['agent'], operation: ['setStatus'] };

export const setStatusDescription: INodeProperties[] = [
	agentLocator('agent', show, { required: true }),
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: AGENT_STATUSES.map((status) => ({ ...status })),
		default: 'STATUS_FREE',
		displayOptions: { show },
	},
	{
		displayName: 'Rest Reason',
		name: 'restReason',
		type: 'string',
		default: '',
		placeholder: 'Lunch break',
		description: 'Why the agent is resting, shown in Desk’s console',
		displayOptions: { show: { ...show, status: ['STATUS_REST'] } },
	},
	optionsCollection('agent', 'setStatus'),
];

/**
 * Writes to one agent go in item order; setting a status twice leaves it as once.
 */
export const setStatus = writeOperation({ target: byLocator('agent'), retry: 'repeatable' }, async function setStatus(this: IExecuteFunctions, client: DeskClient, itemIndex: number): Promise<IDataObject> {
	const memberMail = requiredLocator(this, 'agent', 'Agent', itemIndex);
	const status = this.getNodeParameter('status', itemIndex) as string;
	const body: IDataObject = { MemberMail: memberMail, Status: status };
	if (status === 'STATUS_REST') body.RestReason = this.getNodeParameter('restReason', itemIndex, '') as string;
	await client.desk('set_member_status', body, { itemIndex });
	return updatedResult(body);
});

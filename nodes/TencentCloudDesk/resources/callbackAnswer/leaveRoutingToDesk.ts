/** Callback Answer → Leave Routing to Desk: answers ChatBot.OnAssignHuman with "failed" (ErrorCode 1). */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { failureAnswer } from '../../../shared/decisionAnswers';
import type { DeskClient } from '../../transport/deskClient';
import { sendAnswer } from './sendAnswer';

export const leaveRoutingToDeskDescription: INodeProperties[] = [
	{
		displayName:
			'Tencent does not document what Desk does with a “failed” routing answer; presumably it applies its own default routing. To be sure where customers go, answer Route to Agents with a skill group.',
		name: 'leaveRoutingNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { resource: ['callbackAnswer'], operation: ['leaveRoutingToDesk'] } },
	},
];

export async function leaveRoutingToDesk(this: IExecuteFunctions, _client: DeskClient, itemIndex: number): Promise<IDataObject> {
	return await sendAnswer(this, itemIndex, () => failureAnswer('Routing left to Desk'));
}

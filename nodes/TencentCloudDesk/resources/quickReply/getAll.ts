/** Quick Reply → Get Many (`get_available_quick_reply_list`): the replies one agent can use, one item per reply. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { agentLocator } from '../../../shared/pickers/locators';
import { pagingFields, readLimit } from '../../descriptions/paging';
import { optionsCollection } from '../../../shared/requestOptions';
import { requiredLocator } from '../../helpers/parameters';
import type { DeskClient } from '../../../shared/transport/deskClient';

const show = { resource: ['quickReply'], operation: ['getAll'] };

/** The categories an agent can use, each with its QuickReplyList; also read by the category picker. */
export async function fetchAvailableGroups(client: DeskClient, memberId: string, itemIndex?: number): Promise<IDataObject[]> {
	const answer = await client.desk('get_available_quick_reply_list', { MemberId: memberId }, { itemIndex });
	return (answer.Data as IDataObject[] | undefined) ?? [];
}

export const getManyQuickRepliesDescription: INodeProperties[] = [
	agentLocator('agent', show, {
		required: true,
		description: 'The agent whose quick replies to get: the categories they may use, and their personal ones',
	}),
	...pagingFields('quickReply', 'getAll'),
	optionsCollection('quickReply', 'getAll'),
];

export async function getManyQuickReplies(this: IExecuteFunctions, client: DeskClient, itemIndex: number): Promise<IDataObject[]> {
	const memberId = requiredLocator(this, 'agent', 'Agent', itemIndex);
	const limit = readLimit(this, itemIndex);
	const replies = (await fetchAvailableGroups(client, memberId, itemIndex)).flatMap((group) =>
		((group.QuickReplyList as IDataObject[] | undefined) ?? []).map((reply) => ({ ...reply, GroupName: group.GroupName })),
	);
	return limit === undefined ? replies : replies.slice(0, limit);
}

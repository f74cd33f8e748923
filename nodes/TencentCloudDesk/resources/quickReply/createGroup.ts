/** Quick Reply → Create Category (`add_quick_reply_group`): a category and who may use it. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../descriptions/requestOptions';
import { createdResult } from '../../helpers/answer';
import { requiredString } from '../../helpers/parameters';
import type { DeskClient } from '../../transport/deskClient';
import { idList, splitList } from '../../../shared/listValues';
import { writeOperation } from '../writeOperation';

const show = { resource: ['quickReply'], operation: ['createGroup'] };

export const createGroupDescription: INodeProperties[] = [
	{
		displayName: 'Category Name',
		name: 'groupName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'Pre-sales scripts',
		description: 'Unique within the app; at most 100 categories per app',
		displayOptions: { show },
	},
	{
		displayName: 'Usable By',
		name: 'useScopeType',
		type: 'options',
		options: [
			{ name: 'All Agents', value: 'all' },
			{ name: 'Skill Groups', value: 'groups', description: 'Members of the skill groups listed' },
			{ name: 'Agents', value: 'members', description: 'The agents listed' },
		],
		default: 'all',
		displayOptions: { show },
	},
	{
		displayName: 'Skill Group IDs',
		name: 'skillGroupIds',
		type: 'string',
		required: true,
		default: '',
		placeholder: '1,2',
		description: 'Comma-separated skill group IDs (MemberGroupID) whose members may use the category',
		displayOptions: { show: { ...show, useScopeType: ['groups'] } },
	},
	{
		displayName: 'Agent Emails',
		name: 'agentEmails',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'alice@example.com, bob@example.com',
		description: 'Comma-separated emails of the agents who may use the category',
		displayOptions: { show: { ...show, useScopeType: ['members'] } },
	},
	optionsCollection('quickReply', 'createGroup'),
];

/**
 * Each item makes a new category (Desk picks its ID): sent once, since a repeat would make a second one.
 */
export const createGroup = writeOperation({ retry: 'once' }, async function createGroup(this: IExecuteFunctions, client: DeskClient, itemIndex: number): Promise<IDataObject> {
	const scope = this.getNodeParameter('useScopeType', itemIndex) as string;
	const body: IDataObject = { GroupName: requiredString(this, 'groupName', 'Category Name', itemIndex), UseScopeType: scope };
	if (scope !== 'all') {
		const [name, label] = scope === 'groups' ? ['skillGroupIds', 'Skill Group IDs'] : ['agentEmails', 'Agent Emails'];
		const text = requiredString(this, name, label, itemIndex);
		// Desk's sample sends the skill group IDs as strings.
		body.UseScopeList = scope === 'groups' ? idList(this, text, label, itemIndex).map(String) : splitList(text);
	}
	const answer = await client.desk('add_quick_reply_group', body, { itemIndex });
	return createdResult({ ...body, GroupId: answer.GroupId === undefined ? null : String(answer.GroupId) });
});

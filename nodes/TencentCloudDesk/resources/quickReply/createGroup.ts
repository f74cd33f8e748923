/** Quick Reply → Create Category (`add_quick_reply_group`): a category and who may use it. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/requestOptions';
import { createdResult } from '../../helpers/answer';
import { emptyError, requiredString } from '../../helpers/parameters';
import type { DeskClient } from '../../../shared/transport/deskClient';
import { idList, splitList } from '../../../shared/listValues';
import { writeOperation } from '../writeOperation';
import { agentsField, skillGroupsField } from '../../../shared/pickers/locators';

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
	skillGroupsField('skillGroupIds', { ...show, useScopeType: ['groups'] }, 'The skill groups whose members may use the category', { required: true }),
	agentsField('agentEmails', { ...show, useScopeType: ['members'] }, 'The agents who may use the category', { required: true }),
	optionsCollection('quickReply', 'createGroup'),
];

/**
 * Each item makes a new category (Desk picks its ID): sent once, since a repeat would make a second one.
 */
export const createGroup = writeOperation({ retry: 'once' }, async function createGroup(this: IExecuteFunctions, client: DeskClient, itemIndex: number): Promise<IDataObject> {
	const scope = this.getNodeParameter('useScopeType', itemIndex) as string;
	const body: IDataObject = { GroupName: requiredString(this, 'groupName', 'Category Name', itemIndex), UseScopeType: scope };
	if (scope !== 'all') {
		const [name, label] = scope === 'groups' ? ['skillGroupIds', 'Skill Groups'] : ['agentEmails', 'Agents'];
		const value = this.getNodeParameter(name, itemIndex, []);
		// Desk's sample sends the skill group IDs as strings.
		const list = scope === 'groups' ? idList(this, value, label, itemIndex).map(String) : splitList(value);
		if (list.length === 0) throw emptyError(this, label, itemIndex);
		body.UseScopeList = list;
	}
	const answer = await client.desk('add_quick_reply_group', body, { itemIndex });
	return createdResult({ ...body, GroupId: answer.GroupId === undefined ? null : String(answer.GroupId) });
});

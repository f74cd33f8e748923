/**
 * The agent fields Create and Update share (Tencent's create_members / update_member names in
 * brackets), and how a filled-in collection becomes the request body. Update sends only the
 * fields the user added: for RoleIDList and MemberGroupIDList Tencent reads [] as "clear" and
 * an absent field as "unchanged", so an added-but-empty field is sent as [] on purpose.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { idList } from '../../../shared/listValues';
import { skillGroupsField } from '../../../shared/pickers/locators';

export const memberFieldOptions: INodeProperties[] = [
	{
		displayName: 'Avatar URL',
		name: 'avatar',
		type: 'string',
		default: '',
		placeholder: 'https://example.com/avatar.png',
		description: 'Picture shown for the agent (Avatar)',
	},
	{
		displayName: 'Nickname',
		name: 'nickName',
		type: 'string',
		default: '',
		description: 'Name customers and colleagues see, at most 32 characters (NickName)',
	},
	{
		displayName: 'Own Reception Limit',
		name: 'memberReceptionLimit',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 5,
		description:
			'How many sessions this agent may serve at once (MemberReceptionLimit). Applies only while Use Own Reception Limit is on; otherwise the largest limit of the agent’s skill groups applies.',
	},
	{
		displayName: 'Role IDs',
		name: 'roleIds',
		type: 'string',
		default: '',
		placeholder: '5',
		description:
			'Every role the agent has, separated by commas (RoleIDList): 1 super admin, 5 online agent, 7 online admin, or a custom role ID from Role → Get Many',
	},
	skillGroupsField('skillGroupIds', undefined, 'Every skill group the agent is in (MemberGroupIDList); Desk also keeps the agent in its default group'),
	{
		displayName: 'Use Own Reception Limit',
		name: 'memberReceptionLimitEnabled',
		type: 'boolean',
		default: true,
		description: 'Whether Own Reception Limit applies instead of the skill groups’ limits (MemberReceptionLimitEnabled). Set both together the first time.',
	},
];

/** The body fields for what the user filled in; with `keepEmptyLists`, an added-but-empty list is sent as []. */
export function memberFieldsBody(
	context: IExecuteFunctions,
	fields: IDataObject,
	itemIndex: number,
	keepEmptyLists: boolean,
): IDataObject {
	const body: IDataObject = {};
	const text = (key: string) => String(fields[key] ?? '').trim();
	if (text('nickName')) body.NickName = text('nickName');
	if (text('avatar')) body.Avatar = text('avatar');
	if ('roleIds' in fields && (keepEmptyLists || text('roleIds'))) body.RoleIDList = idList(context, fields.roleIds, 'Role IDs', itemIndex);
	if ('skillGroupIds' in fields && (keepEmptyLists || text('skillGroupIds'))) {
		body.MemberGroupIDList = idList(context, fields.skillGroupIds, 'Skill Group IDs', itemIndex);
	}
	if (fields.memberReceptionLimit !== undefined) body.MemberReceptionLimit = Math.floor(Number(fields.memberReceptionLimit));
	if (fields.memberReceptionLimitEnabled !== undefined) body.MemberReceptionLimitEnabled = fields.memberReceptionLimitEnabled ? 1 : 0;
	return body;
}


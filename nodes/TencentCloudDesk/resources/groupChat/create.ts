/**
 * Group Chat → Create (`create_group`): an IM group with one customer service account and at
 * least one other member. Tencent must enable the feature first (trial and premium editions).
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { customerServiceAccountLocator } from '../../descriptions/customerServiceLocators';
import { additionalFieldsCollection } from '../../descriptions/fieldCollections';
import { optionsCollection } from '../../../shared/requestOptions';
import { createdResult } from '../../helpers/answer';
import { requiredLocator, requiredString, tencentFields } from '../../helpers/parameters';
import type { DeskClient } from '../../../shared/transport/deskClient';
import { byParameter, writeOperation } from '../writeOperation';

const show = { resource: ['groupChat'], operation: ['create'] };

/** At creation the member list holds at most 100 entries, the CS account included. */
const MAX_INITIAL_MEMBERS = 100;

export const createGroupChatDescription: INodeProperties[] = [
	{
		displayName: 'Group ID',
		name: 'groupId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'vip-customer-42',
		description: 'Your ID for the new group (GroupId)',
		displayOptions: { show },
	},
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		displayOptions: { show },
	},
	{
		displayName: 'Type',
		name: 'type',
		type: 'options',
		options: [
			{ name: 'Private', value: 'Private' },
			{ name: 'Public', value: 'Public' },
		],
		default: 'Private',
		description: 'Desk supports only these two group types',
		displayOptions: { show },
	},
	customerServiceAccountLocator('account', show, {
		required: true,
		description: 'The one customer service account in the group',
	}),
	{
		displayName: 'Members',
		name: 'members',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		required: true,
		default: {},
		placeholder: 'Add Member',
		description: 'At least one member besides the customer service account; at most 99',
		displayOptions: { show },
		options: [
			{
				displayName: 'Member',
				name: 'member',
				values: [
					{ displayName: 'User ID', name: 'userId', type: 'string', default: '', description: 'The member’s Chat UserID (Member_Account)' },
					{ displayName: 'Admin', name: 'admin', type: 'boolean', default: false, description: 'Whether the member is a group admin (Role "Admin")' },
				],
			},
		],
	},
	additionalFieldsCollection(show, [
		{
			displayName: 'Apply Join Option',
			name: 'applyJoinOption',
			type: 'string',
			default: '',
			description: 'How users may join (ApplyJoinOption)',
			hint: 'Sent to Desk as typed',
		},
		{ displayName: 'Face URL', name: 'faceUrl', type: 'string', default: '', description: 'The group’s avatar' },
		{ displayName: 'Introduction', name: 'introduction', type: 'string', default: '' },
		{ displayName: 'Max Member Count', name: 'maxMemberCount', type: 'number', typeOptions: { minValue: 1 }, default: 100 },
		{ displayName: 'Notification', name: 'notification', type: 'string', default: '' },
		{ displayName: 'Owner Account', name: 'ownerAccount', type: 'string', default: '', description: 'UserID of the group owner' },
	]),
	optionsCollection('groupChat', 'create'),
];

/**
 * Items creating one group ID go in item order; sent once, since a repeat would fail on the group this item created.
 */
export const createGroupChat = writeOperation({ target: byParameter('groupId'), retry: 'once' }, async function createGroupChat(this: IExecuteFunctions, client: DeskClient, itemIndex: number): Promise<IDataObject> {
	const account = requiredLocator(this, 'account', 'Customer Service Account', itemIndex);
	const { member = [] } = this.getNodeParameter('members', itemIndex, {}) as { member?: Array<{ userId?: string; admin?: boolean }> };
	const others = member
		.map(({ userId, admin }) => ({ userId: String(userId ?? '').trim(), admin: admin === true }))
		.filter(({ userId }) => userId !== '' && userId !== account);
	if (others.length === 0 || others.length >= MAX_INITIAL_MEMBERS) {
		throw new NodeOperationError(this.getNode(), `A group chat needs 1 to ${MAX_INITIAL_MEMBERS - 1} members besides the customer service account`, {
			itemIndex,
			description: 'Add the customer (and any agents) under Members.',
		});
	}
	const body: IDataObject = {
		Type: this.getNodeParameter('type', itemIndex) as string,
		GroupId: requiredString(this, 'groupId', 'Group ID', itemIndex),
		Name: requiredString(this, 'name', 'Name', itemIndex),
		// A field added but left empty is not sent: Desk would refuse an empty Owner_Account.
		...tencentFields(
			Object.fromEntries(Object.entries(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject).filter(([, value]) => value !== '')),
			{ ownerAccount: 'Owner_Account' },
		),
		MemberList: [{ Member_Account: account }, ...others.map(({ userId, admin }) => (admin ? { Member_Account: userId, Role: 'Admin' } : { Member_Account: userId }))],
	};
	const answer = await client.desk('create_group', body, { itemIndex });
	return createdResult(body, answer);
});

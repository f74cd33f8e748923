/** The skill-group fields Create and Update share, in Tencent's terms (MemberGroupName, ReceptionLimit). */
import type { INodeProperties } from 'n8n-workflow';

export const receptionLimitField: INodeProperties = {
	displayName: 'Reception Limit',
	name: 'receptionLimit',
	type: 'number',
	typeOptions: { minValue: 0, maxValue: 999 },
	default: 5,
	description: 'How many sessions each agent of the group may serve at once, at most 999 (ReceptionLimit)',
};

export const groupNameField: INodeProperties = {
	displayName: 'Name',
	name: 'name',
	type: 'string',
	default: '',
	placeholder: 'Pre-sales',
	description: 'The skill group’s name, 1 to 32 characters (MemberGroupName)',
};

/** Skill Group → Create (`create_member_group`): a new group sessions can be routed to; answers its ID. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { additionalFieldsCollection } from '../../descriptions/fieldCollections';
import { optionsCollection } from '../../../shared/requestOptions';
import { createdResult } from '../../helpers/answer';
import { splitList } from '../../../shared/listValues';
import { requiredString } from '../../helpers/parameters';
import type { DeskClient } from '../../../shared/transport/deskClient';
import { writeOperation } from '../writeOperation';
import { groupNameField, receptionLimitField } from './groupFields';
import { agentsField } from '../../../shared/pickers/locators';

const show = { resource: ['skillGroup'], operation: ['create'] };

export const createSkillGroupDescription: INodeProperties[] = [
	{ ...groupNameField, required: true, displayOptions: { show } },
	additionalFieldsCollection(show, [
		agentsField('memberEmails', undefined, 'The agents in the group (MemberList)'),
		receptionLimitField,
	]),
	optionsCollection('skillGroup', 'create'),
];

/**
 * Each item makes a new group (Desk picks its ID): sent once, since a repeat would make a second one.
 */
export const createSkillGroup = writeOperation({ retry: 'once' }, async function createSkillGroup(this: IExecuteFunctions, client: DeskClient, itemIndex: number): Promise<IDataObject> {
	const name = requiredString(this, 'name', 'Name', itemIndex);
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = { MemberGroupName: name };
	if (fields.receptionLimit !== undefined) body.ReceptionLimit = Math.floor(Number(fields.receptionLimit));
	const members = splitList(fields.memberEmails);
	// Tencent names the list MemberList here and MemberMailList in update_member_group.
	if (members.length > 0) body.MemberList = members;
	const answer = await client.desk('create_member_group', body, { itemIndex });
	return createdResult({ MemberGroupID: answer.MemberGroupID as number, ...body });
});

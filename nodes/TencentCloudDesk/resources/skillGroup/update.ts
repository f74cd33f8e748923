/**
 * Skill Group → Update (`update_member_group`): only the fields the user added are sent. Agent
 * Emails replaces the whole member list; added but empty it is sent as [] and empties the group,
 * because Tencent reads an absent list as "unchanged" and [] as "clear".
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateFieldsCollection } from '../../descriptions/fieldCollections';
import { skillGroupLocator } from '../../../shared/pickers/locators';
import { optionsCollection } from '../../../shared/requestOptions';
import { updatedResult } from '../../helpers/answer';
import { splitList } from '../../../shared/listValues';
import { nothingToUpdate, skillGroupId } from '../../helpers/parameters';
import type { DeskClient } from '../../../shared/transport/deskClient';
import { byLocator, writeOperation } from '../writeOperation';
import { groupNameField, receptionLimitField } from './groupFields';
import { agentsField } from '../../../shared/pickers/locators';

const show = { resource: ['skillGroup'], operation: ['update'] };

export const updateSkillGroupDescription: INodeProperties[] = [
	skillGroupLocator('skillGroup', show, { required: true }),
	updateFieldsCollection(
		show,
		{
			hint: 'Only the fields you add are changed. Agent Emails replaces the whole member list; added but left empty, it removes every agent from the group.',
		},
		[
			agentsField('memberEmails', undefined, 'All the agents the group should have (MemberMailList): the list replaces its members'),
			groupNameField,
			receptionLimitField,
		],
	),
	optionsCollection('skillGroup', 'update'),
];

/**
 * Writes to one skill group go in item order; update_member_group sets the given fields (the member
 * list replaces the old one), so a repeat changes nothing.
 */
export const updateSkillGroup = writeOperation({ target: byLocator('skillGroup'), retry: 'repeatable' }, async function updateSkillGroup(this: IExecuteFunctions, client: DeskClient, itemIndex: number): Promise<IDataObject> {
	const id = skillGroupId(this, 'skillGroup', itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = { MemberGroupID: id };
	const name = String(fields.name ?? '').trim();
	if (name) body.MemberGroupName = name;
	if (fields.receptionLimit !== undefined) body.ReceptionLimit = Math.floor(Number(fields.receptionLimit));
	if ('memberEmails' in fields) body.MemberMailList = splitList(fields.memberEmails);
	if (Object.keys(body).length === 1) {
		throw nothingToUpdate(this, itemIndex);
	}
	await client.desk('update_member_group', body, { itemIndex });
	return updatedResult(body);
});

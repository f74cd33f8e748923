/** Skill Group → Delete (`delete_member_group`): remove a group; its agents stay. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { skillGroupLocator } from '../../../shared/pickers/locators';
import { optionsCollection } from '../../../shared/requestOptions';
import { skillGroupId } from '../../helpers/parameters';
import type { DeskClient } from '../../../shared/transport/deskClient';
import { byLocator, writeOperation } from '../writeOperation';

const show = { resource: ['skillGroup'], operation: ['delete'] };

export const deleteSkillGroupDescription: INodeProperties[] = [
	skillGroupLocator('skillGroup', show, {
		required: true,
		hint: 'Deletes the group for good: its name, reception limit and member list. Its agents keep their accounts and other groups; sessions can no longer be routed or transferred to it.',
	}),
	optionsCollection('skillGroup', 'delete'),
];

/**
 * Writes to one skill group go in item order; sent once, since a repeat would fail on the group this item deleted.
 */
export const deleteSkillGroup = writeOperation({ target: byLocator('skillGroup'), retry: 'once' }, async function deleteSkillGroup(this: IExecuteFunctions, client: DeskClient, itemIndex: number): Promise<IDataObject> {
	const id = skillGroupId(this, 'skillGroup', itemIndex);
	await client.desk('delete_member_group', { MemberGroupID: id }, { itemIndex });
	return { MemberGroupID: id, deleted: true };
});

/** Agent → Update (`update_member`): change only the fields the user added. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateFieldsCollection } from '../../descriptions/fieldCollections';
import { agentLocator } from '../../../shared/pickers/locators';
import { optionsCollection } from '../../../shared/requestOptions';
import { updatedResult } from '../../helpers/answer';
import { nothingToUpdate, requiredLocator } from '../../helpers/parameters';
import type { DeskClient } from '../../../shared/transport/deskClient';
import { byLocator, writeOperation } from '../writeOperation';
import { memberFieldOptions, memberFieldsBody } from './memberFields';

const show = { resource: ['agent'], operation: ['update'] };

export const updateAgentDescription: INodeProperties[] = [
	agentLocator('agent', show, { required: true }),
	updateFieldsCollection(
		show,
		{
			hint: 'Only the fields you add are changed. Role IDs or Skill Group IDs added but left empty are sent as an empty list, which Desk reads as “clear”: no roles, or only the default skill group.',
		},
		memberFieldOptions,
	),
	optionsCollection('agent', 'update'),
];

/**
 * Writes to one agent go in item order; update_member sets the given fields, so a repeat changes nothing.
 */
export const updateAgent = writeOperation({ target: byLocator('agent'), retry: 'repeatable' }, async function updateAgent(this: IExecuteFunctions, client: DeskClient, itemIndex: number): Promise<IDataObject> {
	const memberMail = requiredLocator(this, 'agent', 'Agent', itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const changes = memberFieldsBody(this, fields, itemIndex, true);
	if (Object.keys(changes).length === 0) {
		throw nothingToUpdate(this, itemIndex);
	}
	const body: IDataObject = { MemberMail: memberMail, ...changes };
	await client.desk('update_member', body, { itemIndex });
	return updatedResult(body);
});

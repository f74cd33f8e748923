/** Agent → Create (`create_members`): a new agent account, one per input item, identified by its email (the login). */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { additionalFieldsCollection } from '../../descriptions/fieldCollections';
import { optionsCollection } from '../../../shared/requestOptions';
import { createdResult } from '../../helpers/answer';
import { requiredString } from '../../helpers/parameters';
import type { DeskClient } from '../../../shared/transport/deskClient';
import { byParameter, writeOperation } from '../writeOperation';
import { memberFieldOptions, memberFieldsBody } from './memberFields';

const show = { resource: ['agent'], operation: ['create'] };

const sendPasswordField: INodeProperties = {
	displayName: 'Send Password Email',
	name: 'sendPassword',
	type: 'boolean',
	default: true,
	description: 'Whether Desk emails the new agent their password (SendPassword; Desk’s default is yes)',
};

export const createAgentDescription: INodeProperties[] = [
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@example.com',
		required: true,
		default: '',
		description: 'The new agent’s email; it is their login and their ID in every other operation (MemberMail)',
		displayOptions: { show },
	},
	additionalFieldsCollection(show, [...memberFieldOptions, sendPasswordField].sort((a, b) => a.displayName.localeCompare(b.displayName))),
	optionsCollection('agent', 'create'),
];

/**
 * Items creating one email go in item order; sent once: Desk refuses an existing email (141004), so a
 * repeat would report an agent this item created as a failure.
 */
export const createAgent = writeOperation({ target: byParameter('email'), retry: 'once' }, async function createAgent(this: IExecuteFunctions, client: DeskClient, itemIndex: number): Promise<IDataObject> {
	const email = requiredString(this, 'email', 'Email', itemIndex);
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const member: IDataObject = { MemberMail: email, ...memberFieldsBody(this, fields, itemIndex, false) };
	const body: IDataObject = { MemberList: [member] };
	if (fields.sendPassword !== undefined) body.SendPassword = Boolean(fields.sendPassword);
	await client.desk('create_members', body, { itemIndex });
	return createdResult(member);
});

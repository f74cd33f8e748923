/**
 * Session → Contact User (`contact_user`): an agent proactively starts a human session with a
 * customer. Only for apps integrated as "Application/Client" (SDK). The new session's ID is then
 * read with get_session_state (the customer + account form), since contact_user answers only the agent.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { customerServiceAccountLocator } from '../../descriptions/customerServiceLocators';
import { agentLocator, skillGroupLocator } from '../../../shared/pickers/locators';
import { optionsCollection } from '../../../shared/requestOptions';
import { isError } from '../../helpers/answer';
import { locatorValue, requiredLocator, requiredString, skillGroupId } from '../../helpers/parameters';
import type { DeskClient } from '../../../shared/transport/deskClient';
import { byParameter, writeOperation } from '../writeOperation';

const show = { resource: ['session'], operation: ['contactUser'] };

export const contactUserDescription: INodeProperties[] = [
	customerServiceAccountLocator('account', show, {
		required: true,
		description: 'The customer service account the customer sees the session with',
	}),
	{
		displayName: 'User ID',
		name: 'clientUserId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'user_1289314544',
		description: 'The customer’s Chat UserID',
		displayOptions: { show },
	},
	agentLocator('agent', show, { description: 'The agent who contacts the customer; empty lets Desk pick one (of the skill group, if given)' }),
	skillGroupLocator('skillGroup', show, { description: 'The skill group the session belongs to; empty means Desk’s default policy' }),
	optionsCollection('session', 'contactUser'),
];

/**
 * Contacts of one customer go in item order; sent once: a repeat would fail with 141016 (already in
 * a session) after the first one worked. The session look-up after it is a read and is retried.
 */
export const contactUser = writeOperation({ target: byParameter('clientUserId'), retry: 'once' }, async function contactUser(this: IExecuteFunctions, client: DeskClient, itemIndex: number): Promise<IDataObject> {
	const account = requiredLocator(this, 'account', 'Customer Service Account', itemIndex);
	const clientUserId = requiredString(this, 'clientUserId', 'User ID', itemIndex);
	const body: IDataObject = { IMAgentUserID: account, ClientUserID: clientUserId };
	if (locatorValue(this, 'skillGroup', itemIndex)) body.GroupId = skillGroupId(this, 'skillGroup', itemIndex);
	const agent = locatorValue(this, 'agent', itemIndex);
	if (agent) body.MemberId = agent;

	const answer = await client.desk('contact_user', body, { itemIndex });
	// The contact has happened: a failed look-up leaves SessionId null rather than failing the item.
	const state = await client.desk(
		'get_session_state',
		{ ClientUserId: clientUserId, CustomerServiceId: account },
		{ itemIndex, acceptErrorCodes: 'answers' },
	);
	return {
		SessionId: isError(state) ? null : (state.SessionId ?? null),
		ClientUserId: clientUserId,
		CustomerServiceId: account,
		MemberId: answer.MemberId ?? '',
		contacted: true,
	};
});

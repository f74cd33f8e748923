/** Customer Service Account → Create (`add_im_agent`): a new entry point customers talk to, not a person. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { additionalFieldsCollection } from '../../descriptions/fieldCollections';
import { optionsCollection } from '../../../shared/requestOptions';
import { createdResult } from '../../helpers/answer';
import { requiredString } from '../../helpers/parameters';
import type { DeskClient } from '../../../shared/transport/deskClient';
import { byParameter, writeOperation } from '../writeOperation';
import { accountSettingOptions, readAccountSettings } from './accountSettings';

const show = { resource: ['customerServiceAccount'], operation: ['create'] };

export const createAccountDescription: INodeProperties[] = [
	{
		displayName: 'Account ID',
		name: 'accountId',
		type: 'string',
		required: true,
		default: '',
		placeholder: '@shop_support',
		description: 'The new account’s Chat UserID (IMAgentUserID), what customers and events will know it by',
		hint: 'Trial and standard editions allow 10 channel accounts, premium 200 (error 141007 beyond)',
		displayOptions: { show },
	},
	additionalFieldsCollection(show, accountSettingOptions),
	optionsCollection('customerServiceAccount', 'create'),
];

/**
 * Items creating one account go in item order; sent once, since a repeat would fail on (or count
 * against the 10-account limit with) the account this item created.
 */
export const createAccount = writeOperation({ target: byParameter('accountId'), retry: 'once' }, async function createAccount(this: IExecuteFunctions, client: DeskClient, itemIndex: number): Promise<IDataObject> {
	const body: IDataObject = {
		IMAgentUserID: requiredString(this, 'accountId', 'Account ID', itemIndex),
		...readAccountSettings(this, 'additionalFields', itemIndex),
	};
	const answer = await client.desk('add_im_agent', body, { itemIndex });
	return createdResult(body, answer);
});

/** Customer Service Account → Delete (`delete_im_agent`): irreversible. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { customerServiceAccountLocator } from '../../descriptions/customerServiceLocators';
import { optionsCollection } from '../../../shared/requestOptions';
import { requiredLocator } from '../../helpers/parameters';
import type { DeskClient } from '../../../shared/transport/deskClient';
import { byLocator, writeOperation } from '../writeOperation';

const show = { resource: ['customerServiceAccount'], operation: ['delete'] };

export const deleteAccountDescription: INodeProperties[] = [
	customerServiceAccountLocator('account', show, {
		required: true,
		hint: 'Deletes the account for good: customers can no longer reach you through it, and its nickname, welcome message, prompts, work time and routing are gone. The app’s default account cannot be deleted.',
	}),
	optionsCollection('customerServiceAccount', 'delete'),
];

/**
 * Writes to one account go in item order; sent once, since a repeat would fail on the account this item deleted.
 */
export const deleteAccount = writeOperation({ target: byLocator('account'), retry: 'once' }, async function deleteAccount(this: IExecuteFunctions, client: DeskClient, itemIndex: number): Promise<IDataObject> {
	const accountId = requiredLocator(this, 'account', 'Customer Service Account', itemIndex);
	await client.desk('delete_im_agent', { IMAgentUserID: accountId }, { itemIndex });
	return { IMAgentUserID: accountId, deleted: true };
});

/** Customer Service Account → Update (`update_im_agent`): only the fields added are sent; the rest stay as they are. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { customerServiceAccountLocator } from '../../descriptions/customerServiceLocators';
import { updateFieldsCollection } from '../../descriptions/fieldCollections';
import { optionsCollection } from '../../../shared/requestOptions';
import { updatedResult } from '../../helpers/answer';
import { nothingToUpdate, requiredLocator } from '../../helpers/parameters';
import type { DeskClient } from '../../../shared/transport/deskClient';
import { byLocator, writeOperation } from '../writeOperation';
import { accountSettingOptions, readAccountSettings } from './accountSettings';

const show = { resource: ['customerServiceAccount'], operation: ['update'] };

export const updateAccountDescription: INodeProperties[] = [
	customerServiceAccountLocator('account', show, { required: true }),
	updateFieldsCollection(
		show,
		{ description: 'Only the fields added are sent; Desk leaves the others unchanged. A text field added but left empty is sent empty, which clears it.' },
		accountSettingOptions,
	),
	optionsCollection('customerServiceAccount', 'update'),
];

/**
 * Writes to one account go in item order; update_im_agent merges the given settings, so a repeat changes nothing.
 */
export const updateAccount = writeOperation({ target: byLocator('account'), retry: 'repeatable' }, async function updateAccount(this: IExecuteFunctions, client: DeskClient, itemIndex: number): Promise<IDataObject> {
	const changes = readAccountSettings(this, 'updateFields', itemIndex);
	if (Object.keys(changes).length === 0) {
		throw nothingToUpdate(this, itemIndex, { message: 'No field to update' });
	}
	const body: IDataObject = { IMAgentUserID: requiredLocator(this, 'account', 'Customer Service Account', itemIndex), ...changes };
	await client.desk('update_im_agent', body, { itemIndex });
	return updatedResult(body);
});

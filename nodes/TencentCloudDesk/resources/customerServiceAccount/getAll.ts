/**
 * Customer Service Account → Get Many: `get_im_agent_list`, or with Include Settings
 * `get_im_agent_list_multilingual` (each account's routing and its prompts per language).
 * The two spell the ID differently: IMAgentUserId (plain list), IMAgentUserID (with settings).
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { pagingFields, readLimit } from '../../descriptions/paging';
import { optionsCollection } from '../../../shared/requestOptions';
import type { DeskClient } from '../../../shared/transport/deskClient';
import { splitList } from '../../../shared/listValues';

const show = { resource: ['customerServiceAccount'], operation: ['getAll'] };

/** Every account (Desk answers them all at once); also used by the account picker. */
export async function fetchAccounts(client: DeskClient, itemIndex?: number): Promise<IDataObject[]> {
	const answer = await client.desk('get_im_agent_list', {}, { itemIndex });
	return (answer.Data as IDataObject[] | undefined) ?? [];
}

export const listAccountsDescription: INodeProperties[] = [
	...pagingFields('customerServiceAccount', 'getAll'),
	{
		displayName: 'Include Settings',
		name: 'includeSettings',
		type: 'boolean',
		default: false,
		description:
			'Whether to read each account with its settings (get_im_agent_list_multilingual): chatbot, skill group, robot, and its welcome message and prompts per language under MultilingualSettings',
		hint: 'With settings the ID field is IMAgentUserID (capital D); without, IMAgentUserId: Tencent spells them differently',
		displayOptions: { show },
	},
	{
		displayName: 'Account IDs',
		name: 'accountIds',
		type: 'string',
		default: '',
		placeholder: '@customer_service_account, @shop_support',
		description: 'Only these accounts, comma-separated; empty means all',
		displayOptions: { show: { ...show, includeSettings: [true] } },
	},
	optionsCollection('customerServiceAccount', 'getAll'),
];

export async function listAccounts(this: IExecuteFunctions, client: DeskClient, itemIndex: number): Promise<IDataObject[]> {
	const limit = readLimit(this, itemIndex);
	let accounts: IDataObject[];
	if (this.getNodeParameter('includeSettings', itemIndex, false) as boolean) {
		const ids = splitList(this.getNodeParameter('accountIds', itemIndex, ''));
		const answer = await client.desk('get_im_agent_list_multilingual', ids.length > 0 ? { IMAgentUserIDList: ids } : {}, { itemIndex });
		accounts = (answer.Data as IDataObject[] | undefined) ?? [];
	} else {
		accounts = await fetchAccounts(client, itemIndex);
	}
	return limit === undefined ? accounts : accounts.slice(0, limit);
}

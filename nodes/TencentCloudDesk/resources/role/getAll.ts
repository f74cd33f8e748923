/**
 * Role → Get Many (`get_role_list`). Tencent's request and answer fields for this command are not
 * in the reference, so the node sends `{}` and does not assume the list's field name: when the
 * answer holds exactly one list, each entry becomes an item; otherwise the answer is one item.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { pagingFields, readLimit } from '../../descriptions/paging';
import { optionsCollection } from '../../../shared/requestOptions';
import { payloadOf } from '../../helpers/answer';
import type { DeskClient } from '../../../shared/transport/deskClient';

export const getRolesDescription: INodeProperties[] = [
	{
		displayName:
			'Each role Desk lists becomes one item, with the fields as Desk sends them. Built-in roles: 1 super admin, 5 online agent, 7 online admin.',
		name: 'roleFieldsNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { resource: ['role'], operation: ['getAll'] } },
	},
	...pagingFields('role', 'getAll'),
	optionsCollection('role', 'getAll'),
];

export async function getRoles(this: IExecuteFunctions, client: DeskClient, itemIndex: number): Promise<IDataObject[]> {
	const payload = payloadOf(await client.desk('get_role_list', {}, { itemIndex }));
	const lists = Object.values(payload).filter(
		(value): value is IDataObject[] => Array.isArray(value) && value.every((entry) => entry !== null && typeof entry === 'object'),
	);
	const roles = lists.length === 1 ? lists[0] : [payload];
	const limit = readLimit(this, itemIndex);
	return limit === undefined ? roles : roles.slice(0, limit);
}

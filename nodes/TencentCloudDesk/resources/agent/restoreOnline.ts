/** Agent → Restore Online (`restore_member_online`): undo Force Offline so the agent can work again. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { agentLocator } from '../../../shared/pickers/locators';
import { optionsCollection } from '../../../shared/requestOptions';
import { requiredLocator } from '../../helpers/parameters';
import type { DeskClient } from '../../../shared/transport/deskClient';
import { byLocator, writeOperation } from '../writeOperation';

const show = { resource: ['agent'], operation: ['restoreOnline'] };

export const restoreOnlineDescription: INodeProperties[] = [
	agentLocator('agent', show, { required: true }),
	optionsCollection('agent', 'restoreOnline'),
];

/**
 * Writes to one agent go in item order; restoring twice leaves them restored.
 */
export const restoreOnline = writeOperation({ target: byLocator('agent'), retry: 'repeatable' }, async function restoreOnline(this: IExecuteFunctions, client: DeskClient, itemIndex: number): Promise<IDataObject> {
	const memberMail = requiredLocator(this, 'agent', 'Agent', itemIndex);
	await client.desk('restore_member_online', { MemberMail: memberMail }, { itemIndex });
	return { MemberMail: memberMail, restored: true };
});

/**
 * Agent → Force Offline (`force_member_offline`). Tencent's page for this command was not found
 * (only its name, on the set_member_status page), so the body is built like
 * restore_member_online's documented `{MemberMail}`.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { agentLocator } from '../../../shared/pickers/locators';
import { optionsCollection } from '../../../shared/requestOptions';
import { requiredLocator } from '../../helpers/parameters';
import type { DeskClient } from '../../../shared/transport/deskClient';
import { byLocator, writeOperation } from '../writeOperation';

const show = { resource: ['agent'], operation: ['forceOffline'] };

export const forceOfflineDescription: INodeProperties[] = [
	agentLocator('agent', show, {
		required: true,
		hint: 'Signs the agent out of the workbench: they stop receiving sessions until Restore Online',
	}),
	optionsCollection('agent', 'forceOffline'),
];

/**
 * Writes to one agent go in item order; signing an agent out twice leaves them signed out.
 */
export const forceOffline = writeOperation({ target: byLocator('agent'), retry: 'repeatable' }, async function forceOffline(this: IExecuteFunctions, client: DeskClient, itemIndex: number): Promise<IDataObject> {
	const memberMail = requiredLocator(this, 'agent', 'Agent', itemIndex);
	await client.desk('force_member_offline', { MemberMail: memberMail }, { itemIndex });
	return { MemberMail: memberMail, forcedOffline: true };
});

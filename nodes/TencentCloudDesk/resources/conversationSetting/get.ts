/** Conversation Setting → Get (`get_channel_specific_conversation_settings` with one ID). */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { conversationSettingLocator } from '../../descriptions/customerServiceLocators';
import { optionsCollection } from '../../../shared/requestOptions';
import type { DeskClient } from '../../../shared/transport/deskClient';
import { fetchSettingsPage } from './fetchSettingsPage';
import { settingId } from './settingId';

const show = { resource: ['conversationSetting'], operation: ['get'] };

export const getSettingDescription: INodeProperties[] = [
	conversationSettingLocator('setting', show, { required: true }),
	optionsCollection('conversationSetting', 'get'),
];

export async function getSetting(this: IExecuteFunctions, client: DeskClient, itemIndex: number): Promise<IDataObject> {
	const id = settingId(this, itemIndex);
	const { items } = await fetchSettingsPage(client, 0, 1, itemIndex, [id]);
	if (items.length === 0) {
		throw new NodeOperationError(this.getNode(), `Conversation setting ${id} does not exist`, {
			itemIndex,
			description: 'Pick a conversation setting from the list, or check its ID with Conversation Setting → Get Many.',
		});
	}
	return items[0];
}

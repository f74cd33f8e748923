/** The picked conversation setting's ID: Desk wants an integer. */
import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { requiredLocator } from '../../helpers/parameters';

export function settingId(context: IExecuteFunctions, itemIndex: number): number {
	const value = requiredLocator(context, 'setting', 'Conversation Setting', itemIndex);
	if (!/^\d+$/.test(value)) {
		throw new NodeOperationError(context.getNode(), `Conversation Setting “${value}” is not an ID`, {
			itemIndex,
			description: 'Pick a conversation setting from the list, or enter its numeric ConversationSettingId.',
		});
	}
	return Number(value);
}

/** Chatbot Settings → Get (`desc_robot_config`): the bot's live configuration, read only. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { CHATBOT_READ_HINT } from '../../descriptions/chatbotHints';
import { optionsCollection } from '../../../shared/requestOptions';
import { payloadOf } from '../../helpers/answer';
import type { DeskClient } from '../../../shared/transport/deskClient';
import { LANGUAGE_TAG_HINT } from '../questionBank/bank';

const show = { resource: ['chatbotSetting'], operation: ['get'] };

export const getDescription: INodeProperties[] = [
	{
		displayName: 'Language Tag',
		name: 'languageTag',
		type: 'string',
		default: '',
		description: 'Whose language’s settings to read (LanguageTag; may be empty)',
		hint: `${LANGUAGE_TAG_HINT}. ${CHATBOT_READ_HINT}`,
		displayOptions: { show },
	},
	optionsCollection('chatbotSetting', 'get'),
];

export async function get(this: IExecuteFunctions, client: DeskClient, itemIndex: number): Promise<IDataObject> {
	const languageTag = String(this.getNodeParameter('languageTag', itemIndex, '') ?? '').trim();
	// Tencent documents LanguageTag as a String that may be empty, so it is always sent.
	const answer = await client.openImConsole('desc_robot_config', { LanguageTag: languageTag }, { itemIndex });
	return payloadOf(answer);
}

/** Session → Send Message (`send_msg`): text or a custom card into the session, as Desk's bot or agent. */
import { randomInt } from 'crypto';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/requestOptions';
import { payloadOf } from '../../helpers/answer';
import { requiredString } from '../../helpers/parameters';
import type { DeskClient } from '../../../shared/transport/deskClient';
import { byParameter, writeOperation } from '../writeOperation';
import { sessionIdField } from './sessionIdField';

const show = { resource: ['session'], operation: ['sendMessage'] };

export const sendMessageDescription: INodeProperties[] = [
	sessionIdField(show),
	{
		displayName: 'Message Type',
		name: 'messageType',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show },
		options: [
			{ name: 'Text', value: 'text', description: 'A plain text message (TIMTextElem)' },
			{
				name: 'Card (Custom Message)',
				value: 'custom',
				description: 'A custom element (TIMCustomElem) your chat UI renders, e.g. a card with buttons',
			},
		],
		default: 'text',
	},
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
		placeholder: 'All our agents are busy. Expected wait: about 5 minutes.',
		displayOptions: { show: { ...show, messageType: ['text'] } },
	},
	{
		displayName: 'Card Data',
		name: 'customData',
		type: 'json',
		required: true,
		default: '{\n  "businessID": "order_card",\n  "title": "Your order"\n}',
		description: 'The custom element’s Data: JSON your chat UI understands. Sent as a string.',
		displayOptions: { show: { ...show, messageType: ['custom'] } },
	},
	{
		displayName: 'Card Description',
		name: 'customDescription',
		type: 'string',
		default: '',
		description: 'Desc of the custom element: the text shown in notifications and conversation lists',
		displayOptions: { show: { ...show, messageType: ['custom'] } },
	},
	optionsCollection('session', 'sendMessage', [
		{
			displayName: 'Cloud Custom Data',
			name: 'cloudCustomData',
			type: 'string',
			default: '',
			description: 'Extra data stored with the message (CloudCustomData), e.g. a ticket ID',
		},
		{
			displayName: 'Card Extension',
			name: 'customExt',
			type: 'string',
			default: '',
			description: 'Ext of a custom element (ignored for text)',
		},
	]),
];

function messageBody(context: IExecuteFunctions, itemIndex: number, customExt: string): IDataObject[] {
	if (context.getNodeParameter('messageType', itemIndex) === 'text') {
		const text = context.getNodeParameter('text', itemIndex, '') as string;
		if (!text.trim()) {
			throw new NodeOperationError(context.getNode(), 'Text is empty', {
				itemIndex,
				description: 'Enter the message text, or map it from the previous node.',
			});
		}
		return [{ MsgType: 'TIMTextElem', MsgContent: { Text: text } }];
	}
	const data = context.getNodeParameter('customData', itemIndex, '') as unknown;
	const content: IDataObject = {
		// n8n hands json parameters over parsed when they come from an expression.
		Data: typeof data === 'string' ? data : JSON.stringify(data),
		Desc: context.getNodeParameter('customDescription', itemIndex, '') as string,
	};
	if (customExt) content.Ext = customExt;
	return [{ MsgType: 'TIMCustomElem', MsgContent: content }];
}

/**
 * Messages to one session reach the customer in item order. A retry (after a rate limit) reuses the
 * MsgRandom, but Tencent documents no deduplication by it (NOT FOUND), so once send_msg may have
 * reached Desk it is never sent again: a second one could show the customer the message twice.
 */
export const sendMessage = writeOperation({ target: byParameter('sessionId'), retry: 'once' }, async function sendMessage(
	this: IExecuteFunctions,
	client: DeskClient,
	itemIndex: number,
): Promise<IDataObject> {
	const sessionId = requiredString(this, 'sessionId', 'Session ID', itemIndex);
	const { cloudCustomData = '', customExt = '' } = this.getNodeParameter('options', itemIndex, {}) as {
		cloudCustomData?: string;
		customExt?: string;
	};
	const body: IDataObject = {
		SessionId: sessionId,
		// Each message its own; a retry of this request sends the same one (whether Desk drops a repeat by it is not documented).
		MsgRandom: randomInt(0, 2 ** 32 - 1),
		MsgBody: messageBody(this, itemIndex, customExt),
	};
	if (cloudCustomData) body.CloudCustomData = cloudCustomData;
	const answer = await client.desk('send_msg', body, { itemIndex });
	return { SessionId: sessionId, sent: true, MsgRandom: body.MsgRandom, MsgBody: body.MsgBody, ...payloadOf(answer) };
});

/**
 * Session → Send Stream Message (`send_stream_msg`): one chunk of a chatbot message the customer
 * sees grow. The first chunk gets a MsgKey; later chunks pass it back; the last sets Last Chunk.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/requestOptions';
import { requiredString } from '../../helpers/parameters';
import type { DeskClient } from '../../../shared/transport/deskClient';
import { byParameter, writeOperation } from '../writeOperation';
import { sessionIdField } from './sessionIdField';

const show = { resource: ['session'], operation: ['sendStreamMessage'] };

export const sendStreamMessageDescription: INodeProperties[] = [
	sessionIdField(show),
	{
		displayName: 'Chunk',
		name: 'chunk',
		type: 'string',
		typeOptions: { rows: 3 },
		required: true,
		default: '',
		placeholder: 'Hello, ',
		description: 'The next piece of the message text',
		displayOptions: { show },
	},
	{
		displayName: 'Message Key',
		name: 'msgKey',
		type: 'string',
		default: '',
		description: 'Empty for the first chunk; for every later chunk, the MsgKey the first one returned',
		hint: 'In a loop, map it from the previous run, e.g. {{ $json.MsgKey }}',
		displayOptions: { show },
	},
	{
		displayName: 'Last Chunk',
		name: 'finish',
		type: 'boolean',
		default: false,
		description: 'Whether this chunk completes the message (Finish: 1)',
		displayOptions: { show },
	},
	optionsCollection('session', 'sendStreamMessage'),
];

/**
 * Chunks of one session go in item order. A chunk sent twice would show twice (a first chunk would
 * open a second message) and Desk documents no key to drop the repeat, so it is sent once.
 */
export const sendStreamMessage = writeOperation({ target: byParameter('sessionId'), retry: 'once' }, async function sendStreamMessage(this: IExecuteFunctions, client: DeskClient, itemIndex: number): Promise<IDataObject> {
	const sessionId = requiredString(this, 'sessionId', 'Session ID', itemIndex);
	const chunk = String(this.getNodeParameter('chunk', itemIndex, '') ?? '');
	if (chunk === '') {
		throw new NodeOperationError(this.getNode(), 'Chunk is empty', { itemIndex, description: 'Enter the next piece of the message text.' });
	}
	const msgKey = String(this.getNodeParameter('msgKey', itemIndex, '') ?? '').trim();
	const finish = this.getNodeParameter('finish', itemIndex, false) as boolean;
	const body: IDataObject = { SessionId: sessionId, Chunk: chunk };
	if (msgKey) body.MsgKey = msgKey;
	if (finish) body.Finish = 1;
	const answer = await client.desk('send_stream_msg', body, { itemIndex });
	return { SessionId: sessionId, MsgKey: answer.MsgKey ?? msgKey, finished: finish };
});

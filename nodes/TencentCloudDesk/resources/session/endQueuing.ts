/** Session → End Queuing (`end_queuing`): take a waiting customer out of the queue. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { SESSION_NOT_FOUND, SESSION_NOT_QUEUING } from '../../../shared/errorCodes';
import { asDataCall, asDataProperty, type AsDataOption } from '../../descriptions/asData';
import { optionsCollection } from '../../../shared/requestOptions';
import { isError } from '../../helpers/answer';
import { requiredString } from '../../helpers/parameters';
import type { DeskClient } from '../../../shared/transport/deskClient';
import { byParameter, writeOperation } from '../writeOperation';
import { errorAsData } from '../../../shared/transport/deskErrors';
import { sessionIdField } from './sessionIdField';

const show = { resource: ['session'], operation: ['endQueuing'] };

const notQueuingAsData: AsDataOption = {
	displayName: 'Return Not Queuing as Data',
	name: 'returnNotQueuingAsData',
	codes: [SESSION_NOT_QUEUING, SESSION_NOT_FOUND],
	description:
		'Whether a session that is not queuing (141027), has ended or does not exist (141005) gives an item with queuingEnded = false instead of an error. Handy when sweeping a list of sessions.',
};

export const endQueuingDescription: INodeProperties[] = [
	sessionIdField(show),
	optionsCollection('session', 'endQueuing', [asDataProperty(notQueuingAsData)]),
];

/**
 * Writes to one session go in item order; sent once, since a repeat would answer 141027 for the
 * queuing this item just ended.
 */
export const endQueuing = writeOperation({ target: byParameter('sessionId'), retry: 'once' }, async function endQueuing(this: IExecuteFunctions, client: DeskClient, itemIndex: number): Promise<IDataObject> {
	const sessionId = requiredString(this, 'sessionId', 'Session ID', itemIndex);
	// Tencent spells this one field `SessionID`, unlike every other Desk API.
	const answer = await client.desk('end_queuing', { SessionID: sessionId }, asDataCall(this, notQueuingAsData, itemIndex));
	if (isError(answer)) return { SessionId: sessionId, queuingEnded: false, ...errorAsData(answer) };
	return { SessionId: sessionId, queuingEnded: true };
});

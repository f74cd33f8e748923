/** Session → End Queuing (`end_queuing`): take a waiting customer out of the queue. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { SESSION_NOT_FOUND, SESSION_NOT_QUEUING } from '../../../shared/errorCodes';
import { optionsCollection } from '../../descriptions/requestOptions';
import { errorAsData, isError } from '../../helpers/answer';
import { requiredString } from '../../helpers/parameters';
import type { DeskClient } from '../../transport/deskClient';
import { byParameter, writeOperation } from '../writeOperation';
import { sessionIdField } from './sessionIdField';

const show = { resource: ['session'], operation: ['endQueuing'] };

export const endQueuingDescription: INodeProperties[] = [
	sessionIdField(show),
	optionsCollection('session', 'endQueuing', [
		{
			displayName: 'Return Not Queuing as Data',
			name: 'notQueuingAsData',
			type: 'boolean',
			default: false,
			description:
				'Whether a session that is not queuing (141027), has ended or does not exist (141005) gives an item with queuingEnded = false instead of an error. Handy when sweeping a list of sessions.',
		},
	]),
];

/**
 * Writes to one session go in item order; sent once, since a repeat would answer 141027 for the
 * queuing this item just ended.
 */
export const endQueuing = writeOperation({ target: byParameter('sessionId'), retry: 'once' }, async function endQueuing(this: IExecuteFunctions, client: DeskClient, itemIndex: number): Promise<IDataObject> {
	const sessionId = requiredString(this, 'sessionId', 'Session ID', itemIndex);
	const { notQueuingAsData = false } = this.getNodeParameter('options', itemIndex, {}) as {
		notQueuingAsData?: boolean;
	};
	// Tencent spells this one field `SessionID`, unlike every other Desk API.
	const answer = await client.desk(
		'end_queuing',
		{ SessionID: sessionId },
		{ itemIndex, acceptErrorCodes: notQueuingAsData ? [SESSION_NOT_QUEUING, SESSION_NOT_FOUND] : [] },
	);
	if (isError(answer)) return { SessionId: sessionId, queuingEnded: false, ...errorAsData(answer) };
	return { SessionId: sessionId, queuingEnded: true };
});

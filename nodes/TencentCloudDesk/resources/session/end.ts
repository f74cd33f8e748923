/** Session → End (`end_session`): close a live session, whoever has it. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { SESSION_NOT_FOUND } from '../../../shared/errorCodes';
import { asDataCall, asDataProperty, type AsDataOption } from '../../descriptions/asData';
import { optionsCollection } from '../../../shared/requestOptions';
import { isError } from '../../helpers/answer';
import { requiredString } from '../../helpers/parameters';
import type { DeskClient } from '../../../shared/transport/deskClient';
import { byParameter, writeOperation } from '../writeOperation';
import { errorAsData } from '../../../shared/transport/deskErrors';
import { sessionIdField } from './sessionIdField';

const show = { resource: ['session'], operation: ['end'] };

const alreadyEndedAsData: AsDataOption = {
	displayName: 'Return Already Ended as Data',
	name: 'returnAlreadyEndedAsData',
	codes: [SESSION_NOT_FOUND],
	description:
		'Whether a session that does not exist or has already ended (141005) gives an item with ended = false instead of an error',
};

export const endDescription: INodeProperties[] = [
	sessionIdField(show),
	optionsCollection('session', 'end', [asDataProperty(alreadyEndedAsData)]),
];

/**
 * Writes to one session go in item order; sent once, since a repeat would answer 141005 for the
 * session this item just ended.
 */
export const end = writeOperation({ target: byParameter('sessionId'), retry: 'once' }, async function end(this: IExecuteFunctions, client: DeskClient, itemIndex: number): Promise<IDataObject> {
	const sessionId = requiredString(this, 'sessionId', 'Session ID', itemIndex);
	const answer = await client.desk('end_session', { SessionId: sessionId }, asDataCall(this, alreadyEndedAsData, itemIndex));
	if (isError(answer)) return { SessionId: sessionId, ended: false, ...errorAsData(answer) };
	return { SessionId: sessionId, ended: true };
});

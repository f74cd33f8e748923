/** Session → End (`end_session`): close a live session, whoever has it. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { SESSION_NOT_FOUND } from '../../../shared/errorCodes';
import { asDataCall, asDataProperty, type AsDataOption } from '../../descriptions/asData';
import { optionsCollection } from '../../descriptions/requestOptions';
import { isError } from '../../helpers/answer';
import { requiredString } from '../../helpers/parameters';
import type { DeskClient } from '../../transport/deskClient';
import { errorAsData } from '../../transport/deskErrors';
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

export async function end(this: IExecuteFunctions, client: DeskClient, itemIndex: number): Promise<IDataObject> {
	const sessionId = requiredString(this, 'sessionId', 'Session ID', itemIndex);
	const answer = await client.desk('end_session', { SessionId: sessionId }, asDataCall(this, alreadyEndedAsData, itemIndex));
	if (isError(answer)) return { SessionId: sessionId, ended: false, ...errorAsData(answer) };
	return { SessionId: sessionId, ended: true };
}

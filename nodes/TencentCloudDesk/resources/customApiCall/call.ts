/**
 * Custom API Call: any `v4/{service}/{command}` of Chat or Desk, signed like every other call,
 * for the APIs this node does not wrap yet. Tencent's answer comes back as it is.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { asDataCall, asDataProperty, type AsDataOption } from '../../descriptions/asData';
import { optionsCollection } from '../../../shared/requestOptions';
import { isError } from '../../helpers/answer';
import { requiredString } from '../../helpers/parameters';
import type { DeskClient } from '../../../shared/transport/deskClient';
import { writeOperation } from '../writeOperation';
import { errorAsData } from '../../../shared/transport/deskErrors';

const show = { resource: ['customApiCall'], operation: ['call'] };

// Which codes count as "an answer" is only known after the call; retries and credential errors stay errors.
const errorsAsData: AsDataOption = {
	displayName: 'Return Errors as Data',
	name: 'returnErrorsAsData',
	codes: 'answers',
	description:
		'Whether a Tencent error (ActionStatus FAIL) gives an item with its code and meaning instead of failing the node. Credential errors and temporary errors after retries still fail.',
};

export const callDescription: INodeProperties[] = [
	{
		displayName: 'API',
		name: 'api',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'desk_http_svc/get_session_state',
		description: 'The API as service/command, the part after v4/ in Tencent’s documentation',
		hint: 'Signed with this credential: sdkappid, identifier, usersig, random and contenttype are added for you',
		displayOptions: { show },
	},
	{
		displayName: 'Body',
		name: 'body',
		type: 'json',
		default: '{}',
		description: 'The JSON request body Tencent documents for this API',
		displayOptions: { show },
	},
	optionsCollection('customApiCall', 'call', [asDataProperty(errorsAsData)]),
];

const API_PATH = /^(?:\/?v4\/)?([A-Za-z0-9_]+)\/([A-Za-z0-9_]+)$/;

function parseBody(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const raw = context.getNodeParameter('body', itemIndex, '{}') as unknown;
	let body: unknown = raw;
	if (typeof raw === 'string') {
		try {
			body = JSON.parse(raw.trim() || '{}');
		} catch (error) {
			throw new NodeOperationError(context.getNode(), 'Body is not valid JSON', {
				itemIndex,
				description: (error as Error).message,
			});
		}
	}
	if (!body || typeof body !== 'object' || Array.isArray(body)) {
		throw new NodeOperationError(context.getNode(), 'Body must be a JSON object', {
			itemIndex,
			description: 'Tencent’s REST APIs take an object, e.g. {"SessionId": "…"}. Use {} for none.',
		});
	}
	return body as IDataObject;
}

/** Calls naming one session (a SessionId or SessionID in the body) go in item order. */
function sessionInBody(this: IExecuteFunctions, itemIndex: number): string | undefined {
	const body = parseBody(this, itemIndex);
	const session = body.SessionId ?? body.SessionID;
	return session === undefined ? undefined : String(session);
}

/**
 * Any command may write, and what a repeat of it does is unknown: a command that is not a read
 * (get_*, describe_*, desc_*, list_*) is sent once, never again after it may have reached Desk.
 */
export const call = writeOperation({ target: sessionInBody, retry: 'once' }, async function call(this: IExecuteFunctions, client: DeskClient, itemIndex: number): Promise<IDataObject> {
	const api = requiredString(this, 'api', 'API', itemIndex);
	const match = API_PATH.exec(api);
	if (!match) {
		throw new NodeOperationError(this.getNode(), `API “${api}” is not service/command`, {
			itemIndex,
			description: 'Write it like desk_http_svc/get_session_state or openim/admin_getroammsg (letters, digits, _).',
		});
	}
	const [, service, command] = match;
	const answer = await client.call(service, command, parseBody(this, itemIndex), asDataCall(this, errorsAsData, itemIndex));
	const full = answer as IDataObject;
	return isError(answer) ? { ...full, ...errorAsData(answer) } : full;
});

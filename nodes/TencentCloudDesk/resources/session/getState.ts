import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { SESSION_NOT_FOUND } from '../../../shared/errorCodes';
import { normalizeSessionState } from '../../../shared/sessionStates';
import { asDataCall, asDataProperty, type AsDataOption } from '../../descriptions/asData';
import { optionsCollection } from '../../../shared/requestOptions';
import { requiredLocator, requiredString } from '../../helpers/parameters';
import type { DeskClient } from '../../../shared/transport/deskClient';
import { sessionIdField } from './sessionIdField';
import { customerServiceAccountLocator } from '../../descriptions/customerServiceLocators';

const show = { resource: ['session'], operation: ['getState'] };

const notFoundAsData: AsDataOption = {
	displayName: 'Return Not-Found as Data',
	name: 'returnNotFoundAsData',
	codes: [SESSION_NOT_FOUND],
	description:
		'Whether a session that does not exist or has ended (error 141005) gives an item with CurrentState “NotInSession” instead of an error',
};

export const getStateDescription: INodeProperties[] = [
	{
		displayName: 'Look Up By',
		name: 'lookupBy',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show },
		options: [
			{ name: 'Session ID', value: 'sessionId', description: 'Works for every integration method' },
			{
				name: 'User ID and Customer Service Account',
				value: 'user',
				description: 'Only for the “Application/Client” (SDK) integration method',
			},
		],
		default: 'sessionId',
	},
	sessionIdField({ ...show, lookupBy: ['sessionId'] }),
	{
		displayName: 'User ID',
		name: 'clientUserId',
		type: 'string',
		required: true,
		default: '',
		description: 'The customer’s UserID (ClientUserId in trigger events)',
		displayOptions: { show: { ...show, lookupBy: ['user'] } },
	},
	customerServiceAccountLocator('customerServiceId', { ...show, lookupBy: ['user'] }, {
		required: true,
		description: 'The customer service account the user talks to (CustomerServiceId in trigger events)',
	}),
	optionsCollection('session', 'getState', [asDataProperty(notFoundAsData)]),
];

export async function getState(
	this: IExecuteFunctions,
	client: DeskClient,
	itemIndex: number,
): Promise<IDataObject> {
	const lookupBy = this.getNodeParameter('lookupBy', itemIndex) as string;
	const query: IDataObject =
		lookupBy === 'user'
			? {
					ClientUserId: requiredString(this, 'clientUserId', 'User ID', itemIndex),
					CustomerServiceId: requiredLocator(this, 'customerServiceId', 'Customer Service Account', itemIndex),
				}
			: { SessionId: requiredString(this, 'sessionId', 'Session ID', itemIndex) };
	const answer = await client.desk('get_session_state', query, asDataCall(this, notFoundAsData, itemIndex));

	if (answer.ErrorCode === SESSION_NOT_FOUND) {
		return { ...query, SessionId: query.SessionId ?? '', CurrentState: 'NotInSession', AgentId: '', found: false };
	}
	const rawState = String(answer.CurrentState ?? '');
	return {
		...(lookupBy === 'user' ? query : {}),
		SessionId: answer.SessionId ?? query.SessionId ?? '',
		CurrentState: normalizeSessionState(rawState),
		CurrentStateAsSent: rawState,
		AgentId: answer.AgentId ?? '',
		found: true,
	};
}

/** Session → Transfer to Human (`transfer_to_human`): take a customer from the chatbot to a live agent, or into the queue. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { NO_AGENT_ONLINE } from '../../../shared/errorCodes';
import { asDataCall, asDataProperty, type AsDataOption } from '../../descriptions/asData';
import { skillGroupLocator } from '../../../shared/pickers/locators';
import { optionsCollection } from '../../../shared/requestOptions';
import { isError } from '../../helpers/answer';
import { locatorValue, requiredString, skillGroupId } from '../../helpers/parameters';
import type { DeskClient } from '../../../shared/transport/deskClient';
import { byParameter, writeOperation } from '../writeOperation';
import { errorAsData } from '../../../shared/transport/deskErrors';
import { sessionIdField } from './sessionIdField';
import { splitList } from '../../../shared/listValues';
import { agentsField } from '../../../shared/pickers/locators';

const show = { resource: ['session'], operation: ['transferToHuman'] };

const noAgentOnlineAsData: AsDataOption = {
	displayName: 'Return No Agent Online as Data',
	name: 'returnNoAgentOnlineAsData',
	codes: [NO_AGENT_ONLINE],
	description: 'Whether “no agent is online” (141001) gives an item with transferred = false instead of an error',
};

export const transferToHumanDescription: INodeProperties[] = [
	sessionIdField(show),
	skillGroupLocator('skillGroup', show, {
		description: 'The skill group to hand the customer to (AgentGroupId); empty means Desk’s default policy',
	}),
	agentsField('preferredAgents', show, 'Agents to try first (AgentIdList); empty means any agent', { displayName: 'Preferred Agent Names or IDs' }),
	optionsCollection('session', 'transferToHuman', [
		{
			displayName: 'Send No-Agent Tip',
			name: 'sendTipIfNoAgentOnline',
			type: 'boolean',
			default: false,
			description: 'Whether Desk tells the customer when no agent is online (SendTipIfNoAgentOnline)',
		},
		asDataProperty(noAgentOnlineAsData),
	]),
];

/**
 * Writes to one session go in item order; sent once, since a repeat could queue or route the customer again.
 */
export const transferToHuman = writeOperation({ target: byParameter('sessionId'), retry: 'once' }, async function transferToHuman(this: IExecuteFunctions, client: DeskClient, itemIndex: number): Promise<IDataObject> {
	const sessionId = requiredString(this, 'sessionId', 'Session ID', itemIndex);
	const { sendTipIfNoAgentOnline = false } = this.getNodeParameter('options', itemIndex, {}) as { sendTipIfNoAgentOnline?: boolean };
	const body: IDataObject = { SessionId: sessionId };
	if (locatorValue(this, 'skillGroup', itemIndex)) body.AgentGroupId = skillGroupId(this, 'skillGroup', itemIndex);
	const preferred = splitList(this.getNodeParameter('preferredAgents', itemIndex, ''));
	if (preferred.length > 0) body.AgentIdList = preferred;
	if (sendTipIfNoAgentOnline) body.SendTipIfNoAgentOnline = 1;

	const answer = await client.desk('transfer_to_human', body, asDataCall(this, noAgentOnlineAsData, itemIndex));
	if (isError(answer)) return { SessionId: sessionId, transferred: false, queued: false, ...errorAsData(answer) };
	return { SessionId: sessionId, transferred: true, AgentId: answer.AgentId ?? '', queued: Number(answer.IsInQueue ?? 0) === 1 };
});

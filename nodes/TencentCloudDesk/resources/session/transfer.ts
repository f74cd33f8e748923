/** Session → Transfer (`transfer_session`): to a skill group, an agent, or Desk's default strategy. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { NO_AGENT_ONLINE, NO_FREE_AGENT_IN_GROUP } from '../../../shared/errorCodes';
import { agentLocator, skillGroupLocator } from '../../../shared/pickers/locators';
import { asDataCall, asDataProperty, type AsDataOption } from '../../descriptions/asData';
import { optionsCollection } from '../../../shared/requestOptions';
import { isError } from '../../helpers/answer';
import { requiredLocator, requiredString, skillGroupId } from '../../helpers/parameters';
import type { DeskClient } from '../../../shared/transport/deskClient';
import { byParameter, writeOperation } from '../writeOperation';
import { errorAsData } from '../../../shared/transport/deskErrors';
import { sessionIdField } from './sessionIdField';

const show = { resource: ['session'], operation: ['transfer'] };

const noFreeAgentAsData: AsDataOption = {
	displayName: 'Return No Free Agent as Data',
	name: 'returnNoFreeAgentAsData',
	codes: [NO_AGENT_ONLINE, NO_FREE_AGENT_IN_GROUP],
	description:
		'Whether “no agent is online” (141001) and “no free agent in the skill group” (141025) give an item with transferred = false instead of an error, so the workflow can try another group',
};

export const transferDescription: INodeProperties[] = [
	sessionIdField(show),
	{
		displayName: 'Transfer To',
		name: 'transferTo',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show },
		options: [
			{
				name: 'Any Free Agent',
				value: 'default',
				description: 'Desk picks a free agent with its default assignment strategy',
			},
			{ name: 'Skill Group', value: 'skillGroup', description: 'A free agent of this skill group' },
			{ name: 'Agent', value: 'agent', description: 'This agent, if they are free' },
			{
				name: 'Agent in Skill Group',
				value: 'agentInSkillGroup',
				description: 'This agent, as a member of this skill group',
			},
		],
		default: 'skillGroup',
	},
	skillGroupLocator('skillGroup', { ...show, transferTo: ['skillGroup', 'agentInSkillGroup'] }, { required: true }),
	agentLocator('agent', { ...show, transferTo: ['agent', 'agentInSkillGroup'] }, { required: true }),
	optionsCollection('session', 'transfer', [asDataProperty(noFreeAgentAsData)]),
];

/**
 * Transfers of one session go in item order; sent once, since a repeat could move it again (and
 * would fail with 141024 after the first one worked).
 */
export const transfer = writeOperation({ target: byParameter('sessionId'), retry: 'once' }, async function transfer(this: IExecuteFunctions, client: DeskClient, itemIndex: number): Promise<IDataObject> {
	const sessionId = requiredString(this, 'sessionId', 'Session ID', itemIndex);
	const transferTo = this.getNodeParameter('transferTo', itemIndex) as string;

	const body: IDataObject = { SessionId: sessionId };
	if (transferTo === 'skillGroup' || transferTo === 'agentInSkillGroup') {
		body.GroupId = skillGroupId(this, 'skillGroup', itemIndex);
	}
	if (transferTo === 'agent' || transferTo === 'agentInSkillGroup') {
		body.MemberId = requiredLocator(this, 'agent', 'Agent', itemIndex);
	}

	const answer = await client.desk('transfer_session', body, asDataCall(this, noFreeAgentAsData, itemIndex));
	const target = { SessionId: sessionId, GroupId: body.GroupId ?? null, MemberId: body.MemberId ?? null };
	if (isError(answer)) return { ...target, transferred: false, ...errorAsData(answer) };
	return { ...target, transferred: true };
});

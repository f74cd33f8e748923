/** Callback Answer → Route to Agents: answers ChatBot.OnAssignHuman with a skill group and/or agents. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { routeAnswer } from '../../../shared/decisionAnswers';
import { skillGroupLocator } from '../../descriptions/locators';
import { locatorValue } from '../../helpers/parameters';
import type { DeskClient } from '../../transport/deskClient';
import { sendAnswer } from './sendAnswer';

const show = { resource: ['callbackAnswer'], operation: ['routeToAgents'] };

export const routeToAgentsDescription: INodeProperties[] = [
	skillGroupLocator('skillGroup', show, {
		description: 'The skill group that takes the customer; Desk picks an available agent in it. Leave empty to name agents only.',
	}),
	{
		displayName: 'Agent Names or IDs',
		name: 'agents',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getAgents' },
		default: [],
		description:
			'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		hint: 'Desk assigns one of these agents who is available. In an expression: a list of agent emails, or emails separated by commas.',
		displayOptions: { show },
	},
];

export async function routeToAgents(this: IExecuteFunctions, _client: DeskClient, itemIndex: number): Promise<IDataObject> {
	return await sendAnswer(this, itemIndex, () =>
		routeAnswer({
			agentGroupId: locatorValue(this, 'skillGroup', itemIndex),
			agentIds: this.getNodeParameter('agents', itemIndex, []),
		}),
	);
}

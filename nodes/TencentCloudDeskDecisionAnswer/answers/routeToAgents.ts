/** Route to Agents: answers ChatBot.OnAssignHuman with a skill group and/or agents. */
import { routeAnswer } from '../../shared/decisionAnswers';
import { skillGroupLocator } from '../../TencentCloudDesk/descriptions/locators';
import type { AnswerKind } from './answerKind';
import { showFor } from './answerKind';

const value = 'routeToAgents';

export const routeToAgents: AnswerKind = {
	value,
	name: 'Route to Agents',
	action: 'Route a customer to a skill group or agents',
	description: 'Answer “Route Customer to Agents” with the skill group and/or agents who take the customer',
	decision: 'assignHuman',
	properties: [
		skillGroupLocator('skillGroup', showFor(value).show, {
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
			displayOptions: showFor(value),
		},
	],
	build: (context) =>
		routeAnswer({
			agentGroupId: context.getNodeParameter('skillGroup', 0, '', { extractValue: true }),
			agentIds: context.getNodeParameter('agents', 0, []),
		}),
};

/** Route to Agents: answers ChatBot.OnAssignHuman with a skill group and/or agents. */
import type { INodeProperties } from 'n8n-workflow';

import { routeAnswer } from '../../shared/decisionAnswers';
import { agentsField, skillGroupLocator } from '../../shared/pickers/locators';
import type { AnswerKind } from './answerKind';
import { showFor } from './answerKind';

const value = 'routeToAgents';

/**
 * The skill group picker without the By ID mode's regex. n8n checks a resource locator's regex for every node of
 * the workflow at the start of every execution, in a vm script with a timeout, which starts and joins a thread per
 * check: tens of microseconds on a quiet machine, milliseconds of blocked event loop on a busy one
 * (dev/bench/PROFILES.md, "Decisions: ours vs n8n's own nodes"), paid per answer step in the workflow, whichever
 * runs. The run checks the ID anyway (routeAnswer): a step with a wrong one fails saying so, and Desk gets the
 * trigger's fallback, as when n8n's check stopped the run. The trigger's Fallback Skill Group keeps the regex: a
 * wrong fallback would only show when it is needed.
 */
function answerSkillGroupLocator(locator: INodeProperties): INodeProperties {
	return {
		...locator,
		modes: locator.modes?.map((mode) =>
			mode.name === 'id' ? { ...mode, validation: undefined, hint: 'A skill group ID is a number, e.g. 3' } : mode,
		),
	};
}

export const routeToAgents: AnswerKind = {
	value,
	name: 'Route to Agents',
	action: 'Route a customer to a skill group or agents',
	description: 'Answer “Route Customer to Agents” with the skill group and/or agents who take the customer',
	decision: 'assignHuman',
	properties: [
		answerSkillGroupLocator(
			skillGroupLocator('skillGroup', showFor(value).show, {
				description: 'The skill group that takes the customer; Desk picks an available agent in it. Leave empty to name agents only.',
			}),
		),
		agentsField('agents', showFor(value).show, 'Desk assigns one of these agents who is available'),
	],
	build: (context) =>
		routeAnswer({
			agentGroupId: context.getNodeParameter('skillGroup', 0, '', { extractValue: true }),
			agentIds: context.getNodeParameter('agents', 0, []),
		}),
};

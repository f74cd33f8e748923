/**
 * `v4/desk_http_svc/get_im_agent_list_multilingual`: the accounts with their settings, prompts per
 * language under MultilingualSettings; `IMAgentUserIDList` picks accounts (unknown ones are left out).
 * NOT FOUND: the values of CallbackSwitchBeforeIMContactUser and ContactUserCallbackTimeoutStrategy,
 * so the simulator does not answer them.
 */
import type { CommandHandler } from '../commandRegistry';
import { optionalStringArray } from './serviceParams';

export const getImAgentListMultilingual: CommandHandler = {
	service: 'desk_http_svc',
	command: 'get_im_agent_list_multilingual',
	requiresDesk: true,
	handle({ body, services }) {
		const wanted = optionalStringArray(body, 'IMAgentUserIDList');
		const agents = services.imAgents.list().filter((agent) => !wanted || wanted.includes(agent.userId));
		return {
			Data: agents.map((agent) => ({
				IMAgentUserID: agent.userId,
				IMAgentNick: '',
				IMAgentAvatarUrl: '',
				ChatbotDisabled: 0,
				AgentGroupId: 0,
				RobotId: '@RBT#DeskDefaultRobot',
				...agent.account,
				MultilingualSettings: agent.languages,
			})),
		};
	},
};

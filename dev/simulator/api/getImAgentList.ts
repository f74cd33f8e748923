/** `v4/desk_http_svc/get_im_agent_list`: the app's customer-service accounts (the bot's UserIDs). Note the lower-case d of IMAgentUserId. */
import type { CommandHandler } from '../commandRegistry';

export const getImAgentList: CommandHandler = {
	service: 'desk_http_svc',
	command: 'get_im_agent_list',
	requiresDesk: true,
	handle({ services }) {
		// UNCONFIRMED: IMAgentType's values; 'Desk' for every account here.
		return {
			Data: services.imAgents.list().map((agent) => ({ IMAgentUserId: agent.userId, IMAgentNick: agent.account.IMAgentNick ?? '', IMAgentType: 'Desk' })),
		};
	},
};

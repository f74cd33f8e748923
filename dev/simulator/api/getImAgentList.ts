/** `v4/desk_http_svc/get_im_agent_list`: the app's customer-service accounts (the bot's UserIDs). */
import type { CommandHandler } from '../commandRegistry';
import { DEFAULT_IM_AGENT_NICK, SEED_IM_AGENTS } from '../seedData';

export const getImAgentList: CommandHandler = {
	service: 'desk_http_svc',
	command: 'get_im_agent_list',
	requiresDesk: true,
	handle({ app }) {
		const accounts = [{ userId: app.customerServiceId, nick: DEFAULT_IM_AGENT_NICK }, ...SEED_IM_AGENTS.filter((agent) => agent.userId !== app.customerServiceId)];
		// UNCONFIRMED: IMAgentType's values; 'Desk' for every account here.
		return { Data: accounts.map((agent) => ({ IMAgentUserId: agent.userId, IMAgentNick: agent.nick, IMAgentType: 'Desk' })) };
	},
};

/**
 * `v4/desk_http_svc/update_im_agent`: change a customer-service account; fields left out keep
 * their value. NOT FOUND: the code for an unknown IMAgentUserID (141004 here).
 */
import type { CommandHandler } from '../commandRegistry';
import { imAgentFields } from './imAgentFields';
import { invalidParameter, requiredString } from './params';

export const updateImAgent: CommandHandler = {
	service: 'desk_http_svc',
	command: 'update_im_agent',
	requiresDesk: true,
	handle({ body, members, services }) {
		const { account, prompts } = imAgentFields(body, members);
		const userId = requiredString(body, 'IMAgentUserID');
		if (!services.imAgents.find(userId)) throw invalidParameter('IMAgentUserID', `${userId} does not exist`);
		services.imAgents.update(userId, account, prompts);
		return {};
	},
};

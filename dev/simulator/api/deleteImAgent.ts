/**
 * `v4/desk_http_svc/delete_im_agent`: delete a customer-service account, irreversibly. The
 * default account created with the app cannot be deleted.
 * NOT FOUND: the codes for an unknown account and for the default one (141004 here).
 */
import type { CommandHandler } from '../commandRegistry';
import { invalidParameter, requiredString } from './params';

export const deleteImAgent: CommandHandler = {
	service: 'desk_http_svc',
	command: 'delete_im_agent',
	requiresDesk: true,
	handle({ body, services }) {
		const userId = requiredString(body, 'IMAgentUserID');
		const agent = services.imAgents.find(userId);
		if (!agent) throw invalidParameter('IMAgentUserID', `${userId} does not exist`);
		if (agent.isDefault) throw invalidParameter('IMAgentUserID', `${userId} is the app's default account, which cannot be deleted`);
		services.imAgents.remove(userId);
		return {};
	},
};

/**
 * `v4/desk_http_svc/add_im_agent`: create a customer-service account (a conversation entry point,
 * not a person). At most MAX_IM_AGENTS per app (141007).
 * NOT FOUND: the response fields and the code for an IMAgentUserID already in use (141004 here).
 */
import type { CommandHandler } from '../commandRegistry';
import { MAX_IM_AGENTS } from '../imAgentStore';
import { DeskApiError } from '../restResponse';
import { imAgentFields } from './imAgentFields';
import { invalidParameter, requiredString } from './params';

export const addImAgent: CommandHandler = {
	service: 'desk_http_svc',
	command: 'add_im_agent',
	requiresDesk: true,
	handle({ body, members, services }) {
		const { account, prompts } = imAgentFields(body, members);
		const userId = requiredString(body, 'IMAgentUserID');
		if (services.imAgents.find(userId)) throw invalidParameter('IMAgentUserID', `${userId} already exists`);
		if (services.imAgents.count >= MAX_IM_AGENTS) throw new DeskApiError(141007, `at most ${MAX_IM_AGENTS} customer service accounts`);
		services.imAgents.add(userId, account, prompts);
		return {};
	},
};

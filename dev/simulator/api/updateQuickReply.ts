/**
 * `v4/desk_http_svc/update_quick_reply`: replace a quick reply's category, title and content (all
 * four fields are required). IDs are strings. Unknown IDs answer 141004 (the documented codes
 * are 141000, 141002 and 141004).
 */
import type { CommandHandler } from '../commandRegistry';
import { invalidParameter, requiredString } from './params';

export const updateQuickReply: CommandHandler = {
	service: 'desk_http_svc',
	command: 'update_quick_reply',
	requiresDesk: true,
	handle({ body, services }) {
		const quickReplyId = requiredString(body, 'QuickReplyId');
		const groupId = requiredString(body, 'GroupId');
		const title = requiredString(body, 'Title');
		const content = requiredString(body, 'Content');
		const reply = services.quickReplies.findReply(quickReplyId);
		if (!reply) throw invalidParameter('QuickReplyId', `${quickReplyId} does not exist`);
		// A personal reply stays in its owner's personal category (its ID is the owner's email).
		const personal = reply.groupId === groupId && !services.quickReplies.findGroup(groupId);
		if (!personal && !services.quickReplies.findGroup(groupId)) throw invalidParameter('GroupId', `${groupId} does not exist`);
		services.quickReplies.updateReply({ quickReplyId, groupId, title, content });
		return {};
	},
};

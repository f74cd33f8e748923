/**
 * `v4/desk_http_svc/get_available_quick_reply_list`: the quick replies a member may use, by
 * category, their personal category (GroupId = their email) last.
 * NOT FOUND: the code for an unknown MemberId (141004 here).
 */
import type { CommandHandler } from '../commandRegistry';
import { invalidParameter, requiredString } from './params';

export const getAvailableQuickReplyList: CommandHandler = {
	service: 'desk_http_svc',
	command: 'get_available_quick_reply_list',
	requiresDesk: true,
	handle({ body, members, services }) {
		const memberId = requiredString(body, 'MemberId');
		const member = members.find(memberId);
		if (!member) throw invalidParameter('MemberId', `${memberId} is not a member`);
		return {
			Data: services.quickReplies.availableTo(member).map(({ group, replies }) => ({
				GroupId: group.groupId,
				GroupName: group.name,
				QuickReplyList: replies.map((reply) => ({ QuickReplyId: reply.quickReplyId, GroupId: reply.groupId, Title: reply.title, Content: reply.content })),
			})),
		};
	},
};

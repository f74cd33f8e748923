/**
 * `v4/desk_http_svc/update_member`: change an agent's nickname, roles, groups, avatar or
 * reception limit. Absent fields stay; RoleIDList [] clears the roles, MemberGroupIDList []
 * takes the agent out of every group.
 */
import type { CommandHandler } from '../commandRegistry';
import { DeskApiError } from '../restResponse';
import { parseMemberFields } from './memberFields';
import { requiredString } from './params';

export const updateMember: CommandHandler = {
	service: 'desk_http_svc',
	command: 'update_member',
	requiresDesk: true,
	handle({ body, members }) {
		const memberMail = requiredString(body, 'MemberMail');
		const fields = parseMemberFields(body, members);
		// UNCONFIRMED: update_member's error list is truncated; 141010 is Desk's "member does not exist".
		if (!members.updateMember(memberMail, fields)) throw new DeskApiError(141010, `MemberMail ${memberMail}`);
		return {};
	},
};

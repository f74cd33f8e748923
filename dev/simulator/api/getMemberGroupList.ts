/** `v4/desk_http_svc/get_member_group_list`: the app's skill groups, paged (PageNumber is 0-based), by id. */
import type { CommandHandler } from '../commandRegistry';
import { optionalInt, pageSizeParam } from './params';

export const getMemberGroupList: CommandHandler = {
	service: 'desk_http_svc',
	command: 'get_member_group_list',
	requiresDesk: true,
	handle({ body, members }) {
		const pageSize = pageSizeParam(body, 'PageSize');
		const pageNumber = optionalInt(body, 'PageNumber', { min: 0 }) ?? 0;
		const all = members.skillGroups().sort((a, b) => a.skillGroupId - b.skillGroupId);
		const start = pageNumber * pageSize;
		return {
			MemberGroupList: all.slice(start, start + pageSize).map((group) => ({
				MemberGroupID: group.skillGroupId,
				MemberGroupName: group.name,
				ReceptionLimit: group.receptionLimit,
				GroupMemberCount: members.memberCount(group.skillGroupId),
			})),
			Total: all.length,
		};
	},
};

/**
 * `v4/desk_http_svc/get_member_list_in_group`: the members of one group, with the fields
 * Tencent documents for it. PageSize (≤100) and PageNum (from 0) are required; Order 0
 * ascending (default) / 1 descending. An unknown group is 141004 naming MemberGroupID.
 */
import type { CommandHandler } from '../commandRegistry';
import type { AppMembers, DeskMember } from '../memberDirectory';
import { invalidParameter, MAX_PAGE_SIZE, optionalEnum, requiredInt } from './params';

export const getMemberListInGroup: CommandHandler = {
	service: 'desk_http_svc',
	command: 'get_member_list_in_group',
	requiresDesk: true,
	handle({ body, members }) {
		const id = requiredInt(body, 'MemberGroupID', { min: 1 });
		const pageSize = requiredInt(body, 'PageSize', { min: 1, max: MAX_PAGE_SIZE });
		const pageNum = requiredInt(body, 'PageNum', { min: 0 });
		const order = optionalEnum(body, 'Order', [0, 1] as const) ?? 0;
		if (!members.skillGroup(id)) throw invalidParameter('MemberGroupID', `${id} is not a group`);
		// UNCONFIRMED: what Order sorts by; here CreateTime, then MemberMail.
		const inGroup = members
			.list()
			.filter((member) => member.skillGroupIds.includes(id))
			.sort((a, b) => (order === 0 ? 1 : -1) * (a.createTime - b.createTime || a.email.localeCompare(b.email)));
		const start = pageNum * pageSize;
		return { MemberList: inGroup.slice(start, start + pageSize).map((member) => groupMember(member, members)), Total: inGroup.length };
	},
};

function groupMember(member: DeskMember, members: AppMembers): Record<string, unknown> {
	return {
		Avatar: member.avatar,
		CreateTime: member.createTime,
		EffectiveReceptionLimit: members.effectiveReceptionLimit(member),
		// UNCONFIRMED: KickOff's meaning (the sample shows 0); 1 here while forced offline.
		KickOff: member.kickedOff ? 1 : 0,
		MemberGroupIDList: member.skillGroupIds,
		MemberMail: member.email,
		MemberReceptionLimit: member.memberReceptionLimit,
		MemberReceptionLimitEnabled: member.memberReceptionLimitEnabled,
		NickName: member.nick,
		RoleIDList: member.roleIds,
	};
}

/** `v4/desk_http_svc/get_member_list`: the app's agents, paged (PageNum is 0-based), sorted by MemberMail. */
import type { CommandHandler } from '../commandRegistry';
import { optionalEnum, optionalInt, ORDER_VALUES, pageSizeParam } from './params';

export const getMemberList: CommandHandler = {
	service: 'desk_http_svc',
	command: 'get_member_list',
	requiresDesk: true,
	handle({ body, members }) {
		const pageSize = pageSizeParam(body, 'PageSize');
		const pageNum = optionalInt(body, 'PageNum', { min: 0 }) ?? 0;
		// UNCONFIRMED: what Order sorts by; the simulator sorts by MemberMail, 1 ascending (default) / 2 descending.
		const order = optionalEnum(body, 'Order', ORDER_VALUES) ?? 1;
		const all = members.list().sort((a, b) => (order === 1 ? 1 : -1) * a.email.localeCompare(b.email));
		const start = pageNum * pageSize;
		return {
			MemberList: all.slice(start, start + pageSize).map((member) => ({
				MemberMail: member.email,
				MemberNick: member.nick,
				Status: member.status,
				RestReason: member.restReason,
				MemberGroupIDs: member.skillGroupIds,
			})),
			Total: all.length,
		};
	},
};

/**
 * `v4/desk_http_svc/describe_member_status_trace`: an agent's status changes between BeginTime
 * and EndTime (Unix seconds, at most 3 months apart), Order 1 oldest first / 2 newest first.
 * Note the capital ID in MemberID.
 */
import type { CommandHandler } from '../commandRegistry';
import { DeskApiError } from '../restResponse';
import { invalidParameter, ORDER_VALUES, requiredEnum, requiredInt, requiredString } from './params';

/** "Only a 3-month range may be queried": EndTime at most three calendar months after BeginTime (UTC). */
export function threeMonthsAfter(seconds: number): number {
	const date = new Date(seconds * 1000);
	date.setUTCMonth(date.getUTCMonth() + 3);
	return Math.floor(date.getTime() / 1000);
}

export const describeMemberStatusTrace: CommandHandler = {
	service: 'desk_http_svc',
	command: 'describe_member_status_trace',
	requiresDesk: true,
	handle({ body, members }) {
		const begin = requiredInt(body, 'BeginTime', { min: 0 });
		const end = requiredInt(body, 'EndTime', { min: 0 });
		const order = requiredEnum(body, 'Order', ORDER_VALUES);
		const memberId = requiredString(body, 'MemberID');
		if (end < begin) throw invalidParameter('EndTime', 'must not be before BeginTime');
		if (end > threeMonthsAfter(begin)) throw invalidParameter('EndTime', 'must be at most 3 months after BeginTime');
		const member = members.find(memberId);
		// UNCONFIRMED: the error list is truncated; 141010 is Desk's "member does not exist".
		if (!member) throw new DeskApiError(141010, `MemberID ${memberId}`);
		const inRange = member.statusTrace.filter((entry) => entry.timestamp >= begin && entry.timestamp <= end);
		if (order === 2) inRange.reverse();
		return {
			Nick: member.nick,
			StatusList: inRange.map((entry) => ({
				Timestamp: entry.timestamp,
				Status: entry.status,
				Clients: entry.clients.map((clientType) => ({ ClientType: clientType })),
			})),
		};
	},
};

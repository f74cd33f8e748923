/**
 * `v4/desk_http_svc/describe_member_realtime_statistics`: today's figures per agent (today is
 * the UTC day here; Tencent's is not in the reference). MemberIds (not AgentIds) narrows the
 * agents; Limit ≤100 (default 100) and Offset page them, sorted by MemberId.
 */
import { agentSessionFigures, holdingsOf } from '../agentFigures';
import type { CommandHandler } from '../commandRegistry';
import type { MemberStatus } from '../types';
import { conversationSourcesFilter } from './conversationSources';
import { MAX_PAGE_SIZE, optionalInt, optionalStringArray } from './params';

/** UNCONFIRMED: Tencent's MemberStatus integers are NOT FOUND; these are the simulator's own. */
export const MEMBER_STATUS_NUMBERS: Readonly<Record<MemberStatus, number>> = {
	STATUS_OFFLINE: 0,
	STATUS_FREE: 1,
	STATUS_NOT_READY: 2,
	STATUS_REST: 3,
};

const LIVE_WITH_AGENT = new Set(['Agent']);

export const describeMemberRealtimeStatistics: CommandHandler = {
	service: 'desk_http_svc',
	command: 'describe_member_realtime_statistics',
	requiresDesk: true,
	handle({ app, body, sessions, members }) {
		const limit = optionalInt(body, 'Limit', { min: 1, max: MAX_PAGE_SIZE }) ?? MAX_PAGE_SIZE;
		const offset = optionalInt(body, 'Offset', { min: 0 }) ?? 0;
		const memberIds = optionalStringArray(body, 'MemberIds');
		const fromSource = conversationSourcesFilter(body);
		const now = Date.now();
		const today = new Date(now);
		today.setUTCHours(0, 0, 0, 0);
		const appSessions = sessions.list(app.sdkAppId).filter(fromSource);
		const agents = members
			.list()
			.filter((member) => !memberIds || memberIds.length === 0 || memberIds.includes(member.email))
			.sort((a, b) => a.email.localeCompare(b.email));
		return {
			TotalCount: agents.length,
			Data: agents.slice(offset, offset + limit).map((member) => {
				const figures = agentSessionFigures(holdingsOf(appSessions, member.email, today.getTime(), now, now));
				return {
					MemberId: member.email,
					MemberNickName: member.nick,
					MemberStatus: MEMBER_STATUS_NUMBERS[member.status],
					CurrentAcceptCnt: appSessions.filter((session) => LIVE_WITH_AGENT.has(session.phase) && session.agentId === member.email).length,
					TotalSessionCnt: figures.TotalSessionCnt,
					AvgFirstRespTime: figures.AvgFirstRespTime,
					AvgRespTime: figures.AvgRespTime,
					AvgAcceptTime: figures.AvgAcceptTime,
				};
			}),
		};
	},
};

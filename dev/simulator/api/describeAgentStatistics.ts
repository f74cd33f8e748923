/**
 * `v4/desk_http_svc/describe_agent_statistics`: per-agent figures for whole days. From must be
 * 00:00:00 and To 23:59:59 of a day (Unix seconds), so To − From + 1 is a multiple of 86,400
 * (the simulator does not assume a time zone). AgentIds (emails) narrows the agents; Limit ≤100
 * (default 100) and Offset page them, sorted by AgentId. Figures: see agentFigures.ts.
 */
import { agentSessionFigures, holdingsOf, statusFigures } from '../agentFigures';
import type { CommandHandler } from '../commandRegistry';
import { conversationSourcesFilter } from './conversationSources';
import { invalidParameter, MAX_PAGE_SIZE, optionalInt, optionalStringArray, requiredInt } from './params';

const DAY_SECONDS = 86_400;

/** From/To of a whole-day statistics command, checked. */
export function wholeDays(body: Record<string, unknown>): { from: number; to: number } {
	const from = requiredInt(body, 'From', { min: 0 });
	const to = requiredInt(body, 'To', { min: 0 });
	if (to < from) throw invalidParameter('To', 'must not be before From');
	if ((to - from + 1) % DAY_SECONDS !== 0) {
		throw invalidParameter('To', 'must end a whole day: From at 00:00:00 of the first day, To at 23:59:59 of the last');
	}
	return { from, to };
}

export const describeAgentStatistics: CommandHandler = {
	service: 'desk_http_svc',
	command: 'describe_agent_statistics',
	requiresDesk: true,
	handle({ app, body, sessions, members }) {
		const { from, to } = wholeDays(body);
		const limit = optionalInt(body, 'Limit', { min: 1, max: MAX_PAGE_SIZE }) ?? MAX_PAGE_SIZE;
		const offset = optionalInt(body, 'Offset', { min: 0 }) ?? 0;
		const agentIds = optionalStringArray(body, 'AgentIds');
		const fromSource = conversationSourcesFilter(body);
		const now = Date.now();
		const appSessions = sessions.list(app.sdkAppId).filter(fromSource);
		// UNCONFIRMED: unknown AgentIds are left out rather than refused.
		const agents = members
			.list()
			.filter((member) => !agentIds || agentIds.length === 0 || agentIds.includes(member.email))
			.sort((a, b) => a.email.localeCompare(b.email));
		return {
			TotalCount: agents.length,
			Data: agents.slice(offset, offset + limit).map((member) => ({
				AgentId: member.email,
				AgentNickName: member.nick,
				...statusFigures(member, from, to, Math.floor(now / 1000)),
				...agentSessionFigures(holdingsOf(appSessions, member.email, from * 1000, to * 1000 + 999, now)),
			})),
		};
	},
};

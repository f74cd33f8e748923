/**
 * `v4/desk_http_svc/describe_reception_realtime_statistics` (body `{}`): live sessions handed to
 * humans, being served, queuing (in all and per group), and how many agents are free, resting
 * or busy (not ready), from the simulator's current sessions and agents.
 */
import type { CommandHandler } from '../commandRegistry';
import type { SessionPhase } from '../types';

const WITH_HUMANS: ReadonlySet<SessionPhase> = new Set(['TransferringToHuman', 'Queuing', 'WaitingForAgentAnswering', 'Agent']);

export const describeReceptionRealtimeStatistics: CommandHandler = {
	service: 'desk_http_svc',
	command: 'describe_reception_realtime_statistics',
	requiresDesk: true,
	handle({ app, sessions, members }) {
		const live = sessions.list(app.sdkAppId);
		const queuing = live.filter((session) => session.phase === 'Queuing');
		const agents = members.list();
		const count = (status: string) => agents.filter((member) => member.status === status).length;
		return {
			Data: {
				CurrentTransferAgentCnt: live.filter((session) => WITH_HUMANS.has(session.phase)).length,
				CurrentAgentAcceptCnt: live.filter((session) => session.phase === 'Agent').length,
				CurrentQueueCnt: queuing.length,
				FreeAgentCnt: count('STATUS_FREE'),
				RestAgentCnt: count('STATUS_REST'),
				BusyAgentCnt: count('STATUS_NOT_READY'),
				// A queuing session's group is the one it was last transferred to (0 when none: counted nowhere).
				CurrentGroupQueueCnt: members
					.skillGroups()
					.sort((a, b) => a.skillGroupId - b.skillGroupId)
					.map((group) => ({
						GroupId: group.skillGroupId,
						GroupName: group.name,
						QueueCnt: queuing.filter((session) => session.skillGroupId === group.skillGroupId).length,
					})),
			},
		};
	},
};

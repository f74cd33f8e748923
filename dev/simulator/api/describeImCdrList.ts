/**
 * `v4/desk_http_svc/describe_im_cdr_list`: records of sessions that ended between StartTimestamp
 * and EndTimestamp (Unix seconds, inclusive, at most 31 days apart), newest first.
 */
import type { CommandHandler } from '../commandRegistry';
import type { AppMembers } from '../memberDirectory';
import type { DeskSession } from '../types';
import { invalidParameter, limitOffsetParams, optionalString, requiredInt } from './params';

const MAX_RANGE_SECONDS = 31 * 86_400;

export const describeImCdrList: CommandHandler = {
	service: 'desk_http_svc',
	command: 'describe_im_cdr_list',
	requiresDesk: true,
	handle({ app, body, sessions, members }) {
		const start = requiredInt(body, 'StartTimestamp', { min: 0 });
		const end = requiredInt(body, 'EndTimestamp', { min: 0 });
		if (end < start) throw invalidParameter('EndTimestamp', 'must not be before StartTimestamp');
		if (end - start > MAX_RANGE_SECONDS) throw invalidParameter('EndTimestamp', 'must be at most 31 days after StartTimestamp');
		const { limit, offset } = limitOffsetParams(body);
		const clientUserId = optionalString(body, 'ClientUserId');

		const ended = sessions.page(
			app.sdkAppId,
			(session) => {
				if (session.phase !== 'Ended' || session.endTime === undefined) return false;
				const endSeconds = Math.floor(session.endTime / 1000);
				return endSeconds >= start && endSeconds <= end && (clientUserId === undefined || session.clientUserId === clientUserId);
			},
			(a, b) => (b.endTime as number) - (a.endTime as number) || a.sessionId.localeCompare(b.sessionId),
			offset,
			limit,
		);
		return {
			IMCdrList: ended.sessions.map((session) => cdrRecord(session, members)),
			TotalCount: ended.total,
		};
	},
};

function cdrRecord(session: DeskSession, members: AppMembers): Record<string, unknown> {
	return {
		SessionId: session.sessionId,
		// UNCONFIRMED: 0 / '' for sessions no agent had.
		AgentGroupId: session.skillGroupId,
		AgentGroupName: members.skillGroup(session.skillGroupId)?.name ?? '',
		AgentId: session.agentId,
		ChannelType: session.channelType,
		ClientUserId: session.clientUserId,
		ClientUserNickName: session.clientUserNickName,
		Duration: Math.round(((session.endTime as number) - session.startTime) / 1000),
		EndStatus: session.endReason ?? 'SessionEnd',
		// UNCONFIRMED: 0 when the customer did not rate.
		SatisfactionSelected: session.satisfaction ?? 0,
		Timestamp: Math.floor(session.startTime / 1000),
	};
}

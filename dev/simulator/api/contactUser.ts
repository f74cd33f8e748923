/**
 * `v4/desk_http_svc/contact_user`: an agent proactively starts a human session with a user, as a
 * customer-service account. The agent is MemberId, else a free agent of GroupId, else any free
 * agent; the new session (IsContactUser) goes SessionBegin, TransferringToHuman,
 * TransferToHumanSuccess, so get_session_state shows it with the agent. Answers the MemberId.
 *
 * The docs' table spells the fields IMAgentUserId / ClientUserId and their sample IMAgentUserID /
 * ClientUserID; either spelling is accepted here.
 * UNCONFIRMED: which events Desk sends for a contacted user; the codes for an unknown account
 * (141004), member (141010) and skill group (141020), since the docs' list is truncated; that an
 * agent who is not ready may still contact users; 141014 (feature disabled) is never answered.
 */
import type { CommandContext, CommandHandler } from '../commandRegistry';
import type { DeskMember } from '../memberDirectory';
import { DeskApiError } from '../restResponse';
import type { SessionPhase } from '../types';
import { invalidParameter, optionalInt, optionalString } from './params';

const HUMAN_PHASES: readonly SessionPhase[] = ['TransferringToHuman', 'Queuing', 'WaitingForAgentAnswering', 'Agent'];

export const contactUser: CommandHandler = {
	service: 'desk_http_svc',
	command: 'contact_user',
	requiresDesk: true,
	async handle(context) {
		const { app, body, sessions, services, applySteps, askBeforeContact } = context;
		const imAgentUserId = eitherSpelling(body, 'IMAgentUserID', 'IMAgentUserId');
		const clientUserId = eitherSpelling(body, 'ClientUserID', 'ClientUserId');
		const groupId = optionalInt(body, 'GroupId', { min: 0 }) || undefined;
		const memberId = optionalString(body, 'MemberId');

		if (!services.imAgents.find(imAgentUserId)) throw invalidParameter('IMAgentUserID', `${imAgentUserId} is not a customer service account`);
		if (!sessions.hasClientUser(app.sdkAppId, clientUserId)) throw new DeskApiError(141015, `ClientUserID ${clientUserId}`);
		const live = sessions.list(app.sdkAppId).find((session) => session.clientUserId === clientUserId && HUMAN_PHASES.includes(session.phase));
		if (live) throw new DeskApiError(141016, `ClientUserID ${clientUserId} is ${live.phase} in session ${live.sessionId}`);
		const agent = chooseAgent(context, groupId, memberId);

		// Desk.CallbackBeforeIMContactUser, when enabled, is asked here: after the checks, before anything changes.
		// UNCONFIRMED: the code Desk answers for a refused contact (not published); 141004 names the refusal.
		const { allowed } = await askBeforeContact({ clientUserId, memberId: agent.email, groupId, channelId: imAgentUserId });
		if (!allowed) throw invalidParameter('ClientUserID', 'contact refused by the business server (Desk.CallbackBeforeIMContactUser)');
		const { sessionId } = sessions.create({ sdkAppId: app.sdkAppId, clientUserId, customerServiceId: imAgentUserId, isContactUser: true });
		applySteps(sessionId, ['SessionBegin', 'TransferringToHuman', { event: 'TransferToHumanSuccess', agentId: agent.email, skillGroupId: groupId }]);
		return { MemberId: agent.email };
	},
};

function eitherSpelling(body: Record<string, unknown>, sample: string, table: string): string {
	const fromSample = optionalString(body, sample);
	const fromTable = optionalString(body, table);
	if (fromSample !== undefined && fromTable !== undefined && fromSample !== fromTable) throw invalidParameter(sample, `and ${table} differ`);
	const value = fromSample ?? fromTable;
	if (value === undefined) throw invalidParameter(sample, 'is required');
	return value;
}

function chooseAgent({ app, members, sessions }: CommandContext, groupId: number | undefined, memberId: string | undefined): DeskMember {
	if (groupId !== undefined && !members.skillGroup(groupId)) throw new DeskApiError(141020, `GroupId ${groupId}`);
	const hasRoom = (member: DeskMember): boolean => {
		const limit = Math.max(0, ...member.skillGroupIds.map((id) => members.skillGroup(id)?.receptionLimit ?? 0));
		const serving = sessions.list(app.sdkAppId).filter((session) => session.phase === 'Agent' && session.agentId === member.email).length;
		return serving < limit;
	};
	if (memberId !== undefined) {
		const member = members.find(memberId);
		if (!member) throw new DeskApiError(141010, `MemberId ${memberId}`);
		if (groupId !== undefined && !member.skillGroupIds.includes(groupId)) throw invalidParameter('MemberId', `${memberId} is not in GroupId ${groupId}`);
		if (member.status === 'STATUS_OFFLINE') throw new DeskApiError(141011, `MemberId ${memberId}`);
		if (member.status === 'STATUS_REST') throw new DeskApiError(141013, `MemberId ${memberId}`);
		if (!hasRoom(member)) throw new DeskApiError(141012, `MemberId ${memberId}`);
		return member;
	}
	const [free] = members.freeAgents({ groupId }).filter(hasRoom);
	if (free) return free;
	const online = members.list().some((member) => member.status !== 'STATUS_OFFLINE' && (groupId === undefined || member.skillGroupIds.includes(groupId)));
	if (online) throw new DeskApiError(141017, groupId === undefined ? 'no free agent' : `no free agent in GroupId ${groupId}`);
	throw new DeskApiError(141001, groupId === undefined ? 'no agent is online' : `no agent of GroupId ${groupId} is online`);
}

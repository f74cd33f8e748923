/**
 * `v4/desk_http_svc/transfer_to_human`: move a user from the chatbot to a live agent. A free
 * agent (a preferred one from AgentIdList first, within AgentGroupId if given) takes the session
 * (TransferringToHuman, TransferToHumanSuccess; AgentId answered); else, with agents online but
 * none free, the user queues (TransferringToHuman, TransferringToHumanWait; IsInQueue 1); else
 * 141001, after the "no agent" tip when SendTipIfNoAgentOnline is 1.
 * UNCONFIRMED: the error codes (the docs' list is truncated; 141003 for a session not with the
 * chatbot, 141010 and 141020 as transfer_session), and that the tip is the CS account's
 * TransferToHumanFailPrompt sent as a bot message.
 */
import type { CommandHandler } from '../commandRegistry';
import { DEFAULT_LANGUAGE } from '../imAgentStore';
import type { DeskMember } from '../memberDirectory';
import { DeskApiError } from '../restResponse';
import { findActiveSession } from './findSession';
import { optionalEnum, optionalInt, requiredString } from './params';
import { optionalStringArray } from './serviceParams';

const DEFAULT_NO_AGENT_TIP = 'Sorry, no agent is online at the moment. Please try again later.';

export const transferToHuman: CommandHandler = {
	service: 'desk_http_svc',
	command: 'transfer_to_human',
	requiresDesk: true,
	handle({ app, body, sessions, members, services, applySteps }) {
		const sessionId = requiredString(body, 'SessionId');
		const preferred = optionalStringArray(body, 'AgentIdList') ?? [];
		// 0 reads as "blank": the default policy.
		const groupId = optionalInt(body, 'AgentGroupId', { min: 0 }) || undefined;
		const sendTip = optionalEnum(body, 'SendTipIfNoAgentOnline', [0, 1]) === 1;
		const session = findActiveSession(sessions, app, sessionId);
		if (session.phase !== 'Chatbot') throw new DeskApiError(141003, `SessionId ${sessionId} is ${session.phase}, not with the chatbot`);
		if (groupId !== undefined && !members.skillGroup(groupId)) throw new DeskApiError(141020, `AgentGroupId ${groupId}`);
		const preferredMembers = preferred.map((email) => {
			const member = members.find(email);
			if (!member) throw new DeskApiError(141010, `AgentIdList ${email}`);
			return member;
		});

		const inScope = (member: DeskMember) => groupId === undefined || member.skillGroupIds.includes(groupId);
		const agent = preferredMembers.find((member) => member.status === 'STATUS_FREE' && inScope(member)) ?? members.freeAgents({ groupId })[0];
		if (agent) {
			applySteps(sessionId, ['TransferringToHuman', { event: 'TransferToHumanSuccess', agentId: agent.email, skillGroupId: groupId }]);
			return { AgentId: agent.email, IsInQueue: 0 };
		}
		if (members.list().some((member) => inScope(member) && member.status !== 'STATUS_OFFLINE')) {
			applySteps(sessionId, ['TransferringToHuman', 'TransferringToHumanWait']);
			return { AgentId: '', IsInQueue: 1 };
		}
		if (sendTip) {
			const prompt = services.imAgents.find(session.customerServiceId)?.languages[DEFAULT_LANGUAGE]?.TransferToHumanFailPrompt;
			applySteps(sessionId, [{ event: 'ChatBot.RobotSendMsg', text: typeof prompt === 'string' && prompt ? prompt : DEFAULT_NO_AGENT_TIP }]);
		}
		throw new DeskApiError(141001, groupId === undefined ? 'no agent is online' : `no agent of AgentGroupId ${groupId} is online`);
	},
};

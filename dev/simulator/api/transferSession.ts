/**
 * `v4/desk_http_svc/transfer_session`: hand a session to an agent, optionally of a skill group
 * (GroupId) or a named agent (MemberId). A session with an agent is forwarded (AgentForward,
 * with ForwardFromAgentId); one in the bot phase or waiting goes to the agent
 * (TransferringToHuman from the bot, then TransferToHumanSuccess).
 * UNCONFIRMED: that a WaitingForAgentAnswering session (agent offered, not yet answered) is
 * re-offered with TransferToHumanSuccess rather than AgentForward.
 */
import type { CommandHandler } from '../commandRegistry';
import { DeskApiError } from '../restResponse';
import type { SessionPhase, SessionStep } from '../types';
import { findLiveSession } from './findSession';
import { optionalInt, optionalString, requiredString } from './params';
import { chooseTransferTarget } from './transferTarget';

const TRANSFERABLE: readonly SessionPhase[] = ['Chatbot', 'TransferringToHuman', 'Queuing', 'WaitingForAgentAnswering', 'Agent'];

export const transferSession: CommandHandler = {
	service: 'desk_http_svc',
	command: 'transfer_session',
	requiresDesk: true,
	handle({ app, body, sessions, members, applySteps }) {
		const sessionId = requiredString(body, 'SessionId');
		const groupId = optionalInt(body, 'GroupId', { min: 0 });
		const memberId = optionalString(body, 'MemberId');
		const session = findLiveSession(sessions, app, sessionId);
		if (!TRANSFERABLE.includes(session.phase)) throw new DeskApiError(141026, `SessionId ${sessionId} is ${session.phase}`);

		const target = chooseTransferTarget(members, { groupId, memberId, currentAgentId: session.agentId });
		const handOver: SessionStep = { event: session.phase === 'Agent' ? 'AgentForward' : 'TransferToHumanSuccess', ...target };
		applySteps(sessionId, session.phase === 'Chatbot' ? ['TransferringToHuman', handOver] : [handOver]);
		return {};
	},
};

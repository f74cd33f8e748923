/**
 * Which session step is allowed in which phase, and where it leads. Steps are the Desk callback
 * events plus one silent simulator step, `WaitingForAgentAnswering` (an agent was offered the
 * session; Desk sends no event for it but get_session_state reports it).
 * An invalid step throws: it is a bug in the test or script that asked for it.
 */
import { findDeskEvent } from '../../nodes/shared/events';
import type { SessionPhase } from './types';

export const WAITING_FOR_AGENT_STEP = 'WaitingForAgentAnswering';
/**
 * Silent step: end_session ended a session no agent had answered yet. Only SessionEnd follows.
 * UNCONFIRMED: which end event (if any) Desk sends for an admin end outside the agent phase.
 */
export const API_END_STEP = 'EndedByApi';

interface Transition {
	from: readonly SessionPhase[];
	/** Undefined: the phase does not change. */
	to?: SessionPhase;
}

const LIVE_WITH_AGENT: readonly SessionPhase[] = ['WaitingForAgentAnswering', 'Agent'];

export const TRANSITIONS: Readonly<Record<string, Transition>> = {
	SessionBegin: { from: ['NotInSession'], to: 'Chatbot' },
	'ChatBot.UserSendMsg': { from: ['Chatbot'] },
	// UNCONFIRMED: send_msg outside the agent phase speaks as the customer-service account, also
	// while the customer waits for an agent (e.g. queue notices).
	'ChatBot.RobotSendMsg': { from: ['Chatbot', 'TransferringToHuman', 'Queuing', 'WaitingForAgentAnswering'] },
	TransferringToHuman: { from: ['Chatbot'], to: 'TransferringToHuman' },
	TransferringToHumanWait: { from: ['TransferringToHuman'], to: 'Queuing' },
	NoAgentOnline: { from: ['TransferringToHuman', 'Queuing'], to: 'Chatbot' },
	[WAITING_FOR_AGENT_STEP]: { from: ['TransferringToHuman', 'Queuing'], to: 'WaitingForAgentAnswering' },
	TransferToHumanSuccess: { from: ['TransferringToHuman', 'Queuing', 'WaitingForAgentAnswering'], to: 'Agent' },
	// Users may keep typing while they queue or wait for the agent to accept.
	'Human.UserSendMsg': { from: ['Queuing', ...LIVE_WITH_AGENT] },
	'Human.AgentSendMsg': { from: ['Agent'] },
	AgentForward: { from: ['Agent'] },
	SatisfactionSelected: { from: ['Chatbot', 'Agent'] },
	SessionUserEnd: { from: ['Chatbot', 'Queuing', ...LIVE_WITH_AGENT], to: 'Ending' },
	SessionAgentEnd: { from: ['Agent'], to: 'Ending' },
	SessionUserTimeoutEnd: { from: ['Chatbot', 'Agent'], to: 'Ending' },
	SessionAgentTimeoutEnd: { from: LIVE_WITH_AGENT, to: 'Ending' },
	SessionPendingAutoFinishEnd: { from: ['Queuing'], to: 'Ending' },
	[API_END_STEP]: { from: ['Chatbot', 'TransferringToHuman', 'Queuing', 'WaitingForAgentAnswering'], to: 'Ending' },
	SessionEnd: { from: ['Ending'], to: 'Ended' },
};

export class InvalidTransitionError extends Error {}

export function nextPhase(phase: SessionPhase, step: string): SessionPhase {
	const transition = TRANSITIONS[step];
	if (!transition) throw new InvalidTransitionError(`Unknown session step "${step}"`);
	if (!transition.from.includes(phase)) {
		throw new InvalidTransitionError(
			`"${step}" is not allowed in phase ${phase} (allowed in: ${transition.from.join(', ')})`,
		);
	}
	return transition.to ?? phase;
}

/** Steps that Desk reports with a callback (all but the silent simulator ones). */
export function isNotifiedStep(step: string): boolean {
	return findDeskEvent(step) !== undefined;
}

/** Phases in which get_session_state finds the session (after an end event it has ended). */
export function isLivePhase(phase: SessionPhase): boolean {
	return phase !== 'Ending' && phase !== 'Ended';
}

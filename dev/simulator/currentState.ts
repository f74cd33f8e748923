/**
 * The `CurrentState` text get_session_state answers for a phase. The English page writes
 * "Not in session" / "Queuing", the Chinese page `NotInSession` / `Queueing`: which one the
 * real server sends is unknown, so the simulator can speak either.
 */
import type { SessionPhase, StateSpelling } from './types';

const SPELLINGS: Record<StateSpelling, Record<'NotInSession' | 'Queuing', string>> = {
	en: { NotInSession: 'Not in session', Queuing: 'Queuing' },
	zh: { NotInSession: 'NotInSession', Queuing: 'Queueing' },
};

export function currentStateName(phase: SessionPhase, spelling: StateSpelling): string {
	switch (phase) {
		case 'NotInSession':
		case 'Queuing':
			return SPELLINGS[spelling][phase];
		// The bot keeps the session until a human (or the queue) takes it.
		case 'TransferringToHuman':
			return 'Chatbot';
		default:
			return phase;
	}
}

/** AgentId is only filled in while an agent has (or is being offered) the session. */
export function reportsAgent(phase: SessionPhase): boolean {
	return phase === 'WaitingForAgentAnswering' || phase === 'Agent';
}

export function isStateSpelling(value: unknown): value is StateSpelling {
	return value === 'en' || value === 'zh';
}

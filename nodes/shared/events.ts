/**
 * The Desk session event catalogue (`Desk.SessionEventNotify`, "Session Event Callback" page).
 * One place for the trigger's options and outputs, the simulator's scripts and the tests.
 * The order is the order of the outputs: keep it stable, users wire by position.
 */

export const SESSION_EVENT_COMMAND = 'Desk.SessionEventNotify';

export type DeskEventPhase = 'session' | 'chatbot' | 'human';

export interface DeskEventInfo {
	/** The `Event` value Desk sends. */
	value: string;
	/** Readable name, used for the option and the output. */
	name: string;
	description: string;
	phase: DeskEventPhase;
	/** Carries `MsgBody` / `MsgKey`. */
	isMessage: boolean;
}

export const DESK_EVENTS: readonly DeskEventInfo[] = [
	{ value: 'SessionBegin', name: 'Session Begin', description: 'A customer started a session', phase: 'session', isMessage: false },
	{ value: 'ChatBot.UserSendMsg', name: 'Chatbot: User Message', description: 'The customer sent a message while the chatbot was answering', phase: 'chatbot', isMessage: true },
	{ value: 'ChatBot.RobotSendMsg', name: 'Chatbot: Bot Reply', description: 'The chatbot replied to the customer', phase: 'chatbot', isMessage: true },
	{ value: 'Human.UserSendMsg', name: 'Human: User Message', description: 'The customer sent a message in the human-agent phase', phase: 'human', isMessage: true },
	{ value: 'Human.AgentSendMsg', name: 'Human: Agent Message', description: 'An agent sent a message to the customer', phase: 'human', isMessage: true },
	{ value: 'TransferringToHuman', name: 'Transferring to Human', description: 'Desk is transferring the session to a human agent', phase: 'human', isMessage: false },
	{ value: 'TransferringToHumanWait', name: 'Queuing for Human', description: 'The customer is queuing for a human agent', phase: 'human', isMessage: false },
	{ value: 'TransferToHumanSuccess', name: 'Transferred to Human', description: 'A human agent took the session', phase: 'human', isMessage: false },
	{ value: 'NoAgentOnline', name: 'No Agent Online', description: 'Transfer failed: no human agent is online', phase: 'human', isMessage: false },
	{ value: 'AgentForward', name: 'Agent Forward', description: 'An agent forwarded the session to another agent', phase: 'human', isMessage: false },
	{ value: 'SatisfactionSelected', name: 'Satisfaction Rated', description: 'The customer rated the session (1–5 stars)', phase: 'session', isMessage: false },
	{ value: 'SessionUserEnd', name: 'Ended by User', description: 'The customer ended the session', phase: 'session', isMessage: false },
	{ value: 'SessionAgentEnd', name: 'Ended by Agent', description: 'The agent ended the session', phase: 'session', isMessage: false },
	{ value: 'SessionUserTimeoutEnd', name: 'User Timed Out', description: 'The session ended because the customer stopped answering', phase: 'session', isMessage: false },
	{ value: 'SessionAgentTimeoutEnd', name: 'Agent Timed Out', description: 'The session ended because the agent stopped answering', phase: 'session', isMessage: false },
	{ value: 'SessionPendingAutoFinishEnd', name: 'Queue Auto-Ended', description: 'Queuing ended automatically because the customer went offline', phase: 'session', isMessage: false },
	{ value: 'SessionEnd', name: 'Session End', description: 'The session ended (sent after every end reason)', phase: 'session', isMessage: false },
];

export const ALL_EVENTS = '*';
export const OTHER_OUTPUT_NAME = 'Other';

const byValue = new Map(DESK_EVENTS.map((event) => [event.value, event]));

export function findDeskEvent(value: string): DeskEventInfo | undefined {
	return byValue.get(value);
}

/** Phase of any event, including ones Desk adds later (named `ChatBot.*` / `Human.*`). */
export function eventPhase(value: string): DeskEventPhase {
	const known = byValue.get(value);
	if (known) return known.phase;
	if (value.startsWith('ChatBot.')) return 'chatbot';
	if (value.startsWith('Human.')) return 'human';
	return 'session';
}

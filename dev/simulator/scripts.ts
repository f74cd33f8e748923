/**
 * Named callback scripts: sessions told as the steps Desk would report. Each is a valid path
 * through the session state machine; `allEvents` strings several together so that every event
 * in DESK_EVENTS is sent at least once.
 */
import { WAITING_FOR_AGENT_STEP } from './sessionStateMachine';
import type { ChannelType, SessionStep } from './types';

export interface ScriptSession {
	/** Readable name for logs. */
	name?: string;
	channelType?: ChannelType;
	/** Default: a fresh `user_xxxxxxxx`. */
	clientUserId?: string;
	customerServiceId?: string;
	isContactUser?: boolean;
	steps: Array<string | SessionStep>;
}

const noAgentOnline: ScriptSession = {
	name: 'noAgentOnline',
	steps: [
		'SessionBegin',
		{ event: 'ChatBot.UserSendMsg', text: 'How to request a refund?' },
		{ event: 'ChatBot.RobotSendMsg', text: 'You can request a refund from the order page. Do you want a person?' },
		'TransferringToHuman',
		'NoAgentOnline',
	],
};

const happyPath: ScriptSession = {
	name: 'happyPath',
	steps: [
		'SessionBegin',
		{ event: 'ChatBot.UserSendMsg', text: 'My parcel arrived damaged.', cloudCustomData: '{"orderId":"A-1001"}' },
		{ event: 'ChatBot.RobotSendMsg', text: 'Sorry to hear that. Let me find an agent for you.' },
		'TransferringToHuman',
		'TransferringToHumanWait',
		{ event: 'Human.UserSendMsg', text: 'Still waiting…' },
		{ event: WAITING_FOR_AGENT_STEP, agentId: 'alice@example.com' },
		{ event: 'TransferToHumanSuccess', agentId: 'alice@example.com' },
		{ event: 'Human.AgentSendMsg', text: 'Hi, I am Alice. Could you send a photo of the parcel?' },
		{ event: 'Human.UserSendMsg', text: 'Here it is.' },
		{ event: 'Human.AgentSendMsg', text: 'Thanks, a replacement is on its way.' },
		{ event: 'SatisfactionSelected', rating: 5 },
		'SessionUserEnd',
		'SessionEnd',
	],
};

const agentForward: ScriptSession = {
	name: 'agentForward',
	steps: [
		'SessionBegin',
		{ event: 'ChatBot.UserSendMsg', text: 'I need an invoice for a company.' },
		'TransferringToHuman',
		{ event: 'TransferToHumanSuccess', agentId: 'alice@example.com' },
		{ event: 'Human.UserSendMsg', text: 'For order A-1002, please.' },
		{ event: 'AgentForward', agentId: 'bob@example.com' },
		{ event: 'Human.AgentSendMsg', text: 'Bob here, billing. The invoice is in your mailbox.' },
		'SessionAgentEnd',
		'SessionEnd',
	],
};

const queueAutoFinish: ScriptSession = {
	name: 'queueAutoFinish',
	channelType: 'Web',
	steps: ['SessionBegin', 'TransferringToHuman', 'TransferringToHumanWait', 'SessionPendingAutoFinishEnd', 'SessionEnd'],
};

const userTimeout: ScriptSession = {
	name: 'userTimeout',
	steps: [
		'SessionBegin',
		{ event: 'ChatBot.UserSendMsg', text: 'Hello?' },
		{ event: 'ChatBot.RobotSendMsg', text: 'Hi! How can I help?' },
		'SessionUserTimeoutEnd',
		'SessionEnd',
	],
};

const agentTimeout: ScriptSession = {
	name: 'agentTimeout',
	steps: [
		'SessionBegin',
		'TransferringToHuman',
		{ event: 'TransferToHumanSuccess', agentId: 'bob@example.com' },
		{ event: 'Human.UserSendMsg', text: 'Are you there?' },
		'SessionAgentTimeoutEnd',
		'SessionEnd',
	],
};

export const SCRIPTS = {
	noAgentOnline: [noAgentOnline],
	happyPath: [happyPath],
	agentForward: [agentForward],
	queueAutoFinish: [queueAutoFinish],
	userTimeout: [userTimeout],
	agentTimeout: [agentTimeout],
	allEvents: [happyPath, agentForward, noAgentOnline, queueAutoFinish, userTimeout, agentTimeout],
} as const satisfies Record<string, readonly ScriptSession[]>;

export type ScriptName = keyof typeof SCRIPTS;

export function isScriptName(name: unknown): name is ScriptName {
	return typeof name === 'string' && Object.prototype.hasOwnProperty.call(SCRIPTS, name);
}

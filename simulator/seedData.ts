/**
 * What a fresh simulator holds, so the demo and a human poking at it find agents, skill groups
 * and live sessions in every state get_session_state can report.
 */
import { SEED_CLIENT_USER_IDS, SEED_SESSION_IDS } from './defaults';
import { WAITING_FOR_AGENT_STEP } from './sessionStateMachine';
import type { ChannelType, SessionStep } from './types';

export interface SeedAgent {
	/** Desk agents are identified by their email (AgentId in callbacks). */
	email: string;
	nick: string;
	skillGroupIds: number[];
	status: 'STATUS_FREE' | 'STATUS_NOT_READY' | 'STATUS_REST';
}

export interface SeedSkillGroup {
	skillGroupId: number;
	name: string;
	receptionLimit: number;
}

export interface SeedSession {
	sessionId: string;
	clientUserId: string;
	channelType: ChannelType;
	/** Minutes before the simulator started, so start times differ. */
	startedMinutesAgo: number;
	steps: Array<string | SessionStep>;
}

export const SEED_AGENTS: readonly SeedAgent[] = [
	{ email: 'alice@example.com', nick: 'Alice', skillGroupIds: [1, 2], status: 'STATUS_FREE' },
	{ email: 'bob@example.com', nick: 'Bob', skillGroupIds: [1], status: 'STATUS_FREE' },
	{ email: 'carol@example.com', nick: 'Carol', skillGroupIds: [2], status: 'STATUS_NOT_READY' },
	{ email: 'dave@example.com', nick: 'Dave', skillGroupIds: [2], status: 'STATUS_REST' },
];

export const SEED_SKILL_GROUPS: readonly SeedSkillGroup[] = [
	{ skillGroupId: 1, name: 'Pre-sales', receptionLimit: 5 },
	{ skillGroupId: 2, name: 'After-sales', receptionLimit: 3 },
];

export const SEED_SESSIONS: readonly SeedSession[] = [
	{
		sessionId: SEED_SESSION_IDS.chatbot,
		clientUserId: SEED_CLIENT_USER_IDS.chatbot,
		channelType: 'SDK',
		startedMinutesAgo: 3,
		steps: ['SessionBegin', 'ChatBot.UserSendMsg', 'ChatBot.RobotSendMsg'],
	},
	{
		sessionId: SEED_SESSION_IDS.agent,
		clientUserId: SEED_CLIENT_USER_IDS.agent,
		channelType: 'SDK',
		startedMinutesAgo: 12,
		steps: [
			'SessionBegin',
			'ChatBot.UserSendMsg',
			'TransferringToHuman',
			{ event: 'TransferToHumanSuccess', agentId: 'alice@example.com' },
			'Human.UserSendMsg',
			'Human.AgentSendMsg',
		],
	},
	{
		sessionId: SEED_SESSION_IDS.queuing,
		clientUserId: SEED_CLIENT_USER_IDS.queuing,
		channelType: 'Web',
		startedMinutesAgo: 6,
		steps: ['SessionBegin', 'ChatBot.UserSendMsg', 'TransferringToHuman', 'TransferringToHumanWait'],
	},
	{
		sessionId: SEED_SESSION_IDS.waitingForAgent,
		clientUserId: SEED_CLIENT_USER_IDS.waitingForAgent,
		channelType: 'SDK',
		startedMinutesAgo: 4,
		steps: ['SessionBegin', 'TransferringToHuman', { event: WAITING_FOR_AGENT_STEP, agentId: 'bob@example.com' }],
	},
	{
		sessionId: SEED_SESSION_IDS.notInSession,
		clientUserId: SEED_CLIENT_USER_IDS.notInSession,
		channelType: 'SDK',
		startedMinutesAgo: 1,
		steps: [],
	},
	{
		sessionId: SEED_SESSION_IDS.ended,
		clientUserId: SEED_CLIENT_USER_IDS.ended,
		channelType: 'SDK',
		startedMinutesAgo: 45,
		steps: [
			'SessionBegin',
			'ChatBot.UserSendMsg',
			'ChatBot.RobotSendMsg',
			{ event: 'SatisfactionSelected', rating: 4 },
			'SessionUserEnd',
			'SessionEnd',
		],
	},
];

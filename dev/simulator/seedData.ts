/**
 * What a fresh simulator holds, so the demo, tests and a human poking at it find agents, skill
 * groups, live sessions in every state get_session_state can report, and a week of ended
 * sessions for describe_im_cdr_list. Tests compute expectations from these constants.
 */
import { DEFAULT_CUSTOMER_SERVICE_ID, SEED_CLIENT_USER_IDS, SEED_SESSION_IDS } from './defaults';
import { WAITING_FOR_AGENT_STEP } from './sessionStateMachine';
import type { ChannelType, MemberStatus, SessionStep } from './types';

export interface SeedAgent {
	/** Desk agents are identified by their email (AgentId in callbacks, MemberMail in the API). */
	email: string;
	nick: string;
	skillGroupIds: number[];
	status: MemberStatus;
	/** Only meaningful with STATUS_REST. */
	restReason?: string;
	/** Default: [ONLINE_AGENT_ROLE_ID]. */
	roleIds?: number[];
}

/** A role get_role_list reports. */
export interface SeedRole {
	roleId: number;
	name: string;
}

export interface SeedSkillGroup {
	skillGroupId: number;
	name: string;
	receptionLimit: number;
}

/** A customer-service (IM agent) account: the bot's UserID towards customers. */
export interface SeedImAgent {
	userId: string;
	nick: string;
}

export interface SeedSession {
	sessionId: string;
	clientUserId: string;
	/** Default: the clientUserId. */
	clientUserNickName?: string;
	channelType: ChannelType;
	/** Minutes before the simulator started, so start times differ. */
	startedMinutesAgo: number;
	/** Seconds between steps; default 20. */
	stepSeconds?: number;
	steps: Array<string | SessionStep>;
}

/** Skill group with free agents, for "transfer to a fallback group" flows. */
export const FALLBACK_SKILL_GROUP_ID = 3;
/** Skill group whose members are all busy, resting or offline (transfer answers 141025). */
export const NO_FREE_AGENT_SKILL_GROUP_ID = 4;
/** Skill group with no members at all. */
export const EMPTY_SKILL_GROUP_ID = 5;

export const SEED_SKILL_GROUPS: readonly SeedSkillGroup[] = [
	{ skillGroupId: 1, name: 'Pre-sales', receptionLimit: 5 },
	{ skillGroupId: 2, name: 'After-sales', receptionLimit: 3 },
	{ skillGroupId: FALLBACK_SKILL_GROUP_ID, name: 'Night shift', receptionLimit: 4 },
	{ skillGroupId: NO_FREE_AGENT_SKILL_GROUP_ID, name: 'Escalations', receptionLimit: 2 },
	{ skillGroupId: EMPTY_SKILL_GROUP_ID, name: 'Training', receptionLimit: 1 },
];

/** The built-in roles create_members documents: 1 super admin, 5 online agent, 7 online admin. */
export const ONLINE_AGENT_ROLE_ID = 5;
export const SEED_ROLES: readonly SeedRole[] = [
	{ roleId: 1, name: 'Super admin' },
	{ roleId: ONLINE_AGENT_ROLE_ID, name: 'Online agent' },
	{ roleId: 7, name: 'Online admin' },
];

/** CreateTime of the first seed agent (the value in Tencent's get_member_list_in_group sample); one day apart. */
export const SEED_MEMBER_CREATE_TIME = 1757575109;

// The first four are the original seed (tests rely on them); alice stays the first free agent.
export const SEED_AGENTS: readonly SeedAgent[] = [
	{ email: 'alice@example.com', nick: 'Alice', skillGroupIds: [1, 2], status: 'STATUS_FREE', roleIds: [ONLINE_AGENT_ROLE_ID, 7] },
	{ email: 'bob@example.com', nick: 'Bob', skillGroupIds: [1], status: 'STATUS_FREE' },
	{ email: 'carol@example.com', nick: 'Carol', skillGroupIds: [2], status: 'STATUS_NOT_READY' },
	{ email: 'dave@example.com', nick: 'Dave', skillGroupIds: [2], status: 'STATUS_REST', restReason: 'Lunch break' },
	{ email: 'erin@example.com', nick: 'Erin', skillGroupIds: [1], status: 'STATUS_FREE' },
	{ email: 'frank@example.com', nick: 'Frank', skillGroupIds: [1], status: 'STATUS_OFFLINE' },
	{ email: 'grace@example.com', nick: 'Grace', skillGroupIds: [2], status: 'STATUS_FREE' },
	{ email: 'heidi@example.com', nick: 'Heidi', skillGroupIds: [2], status: 'STATUS_NOT_READY' },
	{ email: 'ivan@example.com', nick: 'Ivan', skillGroupIds: [3], status: 'STATUS_FREE' },
	{ email: 'judy@example.com', nick: 'Judy', skillGroupIds: [3], status: 'STATUS_REST', restReason: 'Training' },
	{ email: 'mallory@example.com', nick: 'Mallory', skillGroupIds: [1, 3], status: 'STATUS_OFFLINE' },
	{ email: 'niaj@example.com', nick: 'Niaj', skillGroupIds: [3], status: 'STATUS_NOT_READY' },
	{ email: 'olivia@example.com', nick: 'Olivia', skillGroupIds: [4], status: 'STATUS_NOT_READY' },
	{ email: 'peggy@example.com', nick: 'Peggy', skillGroupIds: [4], status: 'STATUS_REST', restReason: 'Meeting' },
	{ email: 'quentin@example.com', nick: 'Quentin', skillGroupIds: [2, 4], status: 'STATUS_OFFLINE' },
	{ email: 'rupert@example.com', nick: 'Rupert', skillGroupIds: [1], status: 'STATUS_FREE' },
	{ email: 'sybil@example.com', nick: 'Sybil', skillGroupIds: [2], status: 'STATUS_OFFLINE' },
	{ email: 'trent@example.com', nick: 'Trent', skillGroupIds: [1, 2], status: 'STATUS_NOT_READY' },
	{ email: 'uma@example.com', nick: 'Uma', skillGroupIds: [2], status: 'STATUS_FREE' },
	{ email: 'victor@example.com', nick: 'Victor', skillGroupIds: [3], status: 'STATUS_OFFLINE' },
	{ email: 'wendy@example.com', nick: 'Wendy', skillGroupIds: [1], status: 'STATUS_REST', restReason: 'Lunch break' },
	{ email: 'xavier@example.com', nick: 'Xavier', skillGroupIds: [2], status: 'STATUS_NOT_READY' },
	{ email: 'yvonne@example.com', nick: 'Yvonne', skillGroupIds: [1], status: 'STATUS_NOT_READY' },
	{ email: 'zoe@example.com', nick: 'Zoe', skillGroupIds: [3], status: 'STATUS_FREE' },
	{ email: 'aaron@example.com', nick: 'Aaron', skillGroupIds: [1, 4], status: 'STATUS_OFFLINE' },
	{ email: 'beth@example.com', nick: 'Beth', skillGroupIds: [2], status: 'STATUS_FREE' },
];

/** Besides each app's own customerServiceId (listed first by get_im_agent_list). */
export const SEED_IM_AGENTS: readonly SeedImAgent[] = [
	{ userId: '@cs_presales', nick: 'Pre-sales Assistant' },
	{ userId: '@cs_aftersales', nick: 'After-sales Assistant' },
];
export const DEFAULT_IM_AGENT_NICK = 'Customer Service';

const LIVE_SESSIONS: readonly SeedSession[] = [
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
	{
		sessionId: SEED_SESSION_IDS.chatbotSecond,
		clientUserId: SEED_CLIENT_USER_IDS.chatbotSecond,
		channelType: 'Web',
		startedMinutesAgo: 2,
		steps: ['SessionBegin', { event: 'ChatBot.UserSendMsg', text: 'Do you ship to Canada?' }],
	},
	{
		sessionId: SEED_SESSION_IDS.queuingSecond,
		clientUserId: SEED_CLIENT_USER_IDS.queuingSecond,
		channelType: 'Web',
		startedMinutesAgo: 5,
		steps: ['SessionBegin', 'TransferringToHuman', 'TransferringToHumanWait'],
	},
	{
		sessionId: SEED_SESSION_IDS.agentSecond,
		clientUserId: SEED_CLIENT_USER_IDS.agentSecond,
		channelType: 'SDK',
		startedMinutesAgo: 9,
		steps: [
			'SessionBegin',
			'TransferringToHuman',
			{ event: 'TransferToHumanSuccess', agentId: 'grace@example.com' },
			{ event: 'Human.UserSendMsg', text: 'The app crashes when I open my orders.' },
			{ event: 'Human.AgentSendMsg', text: 'Which version of the app do you have?' },
		],
	},
];

/** How many generated ended sessions (plus SEED_SESSION_IDS.ended): more than two CDR pages of 20. */
const HISTORY_SIZE = 48;
const HISTORY_USERS = 12;
const HISTORY_AGENTS = ['alice@example.com', 'bob@example.com', 'grace@example.com', 'ivan@example.com', 'erin@example.com', 'zoe@example.com', 'uma@example.com', 'rupert@example.com'];

/** The client user of the i-th history session: 12 users with 4 sessions each. */
export function historyClientUserId(index: number): string {
	return `customer_${String((index % HISTORY_USERS) + 1).padStart(2, '0')}`;
}

/** Six ways a session ends, so EndStatus, agents and satisfaction vary. */
function historySteps(index: number): Array<string | SessionStep> {
	const agentId = HISTORY_AGENTS[index % HISTORY_AGENTS.length];
	const rating = (index % 5) + 1;
	const toAgent: Array<string | SessionStep> = ['SessionBegin', { event: 'ChatBot.UserSendMsg', text: `Question #${index}` }, 'TransferringToHuman', { event: 'TransferToHumanSuccess', agentId }];
	switch (index % 6) {
		case 0:
			return ['SessionBegin', { event: 'ChatBot.UserSendMsg', text: `Question #${index}` }, 'ChatBot.RobotSendMsg', { event: 'SatisfactionSelected', rating }, 'SessionUserEnd', 'SessionEnd'];
		case 1:
			return [...toAgent, 'Human.UserSendMsg', { event: 'Human.AgentSendMsg', text: `Answer #${index}` }, { event: 'SatisfactionSelected', rating }, 'SessionAgentEnd', 'SessionEnd'];
		case 2:
			return ['SessionBegin', 'TransferringToHuman', 'TransferringToHumanWait', 'SessionPendingAutoFinishEnd', 'SessionEnd'];
		case 3:
			return ['SessionBegin', { event: 'ChatBot.UserSendMsg', text: `Question #${index}` }, 'SessionUserTimeoutEnd', 'SessionEnd'];
		case 4:
			return [...toAgent, 'Human.UserSendMsg', 'SessionAgentTimeoutEnd', 'SessionEnd'];
		default: {
			const next = HISTORY_AGENTS[(index + 1) % HISTORY_AGENTS.length];
			return [...toAgent, { event: 'AgentForward', agentId: next }, { event: 'Human.AgentSendMsg', text: `Answer #${index}` }, { event: 'SatisfactionSelected', rating }, 'SessionUserEnd', 'SessionEnd'];
		}
	}
}

/** Ended sessions spread over the last ~7 days (2 h to ~163 h ago), newest first. */
const HISTORY_SESSIONS: readonly SeedSession[] = Array.from({ length: HISTORY_SIZE }, (_, index) => ({
	sessionId: `e0c0a000-0000-4000-8000-${String(index).padStart(12, '0')}`,
	clientUserId: historyClientUserId(index),
	clientUserNickName: `Customer ${String((index % HISTORY_USERS) + 1).padStart(2, '0')}`,
	channelType: index % 3 === 0 ? 'Web' : 'SDK',
	startedMinutesAgo: 120 + index * 205,
	stepSeconds: 20 + ((index * 37) % 200),
	steps: historySteps(index),
}));

export const SEED_SESSIONS: readonly SeedSession[] = [...LIVE_SESSIONS, ...HISTORY_SESSIONS];

/** Seed sessions that have ended (SEED_SESSION_IDS.ended plus the history): all within the last 7 days. */
export const SEED_ENDED_SESSIONS: readonly SeedSession[] = SEED_SESSIONS.filter((seed) => seed.steps[seed.steps.length - 1] === 'SessionEnd');
export const SEED_ENDED_SESSION_COUNT = SEED_ENDED_SESSIONS.length;
/** The customer-service account the seed sessions use (the default app's). */
export const SEED_CUSTOMER_SERVICE_ID = DEFAULT_CUSTOMER_SERVICE_ID;

/** Local Tencent Cloud Desk simulator: REST (Desk's desk_http_svc commands, account_check), callbacks, faults. */
export { startDeskSimulator } from './deskSimulator';
export type { AdvanceResult, DeskSimulator, DeskSimulatorOptions } from './deskSimulator';
export * from './defaults';
export { DEFAULT_APP } from './apps';
export type { CallbackOverrides } from './callbackSender';
export { buildCallbackBody, CALLBACK_ACK_TEXT, type SessionEventCallbackBody } from './callbackPayload';
export type { ApplySteps, CommandContext, CommandHandler } from './commandRegistry';
export { DEFAULT_FAULTS, type FaultController, type FaultState } from './faults';
export { DeskApiError, type RestEnvelope } from './restResponse';
export { callDeskApi, type RestCallOptions } from './restClient';
export type { PlayOptions, ScriptInput } from './scriptPlayer';
export { SCRIPTS, type ScriptName, type ScriptSession } from './scripts';
export {
	DEFAULT_IM_AGENT_NICK,
	EMPTY_SKILL_GROUP_ID,
	FALLBACK_SKILL_GROUP_ID,
	historyClientUserId,
	NO_FREE_AGENT_SKILL_GROUP_ID,
	ONLINE_AGENT_ROLE_ID,
	SEED_AGENTS,
	SEED_CUSTOMER_SERVICE_ID,
	SEED_ENDED_SESSION_COUNT,
	SEED_ENDED_SESSIONS,
	SEED_IM_AGENTS,
	SEED_MEMBER_CREATE_TIME,
	SEED_ROLES,
	SEED_SESSIONS,
	SEED_SKILL_GROUPS,
	type SeedAgent,
	type SeedImAgent,
	type SeedRole,
	type SeedSession,
	type SeedSkillGroup,
} from './seedData';
export { AppMembers, MemberDirectory, type DeskMember, type MemberFields, type SkillGroup, type StatusChange } from './memberDirectory';
export { MEMBER_STATUS_NUMBERS } from './api/describeMemberRealtimeStatistics';
export { AppChatbot, CHATBOT_RATE_LIMIT_PER_SECOND, ChatbotDirectory, type BotCategory, type BotQuestion } from './chatbotKnowledgeBase';
export * from './chatbotSeed';
export { CHATBOT_UNDOCUMENTED_ERROR } from './api/chatbotCommand';
export { CHATBOT_PARSE_ERROR } from './api/chatbotParams';
export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './api/params';
export { API_END_STEP, InvalidTransitionError, TRANSITIONS, WAITING_FOR_AGENT_STEP } from './sessionStateMachine';
export type { AppliedStep, CreateSessionInput, SessionStore } from './sessionStore';
export type { SimulatorStats } from './stats';
export type * from './types';

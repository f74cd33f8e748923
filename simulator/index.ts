/** Local Tencent Cloud Desk simulator: REST (get_session_state, account_check), callbacks, faults. */
export { startDeskSimulator } from './deskSimulator';
export type { AdvanceResult, DeskSimulator, DeskSimulatorOptions } from './deskSimulator';
export * from './defaults';
export { DEFAULT_APP } from './apps';
export type { CallbackOverrides } from './callbackSender';
export { buildCallbackBody, type SessionEventCallbackBody } from './callbackPayload';
export type { CommandContext, CommandHandler } from './commandRegistry';
export { DEFAULT_FAULTS, type FaultController, type FaultState } from './faults';
export { DeskApiError } from './restResponse';
export type { PlayOptions, ScriptInput } from './scriptPlayer';
export { SCRIPTS, type ScriptName, type ScriptSession } from './scripts';
export { SEED_AGENTS, SEED_SKILL_GROUPS, SEED_SESSIONS, type SeedAgent, type SeedSkillGroup } from './seedData';
export { InvalidTransitionError, TRANSITIONS, WAITING_FOR_AGENT_STEP } from './sessionStateMachine';
export type { AppliedStep, CreateSessionInput, SessionStore } from './sessionStore';
export type { SimulatorStats } from './stats';
export type * from './types';

/**
 * Tencent Cloud Chat / Desk error codes: what each means and what the user should do.
 * One table for the action node's errors, the credential test, the simulator and the tests.
 * Sources: Tencent's REST error-code page, `V2TIMErrorCode.h`, the Desk API pages.
 */

/** What a code is; the transport's retry and back-off read this, and nothing else, to decide. */
export type DeskErrorKind =
	| 'credential' // a credential field is wrong: never retried
	| 'expired' // UserSig expired or invalidated: regenerate once
	| 'rateLimit' // over a call-rate limit: retry once the limit's window (1 s) has passed
	| 'transient' // timeout or internal error: retry with backoff
	| 'request' // the request itself is wrong
	| 'account' // the app lacks a package or Desk
	| 'notFound'
	| 'state'; // the session or agents are not in a state that allows it

/** Kinds worth another attempt with the same request. */
export const RETRIED_KINDS: ReadonlySet<DeskErrorKind> = new Set(['rateLimit', 'transient']);

export interface DeskErrorInfo {
	meaning: string;
	/** What to do; never an operation's option (the transport adds the running operation's own “… as Data”). */
	fix: string;
	kind: DeskErrorKind;
	/** Credential field to fix, for credential errors. */
	field?: 'SDKAppID' | 'Admin Identifier' | 'Secret Key';
}

const CHECK_KEY = 'Copy the secret key again from the Chat console (Applications → your app → Basic Information) for this exact SDKAppID';
const RETRY_LATER = 'Temporary: the node retried with backoff; run again later or lower the concurrency';

export const DESK_ERRORS: Readonly<Record<number, DeskErrorInfo>> = {
	// The chatbot knowledge-base service (openim_console_http_svc) answers with its own negative codes.
	[-7]: { kind: 'request', meaning: 'The chatbot API could not parse the request', fix: 'Check the field values: IDs, status and answer type must have the documented types' },
	[-14]: { kind: 'rateLimit', meaning: 'Chatbot API rate limit exceeded (5 calls per second)', fix: 'The node keeps to 5 calls per second per app; other tools calling the same app share the limit, so run again later' },
	[-20]: { kind: 'credential', field: 'Admin Identifier', meaning: 'The chatbot API needs the App administrator account', fix: 'Use an App admin account (Chat console → Account Management → App Admin) as the Admin Identifier' },
	60002: { kind: 'request', meaning: 'The request URL could not be parsed', fix: 'Check the Base URL in the credential' },
	60003: { kind: 'request', meaning: 'The request body is not valid JSON', fix: 'Check the JSON you passed to the node' },
	60004: { kind: 'credential', field: 'Admin Identifier', meaning: 'The identifier or UserSig in the request is wrong', fix: 'Check the Admin Identifier and Secret Key in the credential' },
	60005: { kind: 'credential', field: 'Admin Identifier', meaning: 'The identifier or UserSig in the request is wrong', fix: 'Check the Admin Identifier and Secret Key in the credential' },
	60006: { kind: 'credential', field: 'SDKAppID', meaning: 'The SDKAppID is unknown or disabled', fix: 'Copy the SDKAppID from the Chat console and check the region matches the app' },
	60007: { kind: 'rateLimit', meaning: 'REST API call rate limit exceeded', fix: RETRY_LATER },
	60008: { kind: 'transient', meaning: 'Tencent timed out handling the request', fix: RETRY_LATER },
	60010: { kind: 'credential', field: 'Admin Identifier', meaning: 'The identifier is not an App administrator', fix: 'Use an App admin account (Chat console → Account Management → App Admin) as the Admin Identifier' },
	60011: { kind: 'rateLimit', meaning: 'SDKAppID request rate limit exceeded', fix: RETRY_LATER },
	60018: { kind: 'rateLimit', meaning: 'Too many requests', fix: RETRY_LATER },
	60019: { kind: 'rateLimit', meaning: 'Too many requests', fix: RETRY_LATER },
	60020: { kind: 'account', meaning: 'No Chat package has been purchased for this app, or it is not active yet', fix: 'Activate a Chat/Desk package for this app in the Tencent Cloud console' },
	70001: { kind: 'expired', meaning: 'The UserSig has expired', fix: 'Check this machine’s clock; the node signs every call with a fresh UserSig' },
	70003: { kind: 'credential', field: 'Secret Key', meaning: 'Secret Key does not match this SDKAppID', fix: CHECK_KEY },
	70005: { kind: 'credential', field: 'Secret Key', meaning: 'The UserSig is malformed', fix: CHECK_KEY },
	70009: { kind: 'credential', field: 'Secret Key', meaning: 'The UserSig was signed with another app’s key', fix: CHECK_KEY },
	70013: { kind: 'credential', field: 'Admin Identifier', meaning: 'The identifier in the request does not match the one in the UserSig', fix: 'Check the Admin Identifier in the credential (no spaces, exact case)' },
	70014: { kind: 'credential', field: 'SDKAppID', meaning: 'The SDKAppID in the request does not match the one in the UserSig', fix: 'Check the SDKAppID in the credential' },
	70052: { kind: 'expired', meaning: 'The UserSig has been invalidated', fix: 'Run again; if it persists, check the Secret Key' },
	70169: { kind: 'transient', meaning: 'Tencent’s service timed out internally', fix: RETRY_LATER },
	70403: { kind: 'credential', field: 'Admin Identifier', meaning: 'The request needs an App administrator', fix: 'Use an App admin account as the Admin Identifier' },
	70500: { kind: 'transient', meaning: 'Tencent internal server error', fix: RETRY_LATER },
	141000: { kind: 'account', meaning: 'This app is not a Desk (customer service) app', fix: 'Enable Desk for this SDKAppID in the Tencent Cloud console, or use the Desk app’s SDKAppID' },
	141001: { kind: 'state', meaning: 'No agent is online', fix: 'Try again when agents are online, or transfer to another skill group' },
	141002: { kind: 'transient', meaning: 'Desk internal error', fix: RETRY_LATER },
	141003: { kind: 'state', meaning: 'The session cannot be transferred to a live agent', fix: 'Get the session state first; only a session with the chatbot can be transferred to a human' },
	141004: { kind: 'request', meaning: 'Invalid parameter', fix: 'Check the parameters named in the message' },
	141005: { kind: 'notFound', meaning: 'The session does not exist or has ended', fix: 'Check the Session ID' },
	141007: { kind: 'account', meaning: 'The number of customer service accounts exceeds the maximum', fix: 'Delete an unused customer service account, or upgrade the Desk edition (trial and standard: 10 channel accounts; premium: 200)' },
	141008: { kind: 'account', meaning: 'The number of accounts exceeds the maximum', fix: 'Delete unused accounts, or upgrade the Desk edition' },
	141009: { kind: 'rateLimit', meaning: 'Desk API rate limit exceeded', fix: RETRY_LATER },
	141010: { kind: 'notFound', meaning: 'The agent (member) does not exist', fix: 'Pick an agent from the list, or check the agent’s email' },
	141011: { kind: 'state', meaning: 'The agent is offline', fix: 'Pick an online agent, or leave the agent out so Desk picks one' },
	141012: { kind: 'state', meaning: 'The agent has reached their maximum number of concurrent sessions', fix: 'Pick another agent, or try again when they have ended a session' },
	141013: { kind: 'state', meaning: 'The agent is on a break', fix: 'Pick another agent, or try again when they are back' },
	141014: { kind: 'account', meaning: 'Contacting users is not enabled for this app', fix: 'Contact User needs the “Application/Client” (SDK) integration with the feature enabled in Desk' },
	141015: { kind: 'notFound', meaning: 'The user account does not exist', fix: 'Check the user ID (the customer’s Chat UserID)' },
	141016: { kind: 'state', meaning: 'The user is already in a session with an agent', fix: 'Get the user’s session state; send a message in that session instead' },
	141017: { kind: 'state', meaning: 'Assigning an agent failed', fix: 'Check whether any agent is online, or pick a skill group or agent' },
	141020: { kind: 'notFound', meaning: 'The skill group does not exist', fix: 'Pick a skill group from the list' },
	141024: { kind: 'state', meaning: 'The session is already with this agent', fix: 'Transfer to a different agent or skill group' },
	141025: { kind: 'state', meaning: 'No agent in the target skill group is free', fix: 'Transfer to another skill group, or try again later' },
	141026: { kind: 'state', meaning: 'The session is not in a state that allows a transfer', fix: 'Get the session state first; only queuing or agent sessions can be transferred' },
	141027: { kind: 'state', meaning: 'The session is not queuing', fix: 'Only queuing sessions can have their queuing ended' },
};

export function describeDeskError(code: number): DeskErrorInfo | undefined {
	return DESK_ERRORS[code];
}

/** Codes operations handle by name (e.g. to return them as data when the user chose so). */
export const SESSION_NOT_FOUND = 141005;
export const NO_AGENT_ONLINE = 141001;
export const NO_FREE_AGENT_IN_GROUP = 141025;
export const SESSION_NOT_QUEUING = 141027;
/** The chatbot knowledge-base service's rate-limit answer. */
export const CHATBOT_RATE_LIMITED = -14;

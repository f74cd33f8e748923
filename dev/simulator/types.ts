/** Types shared by the simulator's modules and its public API. */

export type StateSpelling = 'en' | 'zh';
export type ChannelType = 'SDK' | 'Web';

/** One Chat application the simulator answers for. */
export interface SimulatorApp {
	sdkAppId: number;
	adminIdentifier: string;
	secretKey: string;
	/** Callback authentication token; '' means callbacks carry no RequestTime/Sign. */
	callbackToken: string;
	/** false: a plain Chat app, Desk commands answer 141000. */
	desk: boolean;
	/** App admins besides `adminIdentifier`. */
	otherAdmins: string[];
	customerServiceId: string;
}

/** Fields of an extra app; anything left out is copied from the default app. */
export type SimulatorAppInput = Partial<SimulatorApp> & { sdkAppId: number };

/**
 * Where a session is. `TransferringToHuman` and `Ending` are the moments between an event and
 * its follow-up (success/queue/no agent, and SessionEnd).
 */
export type SessionPhase =
	| 'NotInSession'
	| 'Chatbot'
	| 'TransferringToHuman'
	| 'Queuing'
	| 'WaitingForAgentAnswering'
	| 'Agent'
	| 'Ending'
	| 'Ended';

export type MessageRole = 'User' | 'Robot' | 'Agent';

/** An agent's status as get_member_list reports it; only the first three can be set (set_member_status). */
export type MemberStatus = 'STATUS_FREE' | 'STATUS_NOT_READY' | 'STATUS_REST' | 'STATUS_OFFLINE';

export interface MsgElement {
	MsgType: string;
	MsgContent: Record<string, unknown>;
}

export interface SessionMessage {
	msgKey: string;
	role: MessageRole;
	/** UserID of the sender (client user, customer-service account for the bot, or agent). */
	from: string;
	msgBody: MsgElement[];
	cloudCustomData: string;
	/** Unix milliseconds. */
	time: number;
}

export interface SessionHistoryEntry {
	step: string;
	time: number;
	phase: SessionPhase;
	agentId: string;
}

export interface DeskSession {
	sessionId: string;
	sdkAppId: number;
	clientUserId: string;
	/** describe_im_cdr_list's ClientUserNickName. */
	clientUserNickName: string;
	customerServiceId: string;
	channelType: ChannelType;
	phase: SessionPhase;
	agentId: string;
	/** Skill group of the (last) agent; 0 while no agent had it. */
	skillGroupId: number;
	/** Unix milliseconds. */
	startTime: number;
	endTime?: number;
	/** The Session*End event that ended it. */
	endReason?: string;
	satisfaction?: number;
	isContactUser: boolean;
	messages: SessionMessage[];
	history: SessionHistoryEntry[];
}

/** One step of a session: a Desk event, or a silent simulator step (see sessionStateMachine). */
export interface SessionStep {
	event: string;
	/** Text of a message event. */
	text?: string;
	/** Elements of a message event (send_msg); wins over `text`. */
	msgBody?: MsgElement[];
	/** Skill group the agent takes the session for; default the agent's first group. */
	skillGroupId?: number;
	/** Agent who takes (TransferToHumanSuccess, WaitingForAgentAnswering) or receives (AgentForward) the session. */
	agentId?: string;
	/** 1..5 for SatisfactionSelected. */
	rating?: number;
	cloudCustomData?: string;
	/** Key of a message event; default a fresh one (send_stream_msg keeps the key it handed out). */
	msgKey?: string;
	/** Unix milliseconds; defaults to now. */
	time?: number;
}

export interface FaultSettings {
	/** Added to every REST answer. */
	latencyMs: number;
	/** Share (0..1) of Desk commands that answer 141002. */
	internalErrorRate: number;
	/** Accepted requests per second per SDKAppID (sliding 1 s window); 0 turns the limit off. */
	rateLimitPerSecond: number;
	/** Share (0..1) of REST requests answered with HTTP 502 and a plain-text body. */
	http502Rate: number;
}

export interface CallbackTarget {
	url: string;
	/** Callback token; undefined uses the app's, '' or null sends no RequestTime/Sign. */
	token?: string | null;
}

export interface CallbackAttempt {
	/** The query actually sent. */
	query: Record<string, string>;
	/** HTTP status of the ack; null when the request failed (refused, timeout). */
	status: number | null;
	/** Raw ack body text. */
	responseText: string;
	latencyMs: number;
	error?: string;
}

export interface CallbackResult {
	/** Null when the test omitted it. */
	requestId: string | null;
	event?: string;
	sessionId?: string;
	/** URL of the last attempt, query included. */
	url: string;
	query: Record<string, string>;
	/** Body text sent. */
	body: string;
	status: number | null;
	responseText: string;
	latencyMs: number;
	error?: string;
	/** The receiver answered HTTP 200 (what Desk counts as delivered). */
	ok: boolean;
	attempts: CallbackAttempt[];
}

export interface CallbackSendOptions {
	/** true = DEFAULT_CALLBACK_RETRIES retries of a non-200 ack; a number = that many (capped). */
	retryOnFailure?: boolean | number;
	retryDelayMs?: number;
	timeoutMs?: number;
}

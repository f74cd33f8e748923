/**
 * Desk's side of the decision callbacks: it asks the business server, waits (2 s, Tencent's
 * before-callback timeout), and applies the answer, or its own default when the answer is
 * invalid, failed or late. The answer is judged by the package's own answerProblem, so the
 * simulator accepts exactly what the Decision Trigger and the answer step may send.
 *
 * What Desk does on a failed or late answer is NOT documented (tencent-desk-extension.md §A);
 * the simulator's choice, stated where it is made: routing falls back to Desk's default routing,
 * a chatbot API call stores nothing, a contact follows `contactTimeoutStrategy` (default allow).
 */
import type { CallbackSender } from './callbackSender';
import type { ApplySteps, ContactRequest } from './commandRegistry';
import type { AppliedStep, SessionStore } from './sessionStore';
import type { AppRegistry } from './apps';
import type { MemberDirectory } from './memberDirectory';
import type { StatsRecorder } from './stats';
import type { CallbackResult, CallbackTarget, SessionStep } from './types';
import { decisionInfo, type DecisionKind } from '../../nodes/shared/decisionCallbacks';
import { answerProblem } from '../../nodes/shared/decisionAnswers';

/** Tencent's before-callback timeout ("2 s, not adjustable"); no Desk-specific one is published. */
export const DECISION_TIMEOUT_MS = 2000;

/**
 * How many decision records are kept: the most recent 1,000 (a few hundred KB at most). A simulator
 * left running (npm run simulator, a long bench) would otherwise keep every decision ever asked.
 */
export const MAX_DECISION_RECORDS = 1000;

export type { ContactRequest } from './commandRegistry';

export type DecisionUrls = Partial<Record<DecisionKind, CallbackTarget>>;

export interface DecisionRecord {
	kind: DecisionKind;
	command: string;
	sessionId?: string;
	/** HTTP status of the answer; null when none arrived (timeout, refused connection). */
	status: number | null;
	latencyMs: number;
	/** The answer as Desk read it, when it was a valid one. */
	answer?: Record<string, unknown>;
	/** Whether Desk used the answer (false: its default applied). */
	used: boolean;
	/** Why the answer was not used. */
	reason?: string;
}

export interface DecisionDeps {
	apps: AppRegistry;
	sessions: SessionStore;
	members: MemberDirectory;
	sender: CallbackSender;
	stats: StatsRecorder;
	applySteps: ApplySteps;
}


export class DecisionDesk {
	urls: DecisionUrls = {};
	/** What Desk does when the before-contact answer is missing or unreadable (Tencent's values are NOT FOUND). */
	contactTimeoutStrategy: 'allow' | 'refuse' = 'allow';
	/** The decisions asked, oldest first: the most recent MAX_DECISION_RECORDS of them. */
	readonly records: DecisionRecord[] = [];
	private readonly variables = new Map<string, Record<string, string>>();

	constructor(private readonly deps: DecisionDeps) {}

	reset(): void {
		this.urls = {};
		this.contactTimeoutStrategy = 'allow';
		this.records.length = 0;
		this.variables.clear();
	}

	/** The chatbot variables answers wrote into a session. */
	variablesOf(sessionId: string): Record<string, string> {
		return { ...(this.variables.get(sessionId) ?? {}) };
	}

	/** A customer in the bot phase asks for a human: routing callback (if configured), then the transfer. */
	async requestHuman(sessionId: string): Promise<{ record: DecisionRecord; applied: AppliedStep[] }> {
		const session = this.liveSession(sessionId);
		if (session.phase !== 'Chatbot') throw new Error(`Session ${sessionId} is in phase ${session.phase}; a transfer to a human starts from Chatbot`);
		const record = await this.ask('assignHuman', sessionId, {
			SessionId: sessionId,
			ClientUserId: session.clientUserId,
			CustomerServiceId: session.customerServiceId,
			EventTime: Date.now(),
		});
		const steps: SessionStep[] = [{ event: 'TransferringToHuman' }, this.routingStep(session.sdkAppId, record)];
		return { record, applied: this.deps.applySteps(sessionId, steps) };
	}

	/** A chatbot task flow reaches an "API call" node: the answer's Body is stored as session variables. */
	async chatbotApiCall(sessionId: string, variables: Record<string, string>): Promise<DecisionRecord> {
		const session = this.liveSession(sessionId);
		const record = await this.ask('apiCall', sessionId, {
			Body: { SystemClientUserID: session.clientUserId, SystemSessionID: sessionId, ...variables },
			EventTime: Date.now(),
		});
		const body = record.used ? record.answer?.Body : undefined;
		if (body && typeof body === 'object') {
			this.variables.set(sessionId, { ...this.variablesOf(sessionId), ...(body as Record<string, string>) });
		}
		return record;
	}

	/** An agent is about to contact a user: allowed unless the business server refuses. */
	async beforeContact(request: ContactRequest): Promise<{ record: DecisionRecord; allowed: boolean }> {
		const record = await this.ask('beforeContact', undefined, {
			ClientUserId: request.clientUserId,
			ChannelId: request.channelId ?? this.deps.apps.defaultApp.customerServiceId,
			ChannelType: request.channelType ?? 'SDK',
			GroupId: request.groupId ?? 0,
			MemberId: request.memberId,
			EventTime: Date.now(),
		});
		if (record.used) return { record, allowed: record.answer?.ErrorCode === 0 };
		// No callback configured: nothing to ask, the contact goes ahead.
		if (record.status === null && record.reason === NOT_CONFIGURED) return { record, allowed: true };
		return { record, allowed: this.contactTimeoutStrategy === 'allow' };
	}

	private liveSession(sessionId: string) {
		const session = this.deps.sessions.get(sessionId);
		if (!session) throw new Error(`No session ${sessionId}`);
		return session;
	}

	/** Sends the callback (if a URL is configured) and judges the answer. */
	private async ask(kind: DecisionKind, sessionId: string | undefined, fields: Record<string, unknown>): Promise<DecisionRecord> {
		const command = decisionInfo(kind).commands[0];
		const target = this.urls[kind];
		const base = { kind, command, ...(sessionId !== undefined && { sessionId }) };
		if (!target) return this.keep({ ...base, status: null, latencyMs: 0, used: false, reason: NOT_CONFIGURED });
		const app = this.deps.apps.defaultApp;
		const result = await this.deps.sender.send(
			target,
			{ CallbackCommand: command, ...fields },
			{ sdkAppId: app.sdkAppId, token: app.callbackToken },
			// The decision pages show no RequestID in the URL; Desk does not retry a decision.
			{ query: { CallbackCommand: command, RequestID: null }, timeoutMs: DECISION_TIMEOUT_MS },
		);
		this.deps.stats.recordCallback(result);
		return this.keep({ ...base, ...judge(kind, result) });
	}

	private keep(record: DecisionRecord): DecisionRecord {
		this.records.push(record);
		if (this.records.length > MAX_DECISION_RECORDS) this.records.splice(0, this.records.length - MAX_DECISION_RECORDS);
		return record;
	}

	/**
	 * Where the transfer goes. A used answer: the first free agent it names, else a free agent of
	 * its group, else the group's queue. Otherwise Desk's default: any free agent, else no agent online.
	 */
	private routingStep(sdkAppId: number, record: DecisionRecord): SessionStep {
		const members = this.deps.members.forApp(sdkAppId);
		if (record.used && record.answer) {
			const group = typeof record.answer.AgentGroupId === 'number' ? record.answer.AgentGroupId : undefined;
			const named = (Array.isArray(record.answer.AgentIdList) ? (record.answer.AgentIdList as string[]) : [])
				.map((email) => members.find(email))
				.find((member) => member?.status === 'STATUS_FREE');
			const agent = named ?? (group === undefined ? undefined : members.freeAgents({ groupId: group })[0]);
			if (agent) return { event: 'TransferToHumanSuccess', agentId: agent.email, ...(group !== undefined && { skillGroupId: group }) };
			if (group !== undefined) return { event: 'TransferringToHumanWait', skillGroupId: group };
		}
		return members.freeAgents().length > 0 ? { event: 'TransferToHumanSuccess' } : { event: 'NoAgentOnline' };
	}
}

const NOT_CONFIGURED = 'no callback URL configured for it';

function judge(kind: DecisionKind, result: CallbackResult): Omit<DecisionRecord, 'kind' | 'command' | 'sessionId'> {
	const seen = { status: result.status, latencyMs: result.latencyMs };
	if (result.status === null) return { ...seen, used: false, reason: result.error ?? 'no answer' };
	if (result.status !== 200) return { ...seen, used: false, reason: `HTTP ${result.status}` };
	let answer: unknown;
	try {
		answer = JSON.parse(result.responseText);
	} catch {
		return { ...seen, used: false, reason: 'the answer is not JSON' };
	}
	const problem = answerProblem(kind, answer);
	if (problem) return { ...seen, used: false, reason: problem };
	const valid = answer as Record<string, unknown>;
	// A refusal is a used answer for a contact; for routing and API calls FAIL means "use your default".
	if (valid.ActionStatus === 'FAIL' && kind !== 'beforeContact') {
		return { ...seen, answer: valid, used: false, reason: `answered FAIL: ${String(valid.ErrorInfo)}` };
	}
	return { ...seen, answer: valid, used: true };
}

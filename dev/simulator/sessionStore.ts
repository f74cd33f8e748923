/**
 * Desk sessions in memory. Every change goes through `advance`, which applies one step of the
 * state machine, so what get_session_state answers always matches the callbacks sent.
 * Reads return copies: callers cannot bend a session around the state machine.
 */
import { randomInt, randomUUID } from 'crypto';

import type { AppRegistry } from './apps';
import { MemberDirectory } from './memberDirectory';
import { SEED_SESSIONS } from './seedData';
import { InvalidTransitionError, isLivePhase, isNotifiedStep, nextPhase, WAITING_FOR_AGENT_STEP } from './sessionStateMachine';
import type { ChannelType, DeskSession, MessageRole, SessionMessage, SessionPhase, SessionStep } from './types';

export interface CreateSessionInput {
	/** Default: the default app. */
	sdkAppId?: number;
	/** Default: crypto.randomUUID(). */
	sessionId?: string;
	/** Default: a fresh `user_xxxxxxxx`. */
	clientUserId?: string;
	/** Default: the clientUserId. */
	clientUserNickName?: string;
	/** Default: the app's customer-service account. */
	customerServiceId?: string;
	channelType?: ChannelType;
	/** The agent contacted the user first. */
	isContactUser?: boolean;
	/** Unix milliseconds. */
	startTime?: number;
}

/** What one step did: enough to build its callback. */
export interface AppliedStep {
	/** Copy of the session after the step. */
	session: DeskSession;
	event: string;
	/** Unix milliseconds. */
	time: number;
	/** Desk sends a callback for it. */
	notified: boolean;
	/** The agent the event concerns ('' in the bot phase). */
	agentId: string;
	message?: SessionMessage;
	forwardFromAgentId?: string;
	satisfaction?: number;
}

const MESSAGE_ROLES: Readonly<Record<string, MessageRole>> = {
	'ChatBot.UserSendMsg': 'User',
	'ChatBot.RobotSendMsg': 'Robot',
	'Human.UserSendMsg': 'User',
	'Human.AgentSendMsg': 'Agent',
};

const DEFAULT_TEXTS: Readonly<Record<string, string>> = {
	'ChatBot.UserSendMsg': 'How to request a refund?',
	'ChatBot.RobotSendMsg': 'You can request a refund from the order page within 7 days. Anything else?',
	'Human.UserSendMsg': 'I would like to talk to a person, please.',
	'Human.AgentSendMsg': 'Hello, I am looking at your order now.',
};

export class SessionStore {
	private readonly sessions = new Map<string, DeskSession>();
	private msgSeq = 0;

	constructor(
		private readonly apps: AppRegistry,
		/** Whom steps without an agentId pick (free agents of the session's app). */
		readonly members: MemberDirectory = new MemberDirectory(),
	) {}

	create(input: CreateSessionInput = {}): DeskSession {
		const app = this.apps.resolve(input.sdkAppId);
		const sessionId = input.sessionId ?? randomUUID();
		if (this.sessions.has(sessionId)) throw new Error(`Session ${sessionId} already exists`);
		const clientUserId = input.clientUserId ?? `user_${randomUUID().slice(0, 8)}`;
		const session: DeskSession = {
			sessionId,
			sdkAppId: app.sdkAppId,
			clientUserId,
			clientUserNickName: input.clientUserNickName ?? clientUserId,
			customerServiceId: input.customerServiceId ?? app.customerServiceId,
			channelType: input.channelType ?? 'SDK',
			phase: 'NotInSession',
			agentId: '',
			skillGroupId: 0,
			startTime: input.startTime ?? Date.now(),
			isContactUser: input.isContactUser ?? false,
			messages: [],
			history: [],
		};
		this.sessions.set(sessionId, session);
		return structuredClone(session);
	}

	get(sessionId: string): DeskSession | undefined {
		const session = this.sessions.get(sessionId);
		return session && structuredClone(session);
	}

	/** The newest live session of a user with a customer-service account (get_session_state's pair form). */
	findLive(sdkAppId: number, clientUserId: string, customerServiceId: string): DeskSession | undefined {
		let found: DeskSession | undefined;
		for (const session of this.sessions.values()) {
			if (
				session.sdkAppId === sdkAppId &&
				session.clientUserId === clientUserId &&
				session.customerServiceId === customerServiceId &&
				isLivePhase(session.phase) &&
				(!found || session.startTime >= found.startTime)
			) {
				found = session;
			}
		}
		return found && structuredClone(found);
	}

	list(sdkAppId?: number): DeskSession[] {
		return [...this.sessions.values()]
			.filter((session) => sdkAppId === undefined || session.sdkAppId === sdkAppId)
			.map((session) => structuredClone(session));
	}

	/**
	 * One page of an app's matching sessions in `compare` order, and how many match. Only the page is copied:
	 * copying every session per request made a paged read of 1,000+ records cost the simulator more than the client.
	 */
	page(
		sdkAppId: number,
		keep: (session: Readonly<DeskSession>) => boolean,
		compare: (a: Readonly<DeskSession>, b: Readonly<DeskSession>) => number,
		offset: number,
		limit: number,
	): { total: number; sessions: DeskSession[] } {
		const matching = [...this.sessions.values()].filter((session) => session.sdkAppId === sdkAppId && keep(session)).sort(compare);
		return { total: matching.length, sessions: matching.slice(offset, offset + limit).map((session) => structuredClone(session)) };
	}

	/** Whether the app has seen this user (account_check). */
	hasClientUser(sdkAppId: number, userId: string): boolean {
		for (const session of this.sessions.values()) {
			if (session.sdkAppId === sdkAppId && session.clientUserId === userId) return true;
		}
		return false;
	}

	/** Apply one step; throws InvalidTransitionError when the state machine forbids it. */
	advance(sessionId: string, input: SessionStep | string): AppliedStep {
		const session = this.sessions.get(sessionId);
		if (!session) throw new InvalidTransitionError(`No session ${sessionId}`);
		const step: SessionStep = typeof input === 'string' ? { event: input } : input;
		const phase = nextPhase(session.phase, step.event);
		const time = step.time ?? Date.now();
		const applied: Omit<AppliedStep, 'session' | 'agentId'> = {
			event: step.event,
			time,
			notified: isNotifiedStep(step.event),
		};

		// Agent bookkeeping first: it can still reject the step, before anything changed.
		const agentId = this.agentAfter(session, step, phase);
		if (step.event === 'AgentForward') applied.forwardFromAgentId = session.agentId;
		if (step.event === 'SatisfactionSelected') {
			const rating = step.rating ?? 5;
			if (!Number.isInteger(rating) || rating < 1 || rating > 5) {
				throw new InvalidTransitionError(`Satisfaction rating must be 1..5, got ${rating}`);
			}
			session.satisfaction = rating;
			applied.satisfaction = rating;
		}

		session.phase = phase;
		if (agentId !== session.agentId || step.skillGroupId !== undefined) {
			session.skillGroupId = this.skillGroupOf(session.sdkAppId, agentId, step.skillGroupId, session.skillGroupId);
		}
		session.agentId = agentId;
		const role = MESSAGE_ROLES[step.event];
		if (role) {
			applied.message = this.addMessage(session, role, step, time);
		}
		// The end reason is the Desk event; a silent end (end_session) leaves SessionEnd as the reason.
		if (phase === 'Ending' && applied.notified) session.endReason = step.event;
		if (phase === 'Ended') {
			session.endTime = time;
			session.endReason ??= step.event;
		}
		session.history.push({ step: step.event, time, phase, agentId });
		return { ...applied, agentId, session: structuredClone(session) };
	}

	/** Dry-run: throws if `steps` are not a valid path from `phase`. Used before sending anything. */
	checkSteps(steps: ReadonlyArray<SessionStep | string>, phase: SessionPhase = 'NotInSession'): void {
		let current = phase;
		for (const step of steps) current = nextPhase(current, typeof step === 'string' ? step : step.event);
	}

	/** Load the seed sessions (default app): live ones from the past hour, ended ones from the past week. */
	seed(now = Date.now()): void {
		for (const seed of SEED_SESSIONS) {
			const startTime = now - seed.startedMinutesAgo * 60_000;
			this.create({
				sessionId: seed.sessionId,
				clientUserId: seed.clientUserId,
				clientUserNickName: seed.clientUserNickName,
				channelType: seed.channelType,
				startTime,
			});
			const stepMs = (seed.stepSeconds ?? 20) * 1000;
			seed.steps.forEach((step, index) => {
				const time = startTime + (index + 1) * stepMs;
				this.advance(seed.sessionId, typeof step === 'string' ? { event: step, time } : { time, ...step });
			});
		}
	}

	/**
	 * A session that began, chatted with the bot and ended at `endTime` (Unix ms), without callbacks: what
	 * Desk's records hold for a session that ended while nobody was listening (a catch-up test's outage).
	 */
	createEnded(endTime: number, input: Omit<CreateSessionInput, 'startTime'> = {}): DeskSession {
		const steps: SessionStep[] = [
			{ event: 'SessionBegin' },
			{ event: 'ChatBot.UserSendMsg' },
			{ event: 'ChatBot.RobotSendMsg' },
			{ event: 'SessionUserEnd' },
			{ event: 'SessionEnd' },
		];
		const stepMs = 1000;
		const { sessionId } = this.create({ ...input, startTime: endTime - steps.length * stepMs });
		let session: DeskSession | undefined;
		steps.forEach((step, index) => {
			session = this.advance(sessionId, { ...step, time: endTime - (steps.length - 1 - index) * stepMs }).session;
		});
		return session as DeskSession;
	}

	clear(): void {
		this.sessions.clear();
	}

	private agentAfter(session: DeskSession, step: SessionStep, phase: SessionPhase): string {
		switch (step.event) {
			case WAITING_FOR_AGENT_STEP:
				return step.agentId ?? this.pickAgent(session.sdkAppId, '');
			case 'TransferToHumanSuccess':
				return step.agentId ?? (session.agentId || this.pickAgent(session.sdkAppId, ''));
			case 'AgentForward': {
				const to = step.agentId ?? this.pickAgent(session.sdkAppId, session.agentId);
				if (to === session.agentId) throw new InvalidTransitionError(`AgentForward to the same agent ${to}`);
				return to;
			}
			default:
				// Back in the bot phase (NoAgentOnline) nobody holds the session.
				return phase === 'Chatbot' ? '' : session.agentId;
		}
	}

	private pickAgent(sdkAppId: number, except: string): string {
		const [agent] = this.members.forApp(sdkAppId).freeAgents({ except });
		if (!agent) throw new InvalidTransitionError('No free agent to pick; name one with agentId');
		return agent.email;
	}

	/** The group named by the step, else the agent's first group, else unchanged. */
	private skillGroupOf(sdkAppId: number, agentId: string, named: number | undefined, current: number): number {
		if (named !== undefined) return named;
		if (!agentId) return current;
		return this.members.forApp(sdkAppId).find(agentId)?.skillGroupIds[0] ?? current;
	}

	private addMessage(session: DeskSession, role: MessageRole, step: SessionStep, time: number): SessionMessage {
		const from = role === 'User' ? session.clientUserId : role === 'Robot' ? session.customerServiceId : session.agentId;
		const message: SessionMessage = {
			// IM message keys are `{seq}_{random}_{unix seconds}`, like the spec's "152_1600012345_abcdefg".
			msgKey: step.msgKey ?? `${++this.msgSeq}_${randomInt(0, 2 ** 32)}_${Math.floor(time / 1000)}`,
			role,
			from,
			msgBody: step.msgBody
				? structuredClone(step.msgBody)
				: [{ MsgType: 'TIMTextElem', MsgContent: { Text: step.text ?? DEFAULT_TEXTS[step.event] } }],
			cloudCustomData: step.cloudCustomData ?? '',
			time,
		};
		session.messages.push(message);
		return structuredClone(message);
	}
}

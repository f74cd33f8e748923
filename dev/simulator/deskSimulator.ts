/** Wires the parts into one running simulator: REST endpoint, control API, sessions, callbacks. */
import type { IncomingMessage, ServerResponse } from 'http';

import { COMMANDS } from './api';
import { ServiceDirectory } from './appServices';
import { AppRegistry } from './apps';
import { CallbackQueue } from './callbackQueue';
import { CallbackSender, type CallbackOverrides } from './callbackSender';
import { ChatbotDirectory } from './chatbotKnowledgeBase';
import { CommandRegistry, type ApplySteps, type CommandHandler } from './commandRegistry';
import { CONTROL_PREFIX, handleControlRequest, type ControlledSimulator } from './controlApi';
import { isStateSpelling } from './currentState';
import { DecisionDesk, type ContactRequest } from './decisionDesk';
import { DEFAULT_HOST } from './defaults';
import { FaultController } from './faults';
import { MemberDirectory } from './memberDirectory';
import { handleRestRequest } from './restEndpoint';
import { playScript, sendApplied, type PlayOptions, type PlayerDeps, type ScriptInput } from './scriptPlayer';
import { listen } from './server';
import type { AppliedStep } from './sessionStore';
import { SessionStore } from './sessionStore';
import { StatsRecorder } from './stats';
import type {
	CallbackResult,
	CallbackTarget,
	FaultSettings,
	SessionStep,
	SimulatorApp,
	SimulatorAppInput,
	StateSpelling,
} from './types';

export interface DeskSimulatorOptions {
	/** 0 (default) picks a free port. */
	port?: number;
	/** Default 127.0.0.1. */
	host?: string;
	/** Overrides for the default app. */
	app?: Partial<SimulatorApp>;
	/** More apps (e.g. `{ sdkAppId: 1400000002, desk: false }`); missing fields copy the default app. */
	apps?: SimulatorAppInput[];
	/** CurrentState spelling: 'en' (default, "Not in session"/"Queuing") or 'zh' ("NotInSession"/"Queueing"). */
	stateSpelling?: StateSpelling;
	/** Load the seed sessions; default true. */
	seed?: boolean;
	faults?: Partial<FaultSettings>;
	/** Default callback target when play/advance name none. */
	callbackUrl?: string;
	/** Random source for the fault shares (tests can make them deterministic). */
	random?: () => number;
	/** Extra REST commands (the built-in ones are in api/index.ts). */
	commands?: readonly CommandHandler[];
}

export interface AdvanceResult {
	applied: AppliedStep;
	/** Sent when the step is a Desk event and a target is known. */
	callback?: CallbackResult;
}

/** Everything the control API uses, with the full types here and wider parameters where callers may omit them. */
export interface DeskSimulator extends ControlledSimulator {
	readonly port: number;
	/** The default app. */
	readonly app: SimulatorApp;
	readonly apps: readonly SimulatorApp[];
	readonly sessions: SessionStore;
	readonly faults: FaultController;
	/** Agents and skill groups of every app (each starts from the seed). */
	readonly members: MemberDirectory;
	/** The chatbot knowledge base and settings of every app (each starts from the seed). */
	readonly chatbot: ChatbotDirectory;
	/** Play a named script or steps, sending every callback to `target` (default: callbackUrl, app token). */
	playScript(script: ScriptInput, target?: CallbackTarget | string, options?: PlayOptions): Promise<CallbackResult[]>;
	/** One step of an existing session, with its callback when it is a Desk event and a target is known. */
	advanceSession(sessionId: string, step: SessionStep | string, target?: CallbackTarget | string, options?: PlayOptions): Promise<AdvanceResult>;
	/** Low-level: send any payload (object → JSON, string → as-is) with optional forged query values. */
	sendCallback(target: CallbackTarget | string, payload: object | string, overrides?: CallbackOverrides): Promise<CallbackResult>;
	close(): Promise<void>;
}

export async function startDeskSimulator(options: DeskSimulatorOptions = {}): Promise<DeskSimulator> {
	const apps = new AppRegistry(options.app, options.apps);
	const commands = new CommandRegistry([...COMMANDS, ...(options.commands ?? [])]);
	const members = new MemberDirectory();
	const services = new ServiceDirectory();
	const chatbot = new ChatbotDirectory();
	const sessions = new SessionStore(apps, members);
	const seeded = options.seed !== false;
	if (seeded) sessions.seed();
	const faults = new FaultController(options.faults, options.random);
	const stats = new StatsRecorder();
	const sender = new CallbackSender();
	const actionCallbacks = new CallbackQueue();
	const closing = new AbortController();
	if (options.stateSpelling !== undefined && !isStateSpelling(options.stateSpelling)) {
		throw new Error(`stateSpelling must be 'en' or 'zh', got ${String(options.stateSpelling)}`);
	}
	let stateSpelling: StateSpelling = options.stateSpelling ?? 'en';
	const playerDeps: PlayerDeps = { apps, sessions, sender, stats, signal: closing.signal };

	const resolveTarget = (target: CallbackTarget | string | undefined): CallbackTarget | undefined => {
		if (typeof target === 'string') return { url: target };
		if (target) return target;
		return simulator.callbackUrl ? { url: simulator.callbackUrl } : undefined;
	};

	// REST actions notify the app's configured callback URL (Desk's Developer Settings), if any.
	const applySteps: ApplySteps = (sessionId, steps) => {
		const current = sessions.get(sessionId);
		if (!current) throw new Error(`No session ${sessionId}`);
		sessions.checkSteps(steps, current.phase);
		const applied = steps.map((step) => sessions.advance(sessionId, step));
		const target = resolveTarget(undefined);
		for (const step of applied) {
			if (target && step.notified) actionCallbacks.enqueue(() => sendApplied(step, target, {}, playerDeps));
		}
		return applied;
	};

	const decisions = new DecisionDesk({ apps, sessions, members, sender, stats, applySteps });

	const simulator: DeskSimulator = {
		url: '',
		port: 0,
		app: apps.defaultApp,
		apps: apps.list(),
		sessions,
		faults,
		members,
		decisions,
		chatbot,
		get agents() {
			return members.forApp(apps.defaultApp.sdkAppId).list();
		},
		get skillGroups() {
			return members.forApp(apps.defaultApp.sdkAppId).skillGroups();
		},
		get stateSpelling() {
			return stateSpelling;
		},
		set stateSpelling(value: StateSpelling) {
			if (!isStateSpelling(value)) throw new Error(`stateSpelling must be 'en' or 'zh', got ${String(value)}`);
			stateSpelling = value;
		},
		callbackUrl: options.callbackUrl,
		stats: () => stats.snapshot(),
		resetStats: () => stats.reset(),
		playScript(script, target, playOptions = {}) {
			const resolved = resolveTarget(target);
			if (!resolved) return Promise.reject(new Error('playScript needs a callback target (or the callbackUrl option)'));
			return playScript(script, resolved, playOptions, playerDeps);
		},
		async advanceSession(sessionId, step, target, playOptions = {}) {
			const applied = sessions.advance(sessionId, step);
			const resolved = resolveTarget(target);
			if (!applied.notified || !resolved) return { applied };
			return { applied, callback: await sendApplied(applied, resolved, playOptions, playerDeps) };
		},
		async sendCallback(target, payload, overrides = {}) {
			const resolved = resolveTarget(target);
			if (!resolved) throw new Error('sendCallback needs a target');
			const app = apps.resolve(overrides.sdkAppId);
			const result = await sender.send(resolved, payload, { sdkAppId: app.sdkAppId, token: app.callbackToken }, overrides);
			stats.recordCallback(result);
			return result;
		},
		callbacksSettled: () => actionCallbacks.settled(),
		reset() {
			sessions.clear();
			members.reset();
			services.reset();
			chatbot.reset();
			if (seeded) sessions.seed();
			faults.reset();
			stats.reset();
			decisions.reset();
		},
		async close() {
			closing.abort();
			sender.close();
			await server.close();
		},
	};

	const askBeforeContact = (request: ContactRequest) => decisions.beforeContact(request);
	const restDeps = { apps, commands, sessions, members, services, chatbot, askBeforeContact, applySteps, faults, stats, stateSpelling: () => stateSpelling, signal: closing.signal };
	const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
		const url = new URL(req.url ?? '/', 'http://simulator.local');
		if (url.pathname === CONTROL_PREFIX || url.pathname.startsWith(`${CONTROL_PREFIX}/`)) {
			return handleControlRequest(req, res, url, simulator);
		}
		return handleRestRequest(req, res, url, restDeps);
	};
	const server = await listen(handle, options.port ?? 0, options.host ?? DEFAULT_HOST);
	Object.assign(simulator, { url: server.url, port: server.port });
	return simulator;
}

/**
 * `/_simulator/…`: drive the simulator from another process (demo, benchmark, a human with
 * curl). JSON in and out; errors are HTTP 4xx with `{ error }`. The secret key is never served:
 * local tools import it from defaults.ts.
 */
import type { IncomingMessage, ServerResponse } from 'http';

import type { CallbackOverrides } from './callbackSender';
import type { DecisionDesk } from './decisionDesk';
import { ControlError, type Json, type RouteEntry } from './controlRoute';
import { decisionRoutes } from './decisionRoutes';
import type { FaultController } from './faults';
import { readBody, sendJson } from './httpIo';
import type { DeskMember, SkillGroup } from './memberDirectory';
import type { PlayOptions, ScriptInput } from './scriptPlayer';
import { SCRIPTS } from './scripts';
import type { AppliedStep, CreateSessionInput, SessionStore } from './sessionStore';
import type { SimulatorStats } from './stats';
import type { CallbackResult, CallbackTarget, FaultSettings, SessionStep, SimulatorApp, StateSpelling } from './types';

export const CONTROL_PREFIX = '/_simulator';

/**
 * What the control API uses of a running simulator. deskSimulator.ts serves the control API and its
 * DeskSimulator has all of this; declaring it here keeps the two files from importing each other.
 */
export interface ControlledSimulator {
	/** Base URL, e.g. http://127.0.0.1:8990 (use as the credential's Custom Base URL). */
	readonly url: string;
	readonly app: Pick<SimulatorApp, 'sdkAppId' | 'adminIdentifier'>;
	readonly sessions: Pick<SessionStore, 'list' | 'create' | 'get' | 'createEnded'>;
	readonly faults: Pick<FaultController, 'get' | 'set' | 'reset' | 'failNext' | 'answerLateNext' | 'omitField'>;
	/** Desk's side of the decision callbacks (routing, chatbot API call, before contact). */
	readonly decisions: DecisionDesk;
	/** The default app's agents now (set_member_status changes them). */
	readonly agents: readonly DeskMember[];
	readonly skillGroups: readonly SkillGroup[];
	stateSpelling: StateSpelling;
	/** Default callback target; undefined = play needs an explicit one. */
	callbackUrl: string | undefined;
	stats(): SimulatorStats;
	resetStats(): void;
	/** Back to a fresh start: seed sessions (if seeded), seed agents and statuses, default faults, empty stats. */
	reset(): void;
	/** Resolves when every callback caused by a REST action (end_session, send_msg, …) has been acknowledged or failed. */
	callbacksSettled(): Promise<void>;
	playScript(script: ScriptInput, target: CallbackTarget, options: PlayOptions): Promise<CallbackResult[]>;
	advanceSession(
		sessionId: string,
		step: SessionStep,
		target: CallbackTarget | undefined,
		options: PlayOptions,
	): Promise<{ applied: Pick<AppliedStep, 'session'>; callback?: CallbackResult }>;
	sendCallback(target: CallbackTarget, payload: object | string, overrides: CallbackOverrides): Promise<CallbackResult>;
}



const ROUTES: Array<RouteEntry<ControlledSimulator>> = [
	{ method: 'GET', path: /^\/?$/, route: (sim) => describe(sim), help: 'GET / — this index' },
	{ method: 'GET', path: /^\/health$/, route: (sim) => ({ ok: true, url: sim.url }), help: 'GET /health' },
	{ method: 'GET', path: /^\/stats$/, route: (sim) => sim.stats(), help: 'GET /stats' },
	{
		method: 'POST',
		path: /^\/stats\/reset$/,
		route: (sim) => {
			sim.resetStats();
			return sim.stats();
		},
		help: 'POST /stats/reset',
	},
	{
		method: 'POST',
		path: /^\/reset$/,
		route: (sim) => {
			sim.reset();
			return { ok: true, sessions: sim.sessions.list().length };
		},
		help: 'POST /reset — seed sessions, agents and statuses, default faults, empty stats',
	},
	{ method: 'GET', path: /^\/members$/, route: (sim) => ({ members: sim.agents, skillGroups: sim.skillGroups }), help: 'GET /members (default app)' },
	{
		method: 'POST',
		path: /^\/callbacks\/settle$/,
		route: async (sim) => {
			await sim.callbacksSettled();
			return { ok: true };
		},
		help: 'POST /callbacks/settle — returns once every callback caused by a REST action was delivered',
	},
	{ method: 'GET', path: /^\/faults$/, route: (sim) => sim.faults.get(), help: 'GET /faults' },
	{ method: 'POST', path: /^\/faults$/, route: setFaults, help: 'POST /faults {latencyMs?, internalErrorRate?, rateLimitPerSecond?, http502Rate?, failNext?: {count, code}, answerLateNext?: {count, delayMs, command?}, omitField?: {command, field, count?}, reset?: true}' },
	{ method: 'POST', path: /^\/settings$/, route: setSettings, help: 'POST /settings {stateSpelling?: "en"|"zh", callbackUrl?}' },
	{ method: 'GET', path: /^\/scripts$/, route: () => ({ scripts: Object.keys(SCRIPTS) }), help: 'GET /scripts' },
	{ method: 'POST', path: /^\/play$/, route: play, help: 'POST /play {script: name | steps, callbackUrl?, token?, sdkAppId?, intervalMs?, retryOnFailure?} → {results}' },
	{ method: 'POST', path: /^\/callback$/, route: sendCallback, help: 'POST /callback {callbackUrl, payload (object or raw string), token?, query?, sdkAppId?} → {result}' },
	{ method: 'GET', path: /^\/sessions$/, route: (sim) => ({ sessions: sim.sessions.list() }), help: 'GET /sessions' },
	{ method: 'POST', path: /^\/sessions$/, route: createSession, help: 'POST /sessions {clientUserId?, customerServiceId?, channelType?, sdkAppId?}' },
	{
		method: 'POST',
		path: /^\/sessions\/ended$/,
		route: createEndedSessions,
		help: 'POST /sessions/ended {endTimes: [Unix ms, …], idPrefix?} — sessions that ended at those times, no callbacks (for describe_im_cdr_list)',
	},
	{ method: 'GET', path: /^\/sessions\/([^/]+)$/, route: getSession, help: 'GET /sessions/:id' },
	{ method: 'POST', path: /^\/sessions\/([^/]+)\/advance$/, route: advance, help: 'POST /sessions/:id/advance {event, text?, agentId?, rating?, callbackUrl?, token?}' },
	...decisionRoutes,
];

export async function handleControlRequest(req: IncomingMessage, res: ServerResponse, url: URL, sim: ControlledSimulator): Promise<void> {
	const path = url.pathname.slice(CONTROL_PREFIX.length);
	const { text } = await readBody(req);
	try {
		const matches = ROUTES.map((entry) => ({ entry, match: entry.path.exec(path) })).filter(({ match }) => match);
		if (matches.length === 0) throw new ControlError(404, `No control route ${path || '/'}`);
		const found = matches.find(({ entry }) => entry.method === req.method);
		if (!found || !found.match) throw new ControlError(405, `${req.method} not allowed on ${CONTROL_PREFIX}${path}`);
		const params = found.match.slice(1).map(decodeURIComponent);
		sendJson(res, 200, await found.entry.route(sim, parseJson(text), params));
	} catch (error) {
		sendJson(res, error instanceof ControlError ? error.status : 400, { error: (error as Error).message });
	}
}

function parseJson(text: string): Json {
	if (text.trim() === '') return {};
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		throw new ControlError(400, 'Body is not JSON');
	}
	if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ControlError(400, 'Body must be a JSON object');
	return value as Json;
}

function describe(sim: ControlledSimulator): unknown {
	return {
		url: sim.url,
		sdkAppId: sim.app.sdkAppId,
		adminIdentifier: sim.app.adminIdentifier,
		stateSpelling: sim.stateSpelling,
		callbackUrl: sim.callbackUrl ?? null,
		routes: ROUTES.map((entry) => entry.help.replace(/^(\w+) /, `$1 ${CONTROL_PREFIX}`)),
	};
}

function targetFrom(sim: ControlledSimulator, body: Json): CallbackTarget {
	const url = body.callbackUrl ?? sim.callbackUrl;
	if (typeof url !== 'string' || url === '') throw new ControlError(400, 'callbackUrl is required (none configured)');
	const token = body.token;
	if (token !== undefined && token !== null && typeof token !== 'string') throw new ControlError(400, 'token must be a string');
	return token === undefined ? { url } : { url, token: token as string | null };
}

function playOptionsFrom(body: Json): PlayOptions {
	const options: PlayOptions = {};
	if (typeof body.sdkAppId === 'number') options.sdkAppId = body.sdkAppId;
	if (typeof body.intervalMs === 'number') options.intervalMs = body.intervalMs;
	if (typeof body.retryOnFailure === 'number' || typeof body.retryOnFailure === 'boolean') options.retryOnFailure = body.retryOnFailure;
	if (typeof body.retryDelayMs === 'number') options.retryDelayMs = body.retryDelayMs;
	if (typeof body.timeoutMs === 'number') options.timeoutMs = body.timeoutMs;
	return options;
}

async function play(sim: ControlledSimulator, body: Json): Promise<unknown> {
	if (body.script === undefined) throw new ControlError(400, `script is required (one of ${Object.keys(SCRIPTS).join(', ')}, or steps)`);
	const results = await sim.playScript(body.script as ScriptInput, targetFrom(sim, body), playOptionsFrom(body));
	return { results };
}

async function sendCallback(sim: ControlledSimulator, body: Json): Promise<unknown> {
	const payload = body.payload;
	if ((typeof payload !== 'object' || payload === null) && typeof payload !== 'string') {
		throw new ControlError(400, 'payload (object, or raw body string) is required');
	}
	const overrides: CallbackOverrides = { ...playOptionsFrom(body) };
	if (typeof body.query === 'object' && body.query !== null) overrides.query = body.query as Record<string, string | null>;
	if (typeof body.sdkAppId === 'number') overrides.sdkAppId = body.sdkAppId;
	return { result: await sim.sendCallback(targetFrom(sim, body), payload, overrides) };
}

function createSession(sim: ControlledSimulator, body: Json): unknown {
	const input: CreateSessionInput = {};
	if (typeof body.sdkAppId === 'number') input.sdkAppId = body.sdkAppId;
	if (typeof body.clientUserId === 'string') input.clientUserId = body.clientUserId;
	if (typeof body.customerServiceId === 'string') input.customerServiceId = body.customerServiceId;
	if (body.channelType === 'SDK' || body.channelType === 'Web') input.channelType = body.channelType;
	if (typeof body.isContactUser === 'boolean') input.isContactUser = body.isContactUser;
	return { session: sim.sessions.create(input) };
}

/** At most this many per request: enough for an outage test, bounded for a control API. */
const MAX_ENDED_PER_REQUEST = 10_000;

function createEndedSessions(sim: ControlledSimulator, body: Json): unknown {
	const { endTimes, idPrefix } = body;
	if (!Array.isArray(endTimes) || endTimes.length > MAX_ENDED_PER_REQUEST || !endTimes.every((time) => Number.isSafeInteger(time) && time > 0)) {
		throw new ControlError(400, `endTimes must be an array of at most ${MAX_ENDED_PER_REQUEST} Unix times in milliseconds`);
	}
	if (idPrefix !== undefined && typeof idPrefix !== 'string') throw new ControlError(400, 'idPrefix must be a string');
	const sessionIds = (endTimes as number[]).map((endTime, index) => {
		const input = idPrefix === undefined ? {} : { sessionId: `${idPrefix}${index}` };
		try {
			return sim.sessions.createEnded(endTime, input).sessionId;
		} catch (error) {
			throw new ControlError(409, (error as Error).message);
		}
	});
	return { sessionIds };
}

function getSession(sim: ControlledSimulator, _body: Json, [sessionId]: string[]): unknown {
	const session = sim.sessions.get(sessionId);
	if (!session) throw new ControlError(404, `No session ${sessionId}`);
	return { session };
}

async function advance(sim: ControlledSimulator, body: Json, [sessionId]: string[]): Promise<unknown> {
	if (typeof body.event !== 'string') throw new ControlError(400, 'event is required');
	const step: SessionStep = { event: body.event };
	if (typeof body.text === 'string') step.text = body.text;
	if (typeof body.agentId === 'string') step.agentId = body.agentId;
	if (typeof body.rating === 'number') step.rating = body.rating;
	if (typeof body.cloudCustomData === 'string') step.cloudCustomData = body.cloudCustomData;
	const target = body.callbackUrl !== undefined || sim.callbackUrl ? targetFrom(sim, body) : undefined;
	try {
		const { applied, callback } = await sim.advanceSession(sessionId, step, target, playOptionsFrom(body));
		return { session: applied.session, callback: callback ?? null };
	} catch (error) {
		throw new ControlError(409, (error as Error).message);
	}
}

function setFaults(sim: ControlledSimulator, body: Json): unknown {
	if (body.reset === true) sim.faults.reset();
	const settings: Partial<FaultSettings> = {};
	for (const name of ['latencyMs', 'internalErrorRate', 'rateLimitPerSecond', 'http502Rate'] as const) {
		if (body[name] !== undefined) settings[name] = body[name] as number;
	}
	sim.faults.set(settings);
	const failNext = body.failNext as { count?: unknown; code?: unknown } | undefined;
	if (failNext !== undefined) sim.faults.failNext(Number(failNext?.count), Number(failNext?.code));
	const late = body.answerLateNext as { count?: unknown; delayMs?: unknown; command?: unknown } | undefined;
	if (late !== undefined) {
		sim.faults.answerLateNext(Number(late?.count), Number(late?.delayMs), late?.command === undefined ? undefined : String(late.command));
	}
	const omitField = body.omitField as { command?: unknown; field?: unknown; count?: unknown } | undefined;
	if (omitField !== undefined) {
		if (typeof omitField?.command !== 'string' || typeof omitField.field !== 'string') {
			throw new ControlError(400, 'omitField needs {command, field, count?}');
		}
		sim.faults.omitField(omitField.command, omitField.field, omitField.count === undefined ? 1 : Number(omitField.count));
	}
	return sim.faults.get();
}

function setSettings(sim: ControlledSimulator, body: Json): unknown {
	if (body.stateSpelling !== undefined) sim.stateSpelling = body.stateSpelling as StateSpelling;
	if (body.callbackUrl !== undefined) {
		if (body.callbackUrl !== null && typeof body.callbackUrl !== 'string') throw new ControlError(400, 'callbackUrl must be a string');
		sim.callbackUrl = (body.callbackUrl as string | null) ?? undefined;
	}
	return { stateSpelling: sim.stateSpelling, callbackUrl: sim.callbackUrl ?? null };
}

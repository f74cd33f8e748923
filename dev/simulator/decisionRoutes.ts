/**
 * Control routes for the decision callbacks: where Desk sends them, and the moments that make Desk
 * ask (a customer asks for a human, a chatbot flow reaches an API-call node, an agent contacts a user).
 */
import { ControlError, type Json, type RouteEntry } from './controlRoute';
import type { DecisionDesk, DecisionUrls } from './decisionDesk';
import type { SessionStore } from './sessionStore';
import type { CallbackTarget } from './types';
import { DECISION_CALLBACKS, type DecisionKind } from '../../nodes/shared/decisionCallbacks';

interface DecisionHost {
	readonly decisions: DecisionDesk;
	readonly sessions: Pick<SessionStore, 'get'>;
}

const KINDS = DECISION_CALLBACKS.map((info) => info.kind);

function target(value: unknown, kind: string): CallbackTarget | undefined {
	if (value === null || value === '') return undefined;
	if (typeof value === 'string') return { url: value };
	if (typeof value === 'object' && typeof (value as Json).url === 'string') {
		const { url, token } = value as { url: string; token?: unknown };
		if (token !== undefined && token !== null && typeof token !== 'string') throw new ControlError(400, `urls.${kind}.token must be a string`);
		return token === undefined ? { url } : { url, token: token as string | null };
	}
	throw new ControlError(400, `urls.${kind} must be a URL, {url, token?} or null`);
}

function setDecisionSettings(sim: DecisionHost, body: Json): unknown {
	if (body.urls !== undefined) {
		if (typeof body.urls !== 'object' || body.urls === null) throw new ControlError(400, `urls must be an object of ${KINDS.join(', ')}`);
		const urls: DecisionUrls = { ...sim.decisions.urls };
		for (const [kind, value] of Object.entries(body.urls as Json)) {
			if (!KINDS.includes(kind as DecisionKind)) throw new ControlError(400, `Unknown decision "${kind}" (one of ${KINDS.join(', ')})`);
			const resolved = target(value, kind);
			if (resolved) urls[kind as DecisionKind] = resolved;
			else delete urls[kind as DecisionKind];
		}
		sim.decisions.urls = urls;
	}
	if (body.contactTimeoutStrategy !== undefined) {
		if (body.contactTimeoutStrategy !== 'allow' && body.contactTimeoutStrategy !== 'refuse') {
			throw new ControlError(400, 'contactTimeoutStrategy must be "allow" or "refuse"');
		}
		sim.decisions.contactTimeoutStrategy = body.contactTimeoutStrategy;
	}
	return describeDecisions(sim);
}

function describeDecisions(sim: DecisionHost): unknown {
	const urls = Object.fromEntries(Object.entries(sim.decisions.urls).map(([kind, value]) => [kind, value?.url]));
	return { urls, contactTimeoutStrategy: sim.decisions.contactTimeoutStrategy, records: sim.decisions.records };
}

function stringRecord(value: unknown, name: string): Record<string, string> {
	if (value === undefined) return {};
	if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ControlError(400, `${name} must be an object`);
	const entries = Object.entries(value as Json);
	for (const [key, entry] of entries) if (typeof entry !== 'string') throw new ControlError(400, `${name}.${key} must be a string`);
	return Object.fromEntries(entries) as Record<string, string>;
}

async function guarded<T>(run: () => Promise<T>): Promise<T> {
	try {
		return await run();
	} catch (error) {
		if (error instanceof ControlError) throw error;
		throw new ControlError(409, (error as Error).message);
	}
}

export const decisionRoutes: Array<RouteEntry<DecisionHost>> = [
	{ method: 'GET', path: /^\/decisions$/, route: describeDecisions, help: 'GET /decisions — decision callback URLs and every decision asked, with its answer and latency' },
	{
		method: 'POST',
		path: /^\/decisions$/,
		route: setDecisionSettings,
		help: `POST /decisions {urls?: {${KINDS.join('?, ')}?: url | {url, token?} | null}, contactTimeoutStrategy?: "allow"|"refuse"}`,
	},
	{
		method: 'POST',
		path: /^\/sessions\/([^/]+)\/request-human$/,
		route: (sim, _body, [sessionId]) =>
			guarded(async () => {
				const { record } = await sim.decisions.requestHuman(sessionId);
				return { record, session: sim.sessions.get(sessionId) };
			}),
		help: 'POST /sessions/:id/request-human — the customer asks for a human: ChatBot.OnAssignHuman, then the transfer',
	},
	{
		method: 'POST',
		path: /^\/sessions\/([^/]+)\/api-call$/,
		route: (sim, body, [sessionId]) =>
			guarded(async () => {
				const record = await sim.decisions.chatbotApiCall(sessionId, stringRecord(body.variables, 'variables'));
				return { record, variables: sim.decisions.variablesOf(sessionId) };
			}),
		help: 'POST /sessions/:id/api-call {variables?} — a chatbot task flow reaches an API-call node (Chatbot.InterfaceInvocation)',
	},
	{
		method: 'GET',
		path: /^\/sessions\/([^/]+)\/variables$/,
		route: (sim, _body, [sessionId]) => ({ variables: sim.decisions.variablesOf(sessionId) }),
		help: 'GET /sessions/:id/variables — the chatbot variables answers wrote into the session',
	},
	{
		method: 'POST',
		path: /^\/contact$/,
		route: (sim, body) =>
			guarded(async () => {
				if (typeof body.clientUserId !== 'string' || typeof body.memberId !== 'string') {
					throw new ControlError(400, 'clientUserId and memberId are required');
				}
				return await sim.decisions.beforeContact({
					clientUserId: body.clientUserId,
					memberId: body.memberId,
					...(typeof body.groupId === 'number' && { groupId: body.groupId }),
					...(typeof body.channelId === 'string' && { channelId: body.channelId }),
				});
			}),
		help: 'POST /contact {clientUserId, memberId, groupId?, channelId?} — an agent is about to contact a user (Desk.CallbackBeforeIMContactUser)',
	},
];

/**
 * One REST request from arrival to answer: faults first (HTTP 502, latency, failNext), then
 * Tencent's checks in order, then the command, with the rate limit and random 141002 last; a late
 * answer (answerLateNext) is held back after the command ran. Always HTTP 200 with a JSON envelope,
 * except the simulated gateway errors.
 */
import type { IncomingMessage, ServerResponse } from 'http';
import { setTimeout as delay } from 'timers/promises';

import type { ServiceDirectory } from './appServices';
import type { AppRegistry } from './apps';
import type { ChatbotDirectory } from './chatbotKnowledgeBase';
import { commandKey, type ApplySteps, type CommandContext, type CommandRegistry } from './commandRegistry';
import type { FaultController } from './faults';
import { gatewayErrorText, readBody, sendJson, sendText } from './httpIo';
import type { MemberDirectory } from './memberDirectory';
import { DeskApiError, failBody, okBody, type RestEnvelope } from './restResponse';
import type { SessionStore } from './sessionStore';
import type { StatsRecorder } from './stats';
import type { StateSpelling } from './types';
import { authenticate, checkMethodAndPath, findApp, matchRestPath, parseJsonBody, parseRestQuery } from './validateRequest';

export interface RestEndpointDeps {
	apps: AppRegistry;
	commands: CommandRegistry;
	sessions: SessionStore;
	members: MemberDirectory;
	services: ServiceDirectory;
	chatbot: ChatbotDirectory;
	askBeforeContact: CommandContext['askBeforeContact'];
	applySteps: ApplySteps;
	faults: FaultController;
	stats: StatsRecorder;
	stateSpelling: () => StateSpelling;
	/** Aborted on close, so pending latency timers do not keep the process alive. */
	signal: AbortSignal;
}

const DESK_SERVICE = 'desk_http_svc';

export async function handleRestRequest(req: IncomingMessage, res: ServerResponse, url: URL, deps: RestEndpointDeps): Promise<void> {
	const { faults, stats } = deps;
	const target = matchRestPath(url.pathname);
	stats.observeRequest(target ? commandKey(target.service, target.command) : '(invalid path)', url.searchParams.get('sdkappid'), Date.now());
	const body = await readBody(req);

	const latency = faults.get().latencyMs;
	if (latency > 0 && !(await pause(latency, deps.signal))) return;

	const forced = faults.takeForcedFailure();
	if (forced !== undefined && forced < 1000) return answerHttpError(res, stats, forced);
	if (forced !== undefined) return answer(res, stats, failBody(forced, 'forced by the simulator (failNext)'));
	if (faults.rollHttp502()) return answerHttpError(res, stats, 502);

	let envelope: RestEnvelope;
	try {
		envelope = okBody(await runChecksAndCommand(req.method, url, body.text, body.tooLarge, deps));
	} catch (error) {
		if (!(error instanceof DeskApiError)) {
			// A simulator bug: make it loud rather than look like a Tencent answer.
			stats.recordAnswer(500);
			return sendText(res, 500, `Simulator error: ${(error as Error).message}`);
		}
		envelope = failBody(error.code, error.detail);
	}
	const lateBy = target ? faults.takeLateAnswer(commandKey(target.service, target.command)) : undefined;
	if (lateBy !== undefined && !(await pause(lateBy, deps.signal))) return;
	answer(res, stats, envelope);
}

/** Waits `ms`; false when the simulator is closing meanwhile (then nothing is answered). */
async function pause(ms: number, signal: AbortSignal): Promise<boolean> {
	try {
		await delay(ms, undefined, { signal });
		return true;
	} catch {
		return false;
	}
}

async function runChecksAndCommand(
	method: string | undefined,
	url: URL,
	rawBody: string,
	tooLarge: boolean,
	deps: RestEndpointDeps,
): Promise<Record<string, unknown>> {
	const target = checkMethodAndPath(method, url.pathname);
	const query = parseRestQuery(url.searchParams);
	const app = findApp(query, (id) => deps.apps.get(id));
	if (tooLarge) throw new DeskApiError(60003, 'the body is too large');
	const body = parseJsonBody(rawBody);
	authenticate(app, query, Math.floor(Date.now() / 1000), target.service);

	const handler = deps.commands.find(target.service, target.command);
	if (!handler) throw new DeskApiError(60002, `unknown command ${target.service}/${target.command}`);
	if (handler.requiresDesk && !app.desk) throw new DeskApiError(141000, `SDKAppID ${app.sdkAppId} has no Desk`);
	const isDesk = target.service === DESK_SERVICE;
	if (!deps.faults.admit(app.sdkAppId, Date.now())) {
		// Desk says 141009; the IM services say 60011 for the same per-SDKAppID limit.
		throw new DeskApiError(isDesk ? 141009 : 60011, `over ${deps.faults.get().rateLimitPerSecond} requests/s`);
	}
	if (isDesk && deps.faults.rollInternalError()) throw new DeskApiError(141002, 'injected by the simulator');
	const answer = await handler.handle({
		app,
		body,
		sessions: deps.sessions,
		stateSpelling: deps.stateSpelling(),
		members: deps.members.forApp(app.sdkAppId),
		applySteps: deps.applySteps,
		services: deps.services.forApp(app),
		chatbot: deps.chatbot.forApp(app.sdkAppId),
		askBeforeContact: deps.askBeforeContact,
	});
	return deps.faults.shapeAnswer(target.command, answer);
}

function answer(res: ServerResponse, stats: StatsRecorder, envelope: RestEnvelope): void {
	stats.recordAnswer(200, envelope.ErrorCode);
	sendJson(res, 200, envelope);
}

function answerHttpError(res: ServerResponse, stats: StatsRecorder, status: number): void {
	stats.recordAnswer(status);
	sendText(res, status, gatewayErrorText(status));
}

/**
 * Plays sessions: each step advances the in-memory session (so get_session_state agrees with
 * what was sent) and, for Desk events, sends its callback and waits for the ack, in order.
 */
import { setTimeout as delay } from 'timers/promises';

import type { AppRegistry } from './apps';
import { buildCallbackBody } from './callbackPayload';
import type { CallbackSender } from './callbackSender';
import { isScriptName, SCRIPTS, type ScriptName, type ScriptSession } from './scripts';
import type { AppliedStep, SessionStore } from './sessionStore';
import type { StatsRecorder } from './stats';
import type { CallbackResult, CallbackSendOptions, CallbackTarget, ChannelType, SessionStep } from './types';

/** A script name, the steps of one session, or several sessions. */
export type ScriptInput = ScriptName | ReadonlyArray<string | SessionStep> | readonly ScriptSession[];

export interface PlayOptions extends CallbackSendOptions {
	/** App whose sessions these are (SdkAppid, token); default: the default app. */
	sdkAppId?: number;
	/** Pause between callbacks. */
	intervalMs?: number;
	clientIP?: string;
	/** Called as each ack arrives (the control API and CLI log with it). */
	onResult?: (result: CallbackResult) => void;
}

export interface PlayerDeps {
	apps: AppRegistry;
	sessions: SessionStore;
	sender: CallbackSender;
	stats: StatsRecorder;
	signal: AbortSignal;
}

export function resolveScript(input: ScriptInput): readonly ScriptSession[] {
	if (typeof input === 'string') {
		if (!isScriptName(input)) throw new Error(`Unknown script "${input}" (known: ${Object.keys(SCRIPTS).join(', ')})`);
		return SCRIPTS[input];
	}
	if (!Array.isArray(input) || input.length === 0) throw new Error('A script needs at least one step');
	const isSessionList = input.every((item) => typeof item === 'object' && item !== null && 'steps' in item);
	return isSessionList ? (input as readonly ScriptSession[]) : [{ steps: input as Array<string | SessionStep> }];
}

export async function playScript(
	input: ScriptInput,
	target: CallbackTarget,
	options: PlayOptions,
	deps: PlayerDeps,
): Promise<CallbackResult[]> {
	const scriptSessions = resolveScript(input);
	const app = deps.apps.resolve(options.sdkAppId);
	// Check every path first, so a bad script sends nothing rather than half a story.
	for (const spec of scriptSessions) deps.sessions.checkSteps(spec.steps);

	const results: CallbackResult[] = [];
	for (const spec of scriptSessions) {
		const session = deps.sessions.create({
			sdkAppId: app.sdkAppId,
			clientUserId: spec.clientUserId,
			customerServiceId: spec.customerServiceId,
			channelType: spec.channelType,
			isContactUser: spec.isContactUser,
		});
		for (const step of spec.steps) {
			if (deps.signal.aborted) return results;
			const applied = deps.sessions.advance(session.sessionId, step);
			if (!applied.notified) continue;
			if (results.length > 0 && options.intervalMs) await pause(options.intervalMs, deps.signal);
			const result = await sendApplied(applied, target, options, deps);
			results.push(result);
			options.onResult?.(result);
		}
	}
	return results;
}

/** Send the callback of one applied step on behalf of its app. */
export async function sendApplied(
	applied: AppliedStep,
	target: CallbackTarget,
	options: PlayOptions,
	deps: PlayerDeps,
): Promise<CallbackResult> {
	const app = deps.apps.resolve(applied.session.sdkAppId);
	const result = await deps.sender.send(
		target,
		buildCallbackBody(applied),
		{ sdkAppId: app.sdkAppId, token: app.callbackToken },
		{
			retryOnFailure: options.retryOnFailure,
			retryDelayMs: options.retryDelayMs,
			timeoutMs: options.timeoutMs,
			clientIP: options.clientIP,
			optPlatform: optPlatformFor(applied.session.channelType),
		},
	);
	deps.stats.recordCallback(result);
	return result;
}

function optPlatformFor(channel: ChannelType): string {
	return channel === 'Web' ? 'Web' : 'RESTAPI';
}

async function pause(ms: number, signal: AbortSignal): Promise<void> {
	try {
		await delay(ms, undefined, { signal });
	} catch {
		// closing
	}
}

/**
 * Bursts of signed Desk callbacks from the simulator: `count` deliveries, at most `concurrency` in flight,
 * each with a chosen RequestID (repeat one to play a Desk retry). The simulator signs each one (Sign,
 * RequestTime) as Desk does; the acks and their latency are what Desk would see. Sent by the bench's load
 * generator (one for all the dev tools).
 */
import { runLoad } from '../loadGenerator';
import type { CallbackOverrides, CallbackResult } from '../../simulator';

export interface BurstDelivery {
	requestId: string;
	payload: object;
}

export interface BurstOutcome {
	requestId: string;
	status: number | null;
	responseText: string;
	latencyMs: number;
	error?: string;
}

/** The load generator's figures under the queue suite's names. */
export interface BurstResult {
	outcomes: BurstOutcome[];
	durationMs: number;
	/** Answered deliveries per second. */
	perSecond: number;
	acked: number;
	p50Ms: number;
	p99Ms: number;
	maxMs: number;
}

export interface CallbackSource {
	sendCallback(target: string, payload: object | string, overrides?: CallbackOverrides): Promise<CallbackResult>;
}

/** Send every delivery to `url`, `concurrency` at a time; `onProgress(done)` after each ack (e.g. to kill a worker mid-burst). */
export async function sendBurst(
	source: CallbackSource,
	url: string,
	deliveries: BurstDelivery[],
	concurrency: number,
	onProgress?: (done: number) => void,
): Promise<BurstResult> {
	const run = await runLoad(
		{ count: deliveries.length, concurrency, timeoutMs: 60_000, onProgress },
		async (index, timeoutMs): Promise<BurstOutcome> => {
			const { requestId, payload } = deliveries[index];
			const result = await source.sendCallback(url, payload, { requestId, timeoutMs });
			const { status, responseText, latencyMs, error } = result;
			return { requestId, status, responseText, latencyMs, ...(error !== undefined && { error }) };
		},
	);
	const { outcomes, durationMs, requestsPerSecond, ok, p50Ms, p99Ms, maxMs } = run;
	return { outcomes, durationMs, perSecond: requestsPerSecond, acked: ok, p50Ms, p99Ms, maxMs };
}

/** A Desk session event body (a customer message), as the trigger expects it. */
export function sessionEventPayload(session: { sessionId: string; clientUserId: string; customerServiceId: string }, index: number): object {
	return {
		CallbackCommand: 'Desk.SessionEventNotify',
		SessionId: session.sessionId,
		Event: 'ChatBot.UserSendMsg',
		EventTime: Date.now(),
		ChannelType: 'SDK',
		ClientUserId: session.clientUserId,
		CustomerServiceId: session.customerServiceId,
		MsgKey: `burst_${index}`,
		MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: `message ${index}` } }],
	};
}

/** `count` distinct RequestIDs `<prefix>-<n>` (a pattern `executionRows` can find in the run data). */
export function uniqueDeliveries(prefix: string, count: number, payloadFor: (index: number) => object): BurstDelivery[] {
	return Array.from({ length: count }, (_, index) => ({ requestId: `${prefix}-${index}`, payload: payloadFor(index) }));
}

/**
 * `count` deliveries carrying `count / 2` RequestIDs, each twice: the first half in order, then every one
 * again (a Desk retry, same RequestID and body) in a shuffled order, so where the retry lands does not follow
 * where the original went.
 */
export function repeatedDeliveries(prefix: string, count: number, payloadFor: (index: number) => object, seed = 7): BurstDelivery[] {
	const originals = uniqueDeliveries(prefix, Math.floor(count / 2), payloadFor);
	const retries = [...originals];
	let state = seed;
	const random = () => {
		state = (state * 1103515245 + 12345) % 2147483648;
		return state / 2147483648;
	};
	for (let i = retries.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[retries[i], retries[j]] = [retries[j], retries[i]];
	}
	return [...originals, ...retries];
}

/**
 * Bursts of signed Desk callbacks from the simulator: `count` deliveries, at most `concurrency` in flight,
 * each with a chosen RequestID (repeat one to play a Desk retry). The simulator signs each one (Sign,
 * RequestTime) as Desk does; the acks and their latency are what Desk would see.
 */
import { performance } from 'node:perf_hooks';

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

export function percentileOf(values: number[], p: number): number {
	if (values.length === 0) return Number.NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const rank = Math.ceil((p / 100) * sorted.length);
	return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

/** Send every delivery to `url`, `concurrency` at a time; `onProgress(done)` after each ack (e.g. to kill a worker mid-burst). */
export async function sendBurst(
	source: CallbackSource,
	url: string,
	deliveries: BurstDelivery[],
	concurrency: number,
	onProgress?: (done: number) => void,
): Promise<BurstResult> {
	const outcomes = new Array<BurstOutcome>(deliveries.length);
	let next = 0;
	let done = 0;
	const lane = async () => {
		while (next < deliveries.length) {
			const index = next++;
			const { requestId, payload } = deliveries[index];
			const result = await source.sendCallback(url, payload, { requestId, timeoutMs: 60_000 });
			outcomes[index] = {
				requestId,
				status: result.status,
				responseText: result.responseText,
				latencyMs: result.latencyMs,
				...(result.error !== undefined && { error: result.error }),
			};
			done++;
			onProgress?.(done);
		}
	};
	const started = performance.now();
	await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, deliveries.length)) }, lane));
	const durationMs = performance.now() - started;
	const latencies = outcomes.map((outcome) => outcome.latencyMs);
	return {
		outcomes,
		durationMs,
		perSecond: deliveries.length / (durationMs / 1000),
		acked: outcomes.filter((outcome) => outcome.status === 200).length,
		p50Ms: percentileOf(latencies, 50),
		p99Ms: percentileOf(latencies, 99),
		maxMs: percentileOf(latencies, 100),
	};
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

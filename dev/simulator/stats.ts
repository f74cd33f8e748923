/** Request and callback counters, and the peak request rate the clients reached. */
import { SlidingWindow } from './slidingWindow';
import type { CallbackResult } from './types';

export interface SimulatorStats {
	/** ISO time of the start or last reset. */
	since: string;
	totalRequests: number;
	/** By `service/command` (as requested, known or not). */
	byCommand: Record<string, number>;
	/** By the ErrorCode answered ('0' = OK); HTTP-level faults are under byHttpStatus only. */
	byErrorCode: Record<string, number>;
	byHttpStatus: Record<string, number>;
	/** Most REST requests seen within any 1 s (sliding), all apps together. */
	peakRequestsPerSecond: number;
	/** The same per query `sdkappid`. */
	peakRequestsPerSecondByApp: Record<string, number>;
	callbacks: { sent: number; attempts: number; failed: number };
}

export class StatsRecorder {
	private stats!: SimulatorStats;
	private overall!: SlidingWindow;
	private perApp!: Map<string, SlidingWindow>;

	constructor() {
		this.reset();
	}

	reset(): void {
		this.stats = {
			since: new Date().toISOString(),
			totalRequests: 0,
			byCommand: {},
			byErrorCode: {},
			byHttpStatus: {},
			peakRequestsPerSecond: 0,
			peakRequestsPerSecondByApp: {},
			callbacks: { sent: 0, attempts: 0, failed: 0 },
		};
		this.overall = new SlidingWindow();
		this.perApp = new Map();
	}

	/** Count an arriving REST request (before any fault or check). */
	observeRequest(command: string, sdkAppId: string | null, now: number): void {
		this.stats.totalRequests++;
		increment(this.stats.byCommand, command);
		this.stats.peakRequestsPerSecond = Math.max(this.stats.peakRequestsPerSecond, this.overall.add(now));
		if (sdkAppId) {
			let window = this.perApp.get(sdkAppId);
			if (!window) this.perApp.set(sdkAppId, (window = new SlidingWindow()));
			const rate = window.add(now);
			this.stats.peakRequestsPerSecondByApp[sdkAppId] = Math.max(this.stats.peakRequestsPerSecondByApp[sdkAppId] ?? 0, rate);
		}
	}

	recordAnswer(httpStatus: number, errorCode?: number): void {
		increment(this.stats.byHttpStatus, String(httpStatus));
		if (errorCode !== undefined) increment(this.stats.byErrorCode, String(errorCode));
	}

	recordCallback(result: CallbackResult): void {
		this.stats.callbacks.sent++;
		this.stats.callbacks.attempts += result.attempts.length;
		if (!result.ok) this.stats.callbacks.failed++;
	}

	snapshot(): SimulatorStats {
		return structuredClone(this.stats);
	}
}

function increment(counts: Record<string, number>, key: string): void {
	counts[key] = (counts[key] ?? 0) + 1;
}

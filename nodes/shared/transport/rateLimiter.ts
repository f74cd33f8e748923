import { sleep } from 'n8n-workflow';

/**
 * Spaces out request starts so that one execution stays under a requests-per-second budget
 * (Tencent answers 141009 above its limit, about 200/s per SDKAppID). Shared by all the
 * concurrent workers of one execution.
 */
export class RateLimiter {
	private nextSlot = 0;

	private readonly intervalMs: number;

	constructor(requestsPerSecond: number) {
		this.intervalMs = requestsPerSecond > 0 ? 1000 / requestsPerSecond : 0;
	}

	async acquire(): Promise<void> {
		if (this.intervalMs === 0) return;
		const now = Date.now();
		const slot = Math.max(now, this.nextSlot);
		this.nextSlot = slot + this.intervalMs;
		if (slot > now) await sleep(slot - now);
	}
}

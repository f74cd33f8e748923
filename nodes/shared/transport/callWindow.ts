import { sleep } from 'n8n-workflow';

/**
 * At most `limit` calls in any `windowMs`, as the server counts them. The server sees a call arrive
 * somewhere between its start and its answer, so a call holds its place from its start until
 * `windowMs` after its answer: however the network delays arrivals, no more than `limit` of them can
 * land in one window. Spacing alone (RateLimiter) cannot promise that when one request is slow to leave.
 */
export class CallWindow {
	private inFlight = 0;
	/** Answer times of finished calls still inside the window, oldest first. */
	private finished: number[] = [];

	constructor(
		private readonly limit: number,
		private readonly windowMs = 1000,
		/** How often a waiter looks again while every place is held by a call in flight. */
		private readonly pollMs = 20,
	) {}

	/** Waits for a place; call the returned function once the answer (or failure) is in. */
	async enter(): Promise<() => void> {
		for (;;) {
			const now = Date.now();
			while (this.finished.length > 0 && this.finished[0] <= now - this.windowMs) this.finished.shift();
			if (this.inFlight + this.finished.length < this.limit) break;
			const freeAt = this.inFlight < this.limit ? this.finished[0] + this.windowMs + 1 : now + this.pollMs;
			await sleep(Math.max(1, Math.min(freeAt, now + this.pollMs * 5) - now));
		}
		this.inFlight++;
		let left = false;
		return () => {
			if (left) return;
			left = true;
			this.inFlight--;
			this.finished.push(Date.now());
		};
	}
}

/**
 * Remembers recent `RequestID`s so that Desk's retries of one callback run the workflow once.
 * In memory, per process: every entry has the same lifetime, so insertion order is expiry
 * order and pruning from the front is O(1) per entry. The check-and-remember is synchronous,
 * so concurrent requests in one process cannot both pass.
 */
const MAX_REMEMBERED = 100_000;

export class DeliveryDeduplicator {
	private readonly seen = new Map<string, number>();

	/** True the first time `requestId` is seen within `windowMs` (and remembers it). */
	firstDelivery(requestId: string, nowMs: number, windowMs: number): boolean {
		this.prune(nowMs);
		const expiresAt = this.seen.get(requestId);
		if (expiresAt !== undefined && expiresAt > nowMs) return false;
		this.seen.delete(requestId);
		this.seen.set(requestId, nowMs + windowMs);
		if (this.seen.size > MAX_REMEMBERED) this.seen.delete(this.seen.keys().next().value as string);
		return true;
	}

	get size(): number {
		return this.seen.size;
	}

	private prune(nowMs: number): void {
		for (const [requestId, expiresAt] of this.seen) {
			if (expiresAt > nowMs) break;
			this.seen.delete(requestId);
		}
	}
}

const byTrigger = new Map<string, DeliveryDeduplicator>();

/** One memory per workflow trigger node, shared by all its requests in this process. */
export function deduplicatorFor(key: string): DeliveryDeduplicator {
	let deduplicator = byTrigger.get(key);
	if (!deduplicator) {
		deduplicator = new DeliveryDeduplicator();
		byTrigger.set(key, deduplicator);
	}
	return deduplicator;
}

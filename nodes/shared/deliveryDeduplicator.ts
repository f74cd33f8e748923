/**
 * Remembers recent `RequestID`s so that Desk's retries of one callback run the workflow once.
 * In memory, per process: every entry has the same lifetime, so insertion order is expiry
 * order and pruning from the front is O(1) per entry. The check-and-remember is synchronous,
 * so concurrent requests in one process cannot both pass. Each first delivery may keep a value
 * (the Decision Trigger keeps the answer Desk got, to give it again to a retry).
 */
const MAX_REMEMBERED = 100_000;

export type Delivery<T> = { first: true; kept: T } | { first: false; kept: T | undefined };

export class DeliveryDeduplicator<T = true> {
	private readonly seen = new Map<string, { expiresAt: number; kept: T }>();

	/** True the first time `requestId` is seen within `windowMs` (and remembers it). */
	firstDelivery(requestId: string, nowMs: number, windowMs: number): boolean {
		return this.deliver(requestId, nowMs, windowMs, () => true as T).first;
	}

	/**
	 * The first delivery of `requestId` within `windowMs` keeps what `keep()` returns; a repeat gets
	 * the first one's, or undefined when the memory is full and dropped it.
	 */
	deliver(requestId: string, nowMs: number, windowMs: number, keep: () => T): Delivery<T> {
		this.prune(nowMs);
		const entry = this.seen.get(requestId);
		if (entry !== undefined && entry.expiresAt > nowMs) return { first: false, kept: entry.kept };
		this.seen.delete(requestId);
		const kept = keep();
		this.seen.set(requestId, { expiresAt: nowMs + windowMs, kept });
		if (this.seen.size > MAX_REMEMBERED) this.seen.delete(this.seen.keys().next().value as string);
		return { first: true, kept };
	}

	get size(): number {
		return this.seen.size;
	}

	private prune(nowMs: number): void {
		for (const [requestId, { expiresAt }] of this.seen) {
			if (expiresAt > nowMs) break;
			this.seen.delete(requestId);
		}
	}
}

const byTrigger = new Map<string, DeliveryDeduplicator<unknown>>();

/** One memory per workflow trigger node, shared by all its requests in this process. */
export function deduplicatorFor<T = true>(key: string): DeliveryDeduplicator<T> {
	let deduplicator = byTrigger.get(key);
	if (!deduplicator) {
		deduplicator = new DeliveryDeduplicator<unknown>();
		byTrigger.set(key, deduplicator);
	}
	return deduplicator as DeliveryDeduplicator<T>;
}

/**
 * How many decisions of one trigger are in progress in this process: accepted for the workflow to
 * answer, and not yet released by n8n (it wrote the workflow's answer, or its own reply after the
 * run). Above what the process can answer in time, every new callback would only lengthen the wait
 * of all the others, so the trigger answers it with the fallback at once and starts no execution:
 * when `limit` are in progress, or when OVERDUE_TO_SHED of them are still running past the answer
 * deadline (the process is behind: a new one would be late too). One slow run alone does not count
 * as behind.
 *
 * A decision n8n never releases (a crashed run) stops counting after STALE_AFTER_MS: far beyond
 * Desk's 2 s, so a stuck run cannot block the trigger for good.
 */
export const STALE_AFTER_MS = 60_000;
export const OVERDUE_TO_SHED = 3;

export interface DecisionSlot {
	/** Ends this decision's count; later calls do nothing. */
	release(): void;
}

export class DecisionsInProgress {
	/** Start times, oldest first (insertion order). */
	private readonly started = new Map<number, number>();
	private nextId = 0;
	private shedding = false;

	/**
	 * A slot for one more decision, or undefined when `limit` are already in progress. `onShedding`
	 * hears when refusing starts (true) and stops (false), so the log gets two lines, not one per callback.
	 */
	admit(
		limit: number,
		nowMs: number,
		overdueAfterMs: number,
		onShedding?: (shedding: boolean, inProgress: number) => void,
	): DecisionSlot | undefined {
		let overdue = 0;
		for (const [id, startedAt] of this.started) {
			if (nowMs - startedAt >= STALE_AFTER_MS) this.started.delete(id);
			else if (nowMs - startedAt >= overdueAfterMs && overdue < OVERDUE_TO_SHED) overdue++;
			else break;
		}
		const refuse = this.started.size >= limit || overdue >= OVERDUE_TO_SHED;
		if (refuse !== this.shedding) {
			this.shedding = refuse;
			onShedding?.(refuse, this.started.size);
		}
		if (refuse) return undefined;
		const id = this.nextId++;
		this.started.set(id, nowMs);
		return { release: () => this.started.delete(id) };
	}

	get count(): number {
		return this.started.size;
	}
}

const byTrigger = new Map<string, DecisionsInProgress>();

/** One count per workflow trigger node, shared by all its requests in this process. */
export function decisionsInProgressFor(key: string): DecisionsInProgress {
	let counter = byTrigger.get(key);
	if (!counter) {
		counter = new DecisionsInProgress();
		byTrigger.set(key, counter);
	}
	return counter;
}

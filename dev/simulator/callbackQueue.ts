/**
 * Callbacks caused by REST actions go out after the answer, one at a time in order, like Desk
 * sends them asynchronously. `settled()` lets tests wait until everything queued was acknowledged.
 */
export class CallbackQueue {
	private tail: Promise<void> = Promise.resolve();

	enqueue(task: () => Promise<unknown>): void {
		// A failed delivery is recorded by the sender; it must not stop the ones behind it.
		this.tail = this.tail.then(task).then(
			() => undefined,
			() => undefined,
		);
	}

	/** Resolves once the queue is empty, including tasks queued while waiting. */
	async settled(): Promise<void> {
		let current: Promise<void>;
		do {
			current = this.tail;
			await current;
		} while (current !== this.tail);
	}
}

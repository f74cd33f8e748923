/** Counts events in the last `spanMs` (a sliding window, not fixed buckets). */
export class SlidingWindow {
	private times: number[] = [];
	private head = 0;

	constructor(private readonly spanMs = 1000) {}

	/** Events still inside the window at `now`. */
	count(now: number): number {
		this.prune(now);
		return this.times.length - this.head;
	}

	add(now: number): number {
		this.prune(now);
		this.times.push(now);
		return this.times.length - this.head;
	}

	private prune(now: number): void {
		const oldest = now - this.spanMs;
		while (this.head < this.times.length && this.times[this.head] <= oldest) this.head++;
		// Compact now and then instead of shifting on every event (benchmarks send thousands).
		if (this.head > 1024 && this.head * 2 > this.times.length) {
			this.times = this.times.slice(this.head);
			this.head = 0;
		}
	}
}

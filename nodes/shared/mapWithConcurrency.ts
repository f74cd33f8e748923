/**
 * Runs `worker` for indexes 0..count-1 with at most `concurrency` in flight, keeping results in
 * index order. Indexes with the same key (`keyOf`; undefined = no key) run one after another in
 * index order, so writes to one Desk object (three messages to one session) land in item order
 * whatever the concurrency, while unrelated items still overlap. After the first failure no new
 * work starts; in-flight work settles, then the first error is thrown (so no request is left
 * dangling when the node fails).
 */
export async function mapWithConcurrency<T>(
	count: number,
	concurrency: number,
	worker: (index: number) => Promise<T>,
	keyOf?: (index: number) => string | undefined,
): Promise<T[]> {
	const results = new Array<T>(count);
	const chains = chainsByKey(count, keyOf);
	let next = 0;
	let failure: { error: unknown } | undefined;

	// A lane takes a whole chain: its items cannot overlap anyway, and taking it whole keeps them in order.
	async function lane(): Promise<void> {
		while (next < chains.length && !failure) {
			for (const index of chains[next++]) {
				if (failure) return;
				try {
					results[index] = await worker(index);
				} catch (error) {
					failure ??= { error };
				}
			}
		}
	}

	const lanes = Math.max(1, Math.min(Math.floor(concurrency) || 1, chains.length));
	await Promise.all(Array.from({ length: lanes }, lane));
	if (failure) throw failure.error;
	return results;
}

/**
 * The indexes grouped into chains that must run one after another: one chain per key (in index
 * order), one per index without a key; chains ordered by their first index.
 */
export function chainsByKey(count: number, keyOf?: (index: number) => string | undefined): number[][] {
	const chains: number[][] = [];
	const chainOf = new Map<string, number[]>();
	for (let index = 0; index < count; index++) {
		const key = keyOf?.(index);
		const chain = key === undefined ? undefined : chainOf.get(key);
		if (chain) {
			chain.push(index);
			continue;
		}
		const started = [index];
		chains.push(started);
		if (key !== undefined) chainOf.set(key, started);
	}
	return chains;
}

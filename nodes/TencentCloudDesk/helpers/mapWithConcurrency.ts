/**
 * Runs `worker` for indexes 0..count-1 with at most `concurrency` in flight, keeping results in
 * index order. After the first failure no new work starts; in-flight work settles, then the
 * first error is thrown (so no request is left dangling when the node fails).
 */
export async function mapWithConcurrency<T>(
	count: number,
	concurrency: number,
	worker: (index: number) => Promise<T>,
): Promise<T[]> {
	const results = new Array<T>(count);
	let next = 0;
	let failure: { error: unknown } | undefined;

	async function lane(): Promise<void> {
		while (next < count && !failure) {
			const index = next++;
			try {
				results[index] = await worker(index);
			} catch (error) {
				failure ??= { error };
			}
		}
	}

	const lanes = Math.max(1, Math.min(Math.floor(concurrency) || 1, count));
	await Promise.all(Array.from({ length: lanes }, lane));
	if (failure) throw failure.error;
	return results;
}

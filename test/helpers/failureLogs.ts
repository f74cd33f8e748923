/** Printing logs of the processes under test when a test fails (the e2e and queue suites). */

/** After a failed test, prints `label` and the logs (when there are any yet). */
export function logOnFailure(label: string, logs: () => string | undefined): void {
	afterEach(() => {
		const state = expect.getState();
		if (state.assertionCalls === state.numPassingAsserts) return;
		const text = logs();
		if (text !== undefined) console.log(`${label} for "${state.currentTestName}":\n${text}`);
	});
}

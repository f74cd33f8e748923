/**
 * Shared setup for the action-node operation tests (test/integration/*Operations.test.ts): one simulator
 * per test file, reset before each test, the node run through execute() against it, and parameter builders.
 */
import type { DeskSimulator } from '../../dev/simulator';
import { startDeskSimulator } from '../../dev/simulator';
import { actionNodeRunner, type ActionNodeRunner } from './actionNode';
import type { Parameters } from './executeContext';

export interface DeskOperations extends Pick<ActionNodeRunner, 'run' | 'runExpectingError'> {
	/** The running simulator (set in beforeAll). */
	readonly simulator: DeskSimulator;
	/** The session's state through the node's own Get State. */
	stateOf(sessionId: string): Promise<Record<string, unknown>>;
}

/** Starts a simulator for this test file (beforeAll), resets it before each test, closes it after all. */
export function useDeskOperations(): DeskOperations {
	let simulator: DeskSimulator | undefined;
	const running = (): DeskSimulator => {
		if (!simulator) throw new Error('the simulator is not running (use it inside a test)');
		return simulator;
	};
	const { run, runExpectingError } = actionNodeRunner(running);

	beforeAll(async () => {
		simulator = await startDeskSimulator();
	});
	afterAll(async () => {
		await simulator?.close();
	});
	beforeEach(() => {
		running().reset();
	});

	return {
		get simulator() {
			return running();
		},
		run,
		runExpectingError,
		async stateOf(sessionId: string) {
			const { output } = await run(session('getState', { lookupBy: 'sessionId', sessionId }));
			return output[0].json;
		},
	};
}

/** Parameters of a Session operation. */
export const session = (operation: string, parameters: Parameters = {}): Parameters => ({
	resource: 'session',
	operation,
	options: {},
	...parameters,
});

/** A resource locator value picked "By ID". */
export const byId = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });

/** A resource locator value picked "By Email". */
export const byEmail = (value: string) => ({ __rl: true, mode: 'email', value });

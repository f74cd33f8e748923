/**
 * Shared setup for the tests of the simulator's Desk actions (end_session, end_queuing, transfer_session,
 * send_msg, set_member_status): a simulator with a second app whose callback URL is a local receiver, so each
 * test can read the callbacks an action sent and the state it left.
 */
import { SEED_AGENTS, type DeskSimulator, type RestEnvelope } from '..';
import { CallbackReceiver, OTHER_APP, sessionIn, useSimulator, type Phase } from './helpers';

export interface DeskActions {
	readonly sim: DeskSimulator;
	readonly receiver: CallbackReceiver;
	/** Calls a desk_http_svc command on this simulator or `target`. */
	call(command: string, body?: unknown, target?: DeskSimulator): Promise<RestEnvelope>;
	/** The callbacks the session got, once every action callback has been delivered. */
	callbacks(sessionId: string): Promise<Array<Record<string, unknown>>>;
	/** Their events, in order. */
	events(sessionId: string): Promise<string[]>;
	/** get_session_state of the session. */
	state(sessionId: string, target?: DeskSimulator): Promise<RestEnvelope>;
	/** A fresh session in `phase`, built silently (no callbacks), so tests do not share state. */
	sessionIn(phase: Phase, target?: DeskSimulator): string;
}

/** One such simulator (and receiver) for the test file. */
export function useDeskActions(): DeskActions {
	const receiver = new CallbackReceiver();
	const simulator = useSimulator(() => ({ apps: [OTHER_APP], callbackUrl: receiver.url, faults: { rateLimitPerSecond: 0 } }), receiver);
	const callbacks = async (sessionId: string) => {
		await simulator.sim.callbacksSettled();
		return receiver.forSession(sessionId);
	};
	return {
		get sim() {
			return simulator.sim;
		},
		receiver,
		call: simulator.call,
		callbacks,
		events: async (sessionId) => (await callbacks(sessionId)).map((body) => body.Event as string),
		state: (sessionId, target) => simulator.call('get_session_state', { SessionId: sessionId }, target),
		sessionIn: (phase, target) => sessionIn(target ?? simulator.sim, phase),
	};
}

/** The first free seed agent (that passes `filter`). */
export const firstFree = (filter: (agent: (typeof SEED_AGENTS)[number]) => boolean = () => true) =>
	SEED_AGENTS.find((agent) => agent.status === 'STATUS_FREE' && filter(agent))?.email;

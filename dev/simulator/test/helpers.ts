/**
 * Shared setup for the simulator's tests over real HTTP: one simulator per test file, a local server that
 * stands in for the app's callback URL (n8n's webhook), and sessions built silently in a given phase.
 */
import http from 'http';

import { generateUserSig } from '../../../nodes/shared/userSig';
import {
	callDeskApi,
	DEFAULT_ADMIN_IDENTIFIER,
	DEFAULT_SDK_APP_ID,
	DEFAULT_SECRET_KEY,
	startDeskSimulator,
	WAITING_FOR_AGENT_STEP,
	type DeskSimulator,
	type DeskSimulatorOptions,
	type RestEnvelope,
	type SessionStep,
} from '..';

/** Desk's expected answer to a callback. */
export const ACK_BODY = '{"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0}';

/** A second Desk app on the same simulator: its sessions are foreign to the default app. */
export const OTHER_APP = { sdkAppId: 1400000003, secretKey: 'e'.repeat(64), customerServiceId: '@other_cs' };

/** An app without Desk (plain Chat). */
export const PLAIN_APP = { sdkAppId: 1400000002, secretKey: 'f'.repeat(64), desk: false };

/** A session ID no simulator has. */
export const UNKNOWN_SESSION = '00000000-0000-4000-8000-000000000000';

export interface Received {
	method: string;
	path: string;
	query: Record<string, string>;
	contentType: string | undefined;
	body: string;
}

export type Reply = (index: number) => { status: number; body: string } | 'hang';

const ackEverything: Reply = () => ({ status: 200, body: ACK_BODY });

/** A stand-in for the callback URL: records every callback, answers what `reply` says (by default, the ack). */
export class CallbackReceiver {
	readonly received: Received[] = [];
	reply: Reply = ackEverything;
	url = '';
	private readonly server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const url = new URL(req.url ?? '/', 'http://x');
			this.received.push({
				method: req.method ?? '',
				path: url.pathname,
				query: Object.fromEntries(url.searchParams),
				contentType: req.headers['content-type'],
				body: Buffer.concat(chunks).toString('utf8'),
			});
			const answer = this.reply(this.received.length - 1);
			if (answer === 'hang') return;
			res.writeHead(answer.status, { 'Content-Type': 'application/json' }).end(answer.body);
		});
	});

	async start(): Promise<void> {
		await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
		this.url = `http://127.0.0.1:${(this.server.address() as { port: number }).port}/webhook/desk`;
	}

	/** Every body received, parsed. */
	bodies(): Array<Record<string, unknown>> {
		return this.received.map((r) => JSON.parse(r.body));
	}

	/** The callbacks received for one session. */
	receivedFor(sessionId: string): Received[] {
		return this.received.filter((r) => JSON.parse(r.body).SessionId === sessionId);
	}

	/** The bodies received for one session, parsed. */
	forSession(sessionId: string): Array<Record<string, unknown>> {
		return this.receivedFor(sessionId).map((r) => JSON.parse(r.body));
	}

	/** Forget what was received and ack again. */
	reset(): void {
		this.received.length = 0;
		this.reply = ackEverything;
	}

	close(): Promise<void> {
		return new Promise((resolve) => {
			this.server.close(() => resolve());
			this.server.closeAllConnections();
		});
	}
}

export interface SimulatorUnderTest {
	/** The running simulator (set in beforeAll). */
	readonly sim: DeskSimulator;
	/** Seconds when the simulator started: it seeded its sessions relative to (about) this moment. */
	readonly startedAt: number;
	/** Calls a desk_http_svc command, signed as the default app, on this simulator or `target`. */
	call(command: string, body?: unknown, target?: DeskSimulator): Promise<RestEnvelope>;
}

/**
 * One simulator for the test file: started in beforeAll (after `receiver`, if given, so options can name its
 * URL), closed with the receiver in afterAll.
 */
export function useSimulator(options: () => DeskSimulatorOptions = () => ({}), receiver?: CallbackReceiver): SimulatorUnderTest {
	let sim: DeskSimulator | undefined;
	let startedAt = 0;
	const running = (): DeskSimulator => {
		if (!sim) throw new Error('the simulator is not running (use it inside a test)');
		return sim;
	};

	beforeAll(async () => {
		if (receiver) await receiver.start();
		startedAt = Math.floor(Date.now() / 1000);
		sim = await startDeskSimulator(options());
	});

	afterAll(async () => {
		await sim?.close();
		await receiver?.close();
	});

	return {
		get sim() {
			return running();
		},
		get startedAt() {
			return startedAt;
		},
		call: (command, body = {}, target = running()) => callDeskApi(target.url, `desk_http_svc/${command}`, body),
	};
}

/** The steps (without callbacks) that bring a new session into each phase. */
export const TO_PHASE = {
	NotInSession: [],
	Chatbot: ['SessionBegin', 'ChatBot.UserSendMsg'],
	Queuing: ['SessionBegin', 'TransferringToHuman', 'TransferringToHumanWait'],
	WaitingForAgentAnswering: ['SessionBegin', 'TransferringToHuman', { event: WAITING_FOR_AGENT_STEP, agentId: 'bob@example.com' }],
	Agent: ['SessionBegin', 'TransferringToHuman', { event: 'TransferToHumanSuccess', agentId: 'alice@example.com' }],
	Ended: ['SessionBegin', 'SessionUserEnd', 'SessionEnd'],
} satisfies Record<string, Array<string | SessionStep>>;

export type Phase = keyof typeof TO_PHASE;

/** A fresh session in `phase`, built silently (no callbacks), so tests do not share state. */
export function sessionIn(sim: DeskSimulator, phase: Phase): string {
	const { sessionId } = sim.sessions.create();
	for (const step of TO_PHASE[phase] as Array<string | SessionStep>) sim.sessions.advance(sessionId, step);
	return sessionId;
}

/** get_session_state of the default app, signed and sent by hand (not through the simulator's own client). */
export async function sessionState(sim: DeskSimulator, sessionId: string): Promise<Record<string, unknown>> {
	const usersig = generateUserSig(
		{ sdkAppId: DEFAULT_SDK_APP_ID, identifier: DEFAULT_ADMIN_IDENTIFIER, time: Math.floor(Date.now() / 1000), expire: 600 },
		DEFAULT_SECRET_KEY,
	);
	const url = `${sim.url}/v4/desk_http_svc/get_session_state?sdkappid=${DEFAULT_SDK_APP_ID}&identifier=${DEFAULT_ADMIN_IDENTIFIER}&usersig=${usersig}&random=7&contenttype=json`;
	return (await (await fetch(url, { method: 'POST', body: JSON.stringify({ SessionId: sessionId }) })).json()) as Record<string, unknown>;
}

/**
 * The simulator's callbacks, received by a real local HTTP server: query and Sign, bodies,
 * RequestIDs, acks, retries, forged callbacks, and agreement with get_session_state.
 */
import { createHash } from 'crypto';
import http from 'http';

import { DESK_EVENTS, findDeskEvent, SESSION_EVENT_COMMAND } from '../../../nodes/shared/events';
import { generateUserSig } from '../../../nodes/shared/userSig';
import {
	DEFAULT_ADMIN_IDENTIFIER,
	DEFAULT_CALLBACK_TOKEN,
	DEFAULT_CUSTOMER_SERVICE_ID,
	DEFAULT_SDK_APP_ID,
	DEFAULT_SECRET_KEY,
	InvalidTransitionError,
	startDeskSimulator,
	type CallbackResult,
	type DeskSimulator,
} from '..';

interface Received {
	method: string;
	path: string;
	query: Record<string, string>;
	contentType: string | undefined;
	body: string;
}

/** A stand-in for the n8n webhook: records everything, answers what `reply` says. */
class Receiver {
	readonly received: Received[] = [];
	reply: (index: number) => { status: number; body: string } | 'hang' = () => ({ status: 200, body: '{"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0}' });
	url = '';
	private server = http.createServer((req, res) => {
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

	bodies(): Array<Record<string, unknown>> {
		return this.received.map((r) => JSON.parse(r.body));
	}

	reset(): void {
		this.received.length = 0;
		this.reply = () => ({ status: 200, body: '{"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0}' });
	}

	close(): Promise<void> {
		return new Promise((resolve) => {
			this.server.close(() => resolve());
			this.server.closeAllConnections();
		});
	}
}

let sim: DeskSimulator;
const receiver = new Receiver();

beforeAll(async () => {
	await receiver.start();
	sim = await startDeskSimulator({ faults: { rateLimitPerSecond: 0 } });
});

afterAll(async () => {
	await sim.close();
	await receiver.close();
});

beforeEach(() => receiver.reset());

/** Independent of the package's computeCallbackSign: the documented formula. */
function expectedSign(token: string, requestTime: string): string {
	return createHash('sha256').update(token + requestTime).digest('hex');
}

async function sessionState(sessionId: string): Promise<Record<string, unknown>> {
	const usersig = generateUserSig(
		{ sdkAppId: DEFAULT_SDK_APP_ID, identifier: DEFAULT_ADMIN_IDENTIFIER, time: Math.floor(Date.now() / 1000), expire: 600 },
		DEFAULT_SECRET_KEY,
	);
	const url = `${sim.url}/v4/desk_http_svc/get_session_state?sdkappid=${DEFAULT_SDK_APP_ID}&identifier=${DEFAULT_ADMIN_IDENTIFIER}&usersig=${usersig}&random=7&contenttype=json`;
	return (await (await fetch(url, { method: 'POST', body: JSON.stringify({ SessionId: sessionId }) })).json()) as Record<string, unknown>;
}

function expectWellFormed(received: Received, token = DEFAULT_CALLBACK_TOKEN): void {
	expect(received.method).toBe('POST');
	expect(received.path).toBe('/webhook/desk');
	expect(received.contentType).toMatch(/^application\/json/);
	const { query } = received;
	expect(query).toMatchObject({ SdkAppid: String(DEFAULT_SDK_APP_ID), CallbackCommand: SESSION_EVENT_COMMAND, contenttype: 'json' });
	expect(query.ClientIP).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
	expect(['RESTAPI', 'Web']).toContain(query.OptPlatform);
	expect(query.RequestID).toMatch(/^[\w-]{8,}$/);
	expect(Math.abs(Number(query.RequestTime) - Date.now() / 1000)).toBeLessThan(30);
	expect(query.Sign).toBe(expectedSign(token, query.RequestTime));
}

/** Plays once in beforeAll; keeps its own copy because beforeEach empties the receiver. */
function playOnce(script: 'noAgentOnline' | 'allEvents', reply?: Receiver['reply']) {
	const played = { results: [] as CallbackResult[], received: [] as Received[], bodies: [] as Array<Record<string, unknown>> };
	beforeAll(async () => {
		receiver.reset();
		if (reply) receiver.reply = reply;
		played.results = await sim.playScript(script, { url: receiver.url });
		played.received = [...receiver.received];
		played.bodies = receiver.bodies();
	});
	return played;
}

describe('playScript noAgentOnline', () => {
	const played = playOnce('noAgentOnline', (index) => ({ status: 200, body: `{"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0,"n":${index}}` }));

	it('sends the five events in order, as well-formed signed callbacks', () => {
		expect(played.received.map((r) => JSON.parse(r.body).Event)).toEqual([
			'SessionBegin',
			'ChatBot.UserSendMsg',
			'ChatBot.RobotSendMsg',
			'TransferringToHuman',
			'NoAgentOnline',
		]);
		played.received.forEach((received) => expectWellFormed(received));
		expect(new Set(played.received.map((r) => r.query.RequestID)).size).toBe(5);
	});

	it('fills the body like the spec sample', () => {
		const bodies = played.bodies;
		const sessionId = bodies[0].SessionId as string;
		expect(sessionId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
		let lastTime = 0;
		for (const body of bodies) {
			expect(body).toMatchObject({
				CallbackCommand: SESSION_EVENT_COMMAND,
				SessionId: sessionId,
				ChannelType: 'SDK',
				CustomerServiceId: DEFAULT_CUSTOMER_SERVICE_ID,
				AgentId: '',
				IsContactUser: false,
			});
			expect(body.ClientUserId).toBe(bodies[0].ClientUserId);
			expect(Number.isInteger(body.EventTime)).toBe(true);
			expect(Math.abs((body.EventTime as number) - Date.now())).toBeLessThan(30_000);
			expect(body.EventTime as number).toBeGreaterThanOrEqual(lastTime);
			lastTime = body.EventTime as number;
			if (findDeskEvent(body.Event as string)?.isMessage) {
				expect(body.MsgKey).toMatch(/^\d+_\d+_\d+$/);
				expect(body.MsgBody).toEqual([{ MsgType: 'TIMTextElem', MsgContent: { Text: expect.any(String) } }]);
				expect(typeof body.CloudCustomData).toBe('string');
			} else {
				expect(body).not.toHaveProperty('MsgBody');
				expect(body).not.toHaveProperty('MsgKey');
			}
			expect(body).not.toHaveProperty('SatisfactionSelected');
		}
		expect((bodies[1].MsgBody as Array<{ MsgContent: { Text: string } }>)[0].MsgContent.Text).toBe('How to request a refund?');
	});

	it('records every ack: status, raw text, latency, and what was sent', () => {
		expect(played.results).toHaveLength(5);
		played.results.forEach((result, index) => {
			expect(result).toMatchObject({ ok: true, status: 200, event: played.bodies[index].Event, requestId: played.received[index].query.RequestID });
			expect(result.responseText).toBe(`{"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0,"n":${index}}`);
			expect(result.latencyMs).toBeGreaterThanOrEqual(0);
			expect(result.attempts).toHaveLength(1);
			expect(result.body).toBe(played.received[index].body);
			expect(result.query).toEqual(played.received[index].query);
		});
		expect(sim.stats().callbacks.sent).toBeGreaterThanOrEqual(5);
	});

	it('leaves the session in the bot phase, as get_session_state reports', async () => {
		expect(await sessionState(played.results[0].sessionId as string)).toMatchObject({ ErrorCode: 0, CurrentState: 'Chatbot', AgentId: '' });
	});
});

describe('playScript allEvents', () => {
	const played = playOnce('allEvents');

	it('sends every one of the 17 Desk events', () => {
		const sent = new Set(played.bodies.map((body) => body.Event));
		expect(DESK_EVENTS).toHaveLength(17);
		for (const event of DESK_EVENTS) expect(sent).toContain(event.value);
		expect(played.results.every((result) => result.ok)).toBe(true);
		expect(played.results).toHaveLength(played.received.length);
	});

	it('sends valid sessions: begin first, unique RequestIDs, signed', () => {
		played.received.forEach((received) => expectWellFormed(received));
		expect(new Set(played.received.map((r) => r.query.RequestID)).size).toBe(played.received.length);
		const bySession = new Map<string, string[]>();
		for (const body of played.bodies) {
			const events = bySession.get(body.SessionId as string) ?? [];
			events.push(body.Event as string);
			bySession.set(body.SessionId as string, events);
		}
		expect(bySession.size).toBeGreaterThanOrEqual(2);
		for (const events of bySession.values()) {
			expect(events[0]).toBe('SessionBegin');
			expect(events.filter((e) => e === 'SessionBegin')).toHaveLength(1);
			if (events.includes('SessionEnd')) expect(events[events.length - 1]).toBe('SessionEnd');
		}
	});

	it('carries the agent, forward origin and rating where they belong', () => {
		const bodies = played.bodies;
		for (const body of bodies.filter((b) => b.Event === 'TransferToHumanSuccess' || String(b.Event).startsWith('Human.AgentSendMsg'))) {
			expect(body.AgentId).toMatch(/@example\.com$/);
		}
		const forward = bodies.find((b) => b.Event === 'AgentForward') as Record<string, unknown>;
		expect(forward.ForwardFromAgentId).toMatch(/@example\.com$/);
		expect(forward.AgentId).toMatch(/@example\.com$/);
		expect(forward.AgentId).not.toBe(forward.ForwardFromAgentId);
		const rating = bodies.find((b) => b.Event === 'SatisfactionSelected') as Record<string, unknown>;
		expect(rating.SatisfactionSelected).toBeGreaterThanOrEqual(1);
		expect(rating.SatisfactionSelected).toBeLessThanOrEqual(5);
		expect(bodies.filter((b) => b.Event === 'SessionBegin' || String(b.Event).startsWith('ChatBot.')).every((b) => b.AgentId === '')).toBe(true);
		expect(bodies.some((b) => b.ChannelType === 'Web')).toBe(true);
		const web = played.received.find((r) => JSON.parse(r.body).ChannelType === 'Web') as Received;
		expect(web.query.OptPlatform).toBe('Web');
	});

	it('ends the sessions that got SessionEnd, as get_session_state reports', async () => {
		const ended = played.bodies.filter((b) => b.Event === 'SessionEnd');
		expect(ended.length).toBeGreaterThan(0);
		for (const body of ended) expect((await sessionState(body.SessionId as string)).ErrorCode).toBe(141005);
	});
});

describe('step by step', () => {
	it('keeps get_session_state consistent with each callback, including the silent WaitingForAgentAnswering', async () => {
		const session = sim.sessions.create({ clientUserId: 'stepper' });
		const expected: Array<[string, string | undefined, string, string]> = [
			['SessionBegin', undefined, 'Chatbot', ''],
			['TransferringToHuman', undefined, 'Chatbot', ''],
			['TransferringToHumanWait', undefined, 'Queuing', ''],
			['WaitingForAgentAnswering', 'carol@example.com', 'WaitingForAgentAnswering', 'carol@example.com'],
			['TransferToHumanSuccess', undefined, 'Agent', 'carol@example.com'],
			['AgentForward', 'dave@example.com', 'Agent', 'dave@example.com'],
		];
		for (const [event, agentId, state, agent] of expected) {
			const { callback } = await sim.advanceSession(session.sessionId, { event, agentId }, receiver.url);
			expect(callback === undefined).toBe(event === 'WaitingForAgentAnswering');
			expect(await sessionState(session.sessionId)).toMatchObject({ CurrentState: state, AgentId: agent });
		}
		expect(receiver.bodies().map((b) => b.Event)).toEqual(['SessionBegin', 'TransferringToHuman', 'TransferringToHumanWait', 'TransferToHumanSuccess', 'AgentForward']);
		expect(receiver.bodies()[4]).toMatchObject({ AgentId: 'dave@example.com', ForwardFromAgentId: 'carol@example.com' });
		await expect(sim.advanceSession(session.sessionId, 'SessionPendingAutoFinishEnd', receiver.url)).rejects.toThrow(InvalidTransitionError);
		expect(receiver.received).toHaveLength(5);
	});

	it('refuses an invalid script before sending anything', async () => {
		await expect(sim.playScript(['SessionBegin', 'Human.AgentSendMsg'], receiver.url)).rejects.toThrow(InvalidTransitionError);
		await expect(sim.playScript('noSuchScript' as never, receiver.url)).rejects.toThrow(/Unknown script/);
		expect(receiver.received).toHaveLength(0);
	});
});

describe('sendCallback (forging)', () => {
	const payload = { CallbackCommand: SESSION_EVENT_COMMAND, SessionId: 's-1', Event: 'SessionBegin', EventTime: 1, ChannelType: 'SDK' };

	it('matches the documented Sign vector for an overridden RequestTime', async () => {
		const result = await sim.sendCallback({ url: receiver.url, token: 'xxxxyyyy' }, payload, { query: { RequestTime: '1669872112' } });
		expect(receiver.received[0].query.Sign).toBe('17773bc39a671d7b9aa835458704d2a6db81360a5940292b587d6d760d484061');
		expect(result.query.RequestTime).toBe('1669872112');
	});

	it('overrides and omits query values, and sends raw bodies as-is', async () => {
		await sim.sendCallback(receiver.url, '{"Event": "SessionBegin",', {
			query: { SdkAppid: '999', Sign: 'forged', RequestID: null, CallbackCommand: 'Desk.Other', Extra: '1' },
		});
		const [received] = receiver.received;
		expect(received.body).toBe('{"Event": "SessionBegin",');
		expect(received.query).toMatchObject({ SdkAppid: '999', Sign: 'forged', CallbackCommand: 'Desk.Other', Extra: '1' });
		expect(received.query).not.toHaveProperty('RequestID');
		expect(received.query.RequestTime).toMatch(/^\d+$/);
	});

	it('sends no RequestTime/Sign without a token', async () => {
		await sim.sendCallback({ url: receiver.url, token: '' }, payload);
		expect(receiver.received[0].query).not.toHaveProperty('Sign');
		expect(receiver.received[0].query).not.toHaveProperty('RequestTime');
		expect(receiver.received[0].query.RequestID).toBeDefined();
	});

	it('retries non-200 acks with the same RequestID, bounded', async () => {
		receiver.reply = (index) => (index < 2 ? { status: 500, body: 'boom' } : { status: 200, body: 'ok' });
		const retried = await sim.sendCallback(receiver.url, payload, { retryOnFailure: 3, retryDelayMs: 0 });
		expect(retried.ok).toBe(true);
		expect(retried.attempts.map((a) => a.status)).toEqual([500, 500, 200]);
		expect(retried.attempts[0].responseText).toBe('boom');
		expect(new Set(receiver.received.map((r) => r.query.RequestID))).toEqual(new Set([retried.requestId]));

		receiver.reset();
		receiver.reply = () => ({ status: 503, body: 'down' });
		const gaveUp = await sim.sendCallback(receiver.url, payload, { retryOnFailure: 2, retryDelayMs: 0 });
		expect(gaveUp).toMatchObject({ ok: false, status: 503, responseText: 'down' });
		expect(gaveUp.attempts).toHaveLength(3);

		receiver.reset();
		receiver.reply = () => ({ status: 500, body: '' });
		expect((await sim.sendCallback(receiver.url, payload)).attempts).toHaveLength(1);
		expect((await sim.sendCallback(receiver.url, payload, { retryOnFailure: 1000, retryDelayMs: 0 })).attempts.length).toBeLessThanOrEqual(11);
	});

	it('records refused connections and timeouts as failed acks', async () => {
		const refused = await sim.sendCallback('http://127.0.0.1:1/hook', payload);
		expect(refused).toMatchObject({ ok: false, status: null });
		expect(refused.error).toBeTruthy();
		receiver.reply = () => 'hang';
		const timedOut = await sim.sendCallback(receiver.url, payload, { timeoutMs: 150 });
		expect(timedOut).toMatchObject({ ok: false, status: null, error: expect.stringContaining('150') });
	});
});

describe('control API play', () => {
	it('plays a script for another process and returns the acks', async () => {
		const response = await fetch(`${sim.url}/_simulator/play`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ script: 'noAgentOnline', callbackUrl: receiver.url }),
		});
		expect(response.status).toBe(200);
		const { results } = (await response.json()) as { results: CallbackResult[] };
		expect(results.map((r) => r.event)).toEqual(receiver.bodies().map((b) => b.Event));
		expect(results).toHaveLength(5);
		expect(results.every((r) => r.status === 200)).toBe(true);
	});

	it('answers 400 for an unknown script or a missing callback URL', async () => {
		const post = (body: unknown) => fetch(`${sim.url}/_simulator/play`, { method: 'POST', body: JSON.stringify(body) });
		expect((await post({ script: 'nope', callbackUrl: receiver.url })).status).toBe(400);
		expect((await post({ script: 'happyPath' })).status).toBe(400);
		expect(receiver.received).toHaveLength(0);
	});
});

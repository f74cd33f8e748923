/**
 * The simulator's scripted callbacks, received by a real local HTTP server: playScript noAgentOnline and
 * allEvents (query and Sign, bodies, RequestIDs, acks, agreement with get_session_state), and the same played
 * through the control API for another process.
 */
import { createHash } from 'crypto';

import { DESK_EVENTS, findDeskEvent, SESSION_EVENT_COMMAND } from '../../../nodes/shared/events';
import { DEFAULT_CALLBACK_TOKEN, DEFAULT_CUSTOMER_SERVICE_ID, DEFAULT_SDK_APP_ID, type CallbackResult } from '..';
import { CallbackReceiver, sessionState, useSimulator, type Received, type Reply } from './helpers';

const receiver = new CallbackReceiver();
const desk = useSimulator(() => ({ faults: { rateLimitPerSecond: 0 } }), receiver);

beforeEach(() => receiver.reset());

/** Independent of the package's computeCallbackSign: the documented formula. */
function expectedSign(token: string, requestTime: string): string {
	return createHash('sha256').update(token + requestTime).digest('hex');
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
function playOnce(script: 'noAgentOnline' | 'allEvents', reply?: Reply) {
	const played = { results: [] as CallbackResult[], received: [] as Received[], bodies: [] as Array<Record<string, unknown>> };
	beforeAll(async () => {
		receiver.reset();
		if (reply) receiver.reply = reply;
		played.results = await desk.sim.playScript(script, { url: receiver.url });
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
		expect(desk.sim.stats().callbacks.sent).toBeGreaterThanOrEqual(5);
	});

	it('leaves the session in the bot phase, as get_session_state reports', async () => {
		expect(await sessionState(desk.sim, played.results[0].sessionId as string)).toMatchObject({ ErrorCode: 0, CurrentState: 'Chatbot', AgentId: '' });
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
		for (const body of ended) expect((await sessionState(desk.sim, body.SessionId as string)).ErrorCode).toBe(141005);
	});
});

describe('control API play', () => {
	it('plays a script for another process and returns the acks', async () => {
		const response = await fetch(`${desk.sim.url}/_simulator/play`, {
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
		const post = (body: unknown) => fetch(`${desk.sim.url}/_simulator/play`, { method: 'POST', body: JSON.stringify(body) });
		expect((await post({ script: 'nope', callbackUrl: receiver.url })).status).toBe(400);
		expect((await post({ script: 'happyPath' })).status).toBe(400);
		expect(receiver.received).toHaveLength(0);
	});
});

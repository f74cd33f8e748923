/**
 * The Desk trigger over real HTTP: the simulator sends signed callbacks (scripts, forgeries,
 * retries) to a local server that runs the node's webhook() like n8n would
 * (test/helpers/webhookServer.ts) and records what would reach each output.
 */
import { randomUUID } from 'crypto';

import { DESK_EVENTS, SESSION_EVENT_COMMAND } from '../../nodes/shared/events';
import {
	DEFAULT_CALLBACK_TOKEN,
	DEFAULT_SDK_APP_ID,
	startDeskSimulator,
	type CallbackResult,
	type DeskSimulator,
} from '../../dev/simulator';
import { ACK_TEXT, testCredentials } from '../helpers/webhookContext';
import { startWebhookServer, type WebhookServer, type WebhookServerOptions } from '../helpers/webhookServer';

const EVENT_NAME = new Map(DESK_EVENTS.map((event) => [event.value, event.name]));

let sim: DeskSimulator;
const servers: WebhookServer[] = [];

beforeAll(async () => {
	sim = await startDeskSimulator({ faults: { rateLimitPerSecond: 0 } });
});

afterEach(async () => {
	await Promise.all(servers.splice(0).map((server) => server.close()));
});

afterAll(async () => {
	await sim.close();
});

async function server(options: WebhookServerOptions): Promise<WebhookServer> {
	const started = await startWebhookServer({
		credentials: testCredentials({ sdkAppId: DEFAULT_SDK_APP_ID, callbackToken: DEFAULT_CALLBACK_TOKEN }),
		workflowId: `wf-${randomUUID()}`,
		...options,
	});
	servers.push(started);
	return started;
}

function expectAcked(results: CallbackResult[]): void {
	for (const result of results) {
		expect({ event: result.event, status: result.status, text: result.responseText }).toEqual({
			event: result.event,
			status: 200,
			text: ACK_TEXT,
		});
	}
}

function sampleBody(event = 'SessionBegin'): Record<string, unknown> {
	return {
		CallbackCommand: SESSION_EVENT_COMMAND,
		SessionId: randomUUID(),
		Event: event,
		EventTime: Date.now(),
		ChannelType: 'SDK',
		ClientUserId: 'user1',
		CustomerServiceId: '@customer_service_account',
		AgentId: '',
		IsContactUser: false,
	};
}

describe('the allEvents script, one output per event with All Events', () => {
	it('acks every callback with the exact bytes and lands each of the 17 events on its own output', async () => {
		const receiver = await server({ parameters: { routing: 'perEvent', events: ['*'] } });
		expect(receiver.outputNames).toEqual([...DESK_EVENTS.map((event) => event.name), 'Other']);

		const results = await sim.playScript('allEvents', { url: receiver.url });
		expect(results.length).toBeGreaterThanOrEqual(17);
		expectAcked(results);
		expect(new Set(results.map((result) => result.event))).toEqual(new Set(DESK_EVENTS.map((event) => event.value)));
		expect(receiver.handled.every((entry) => entry.error === undefined)).toBe(true);

		// Every callback became exactly one item, on the output named for its event.
		expect(receiver.itemCount()).toBe(results.length);
		receiver.items.forEach((outputItems, index) => {
			for (const item of outputItems) expect(EVENT_NAME.get(item.json.Event as string)).toBe(receiver.outputNames[index]);
		});
		expect(receiver.itemsOn('Other')).toEqual([]);
		for (const event of DESK_EVENTS) {
			const sent = results.filter((result) => result.event === event.value);
			const received = receiver.itemsOn(event.name);
			expect(received).toHaveLength(sent.length);
			expect(received.map((item) => (item.json.callback as { RequestID: string }).RequestID)).toEqual(
				sent.map((result) => result.requestId),
			);
			expect(received.map((item) => item.json.SessionId)).toEqual(sent.map((result) => result.sessionId));
		}

		// What reached the workflow is what Desk sent, plus the trigger's fields, minus any secret.
		const [first] = results;
		const firstItem = receiver.itemsOn(EVENT_NAME.get(first.event!)!)[0];
		expect(firstItem.json).toMatchObject(JSON.parse(first.body));
		expect(JSON.stringify(receiver.items)).not.toContain(DEFAULT_CALLBACK_TOKEN);
		for (const result of results) expect(JSON.stringify(receiver.items)).not.toContain(result.query.Sign);
	});
});

describe('the noAgentOnline script', () => {
	it('with only No Agent Online selected: five acks, one item', async () => {
		const receiver = await server({ parameters: { routing: 'perEvent', events: ['NoAgentOnline'] } });
		expect(receiver.outputNames).toEqual(['No Agent Online']);
		const results = await sim.playScript('noAgentOnline', { url: receiver.url });
		expect(results.map((result) => result.event)).toEqual([
			'SessionBegin',
			'ChatBot.UserSendMsg',
			'ChatBot.RobotSendMsg',
			'TransferringToHuman',
			'NoAgentOnline',
		]);
		expectAcked(results);
		expect(receiver.itemCount()).toBe(1);
		const [item] = receiver.itemsOn('No Agent Online');
		expect(item.json).toMatchObject({ Event: 'NoAgentOnline', eventName: 'No Agent Online', phase: 'human', SessionId: results[4].sessionId });
	});
});

describe('forged callbacks', () => {
	const now = () => Math.floor(Date.now() / 1000);
	const fail = (status: number) => expect.objectContaining({ ActionStatus: 'FAIL', ErrorCode: status });

	it.each<[string, number, (receiver: WebhookServer) => Promise<CallbackResult>]>([
		['another SdkAppid', 403, (r) => sim.sendCallback(r.url, sampleBody(), { query: { SdkAppid: '1400000999' } })],
		['no SdkAppid', 403, (r) => sim.sendCallback(r.url, sampleBody(), { query: { SdkAppid: null } })],
		['a wrong Sign', 401, (r) => sim.sendCallback(r.url, sampleBody(), { query: { Sign: '0'.repeat(64) } })],
		['a Sign made with another token', 401, (r) => sim.sendCallback({ url: r.url, token: 'not-the-token' }, sampleBody())],
		['no signature at all', 401, (r) => sim.sendCallback({ url: r.url, token: null }, sampleBody())],
		['a stale RequestTime, correctly signed', 401, (r) => sim.sendCallback(r.url, sampleBody(), { query: { RequestTime: String(now() - 3600) } })],
		['a RequestTime from the future, correctly signed', 401, (r) => sim.sendCallback(r.url, sampleBody(), { query: { RequestTime: String(now() + 3600) } })],
		['malformed JSON', 400, (r) => sim.sendCallback(r.url, '{"SessionId":"s","Event":')],
		['a body without Event', 400, (r) => sim.sendCallback(r.url, { SessionId: 's' })],
	])('%s → %i, nothing recorded', async (_name, status, send) => {
		const receiver = await server({ parameters: { routing: 'perEvent', events: ['*'] } });
		const result = await send(receiver);
		expect(result.status).toBe(status);
		expect(JSON.parse(result.responseText)).toEqual(fail(status));
		expect(result.attempts).toHaveLength(1);
		expect(receiver.handled).toHaveLength(1);
		expect(receiver.itemCount()).toBe(0);
		expect(result.responseText).not.toContain(DEFAULT_CALLBACK_TOKEN);
	});

	it('another CallbackCommand → the plain ack, nothing recorded', async () => {
		const receiver = await server({ parameters: { routing: 'perEvent', events: ['*'] } });
		const body = { ...sampleBody(), CallbackCommand: 'Desk.Other' };
		const result = await sim.sendCallback(receiver.url, body, { query: { CallbackCommand: 'Desk.Other' } });
		expect(result.status).toBe(200);
		expect(result.responseText).toBe(ACK_TEXT);
		expect(receiver.itemCount()).toBe(0);
		// The same server does record a genuine one.
		expectAcked([await sim.sendCallback(receiver.url, sampleBody('SessionEnd'))]);
		expect(receiver.itemsOn('Session End')).toHaveLength(1);
	});
});

describe('retries', () => {
	it('a retry after a lost ack (same RequestID) runs the workflow once', async () => {
		// The first ack is lost on the way back: the trigger ran, but Desk sees a 503 and retries.
		const receiver = await server({
			parameters: { routing: 'perEvent', events: ['*'] },
			overrideAnswer: (index) => (index === 0 ? { status: 503, body: 'lost' } : undefined),
		});
		const result = await sim.sendCallback(receiver.url, sampleBody('TransferToHumanSuccess'), { retryOnFailure: 3, retryDelayMs: 10 });
		expect(result.attempts.map((attempt) => attempt.status)).toEqual([503, 200]);
		expect(result.responseText).toBe(ACK_TEXT);
		expect(result.attempts[0].query.RequestID).toBe(result.attempts[1].query.RequestID);
		expect(receiver.handled).toHaveLength(2);
		expect(receiver.handled.map((entry) => entry.result?.workflowData !== undefined)).toEqual([true, false]);
		expect(receiver.itemCount()).toBe(1);
		expect(receiver.itemsOn('Transferred to Human')).toHaveLength(1);
	});

	it('the same callback delivered again with its RequestID: both acked, one item; a new RequestID runs again', async () => {
		const receiver = await server({ parameters: { routing: 'single', events: ['*'] } });
		const body = sampleBody('SessionUserEnd');
		const requestId = randomUUID();
		const results = [
			await sim.sendCallback(receiver.url, body, { requestId }),
			await sim.sendCallback(receiver.url, body, { requestId }),
		];
		expectAcked(results);
		expect(receiver.itemCount()).toBe(1);
		expectAcked([await sim.sendCallback(receiver.url, body)]);
		expect(receiver.itemCount()).toBe(2);
	});

	it('a test run (manual mode) runs for every delivery, repeats included', async () => {
		const receiver = await server({ parameters: { routing: 'single', events: ['*'] }, mode: 'manual' });
		const requestId = randomUUID();
		const body = sampleBody('SessionBegin');
		expectAcked([await sim.sendCallback(receiver.url, body, { requestId }), await sim.sendCallback(receiver.url, body, { requestId })]);
		expect(receiver.itemCount()).toBe(2);
	});
});

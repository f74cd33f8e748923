/**
 * Fuzzing webhook() with random and mutated requests, against an oracle written here from the
 * spec (not from verifyCallback): the handler never throws, answers exactly one way (a 4xx
 * through `res`, or the ack), and runs the workflow only for a valid request, on the output the
 * oracle expects. Fixed seeds; 11,000 runs in all.
 */
import { createHash } from 'crypto';

import fc from 'fast-check';
import type { IDataObject } from 'n8n-workflow';

import { ALL_EVENTS, DESK_EVENTS } from '../../nodes/shared/events';
import { ACK_TEXT, callWebhook, testCredentials, type WebhookCall, type WebhookRequest } from '../helpers/webhookContext';

const NOW_MS = 1_725_540_020_123;
const NOW_S = Math.floor(NOW_MS / 1000);
const SDK_APP_ID = '1400000042';
const TOKEN = 'fuzz-token-91b2';
const SESSION_COMMAND = 'Desk.SessionEventNotify';
const EVENTS = DESK_EVENTS.map((event) => event.value);

beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(NOW_MS));
afterEach(() => jest.restoreAllMocks());

interface Config {
	token: string;
	tolerance: number | undefined;
	allowOtherCommands: boolean | undefined;
	routing: 'single' | 'perEvent';
	events: string[];
	mode: 'webhook' | 'manual' | 'trigger';
}

type Expected =
	| { kind: 'reject'; status: 400 | 401 | 403 }
	| { kind: 'ack' }
	| { kind: 'run'; outputs: number; index: number };

const hex = (text: string): string => createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex');
const first = (value: unknown): unknown => (Array.isArray(value) ? value[0] : value);

/** Where an event goes, from the trigger's documented behaviour. */
function route(config: Config, event: string): Expected {
	const all = config.events.includes(ALL_EVENTS);
	const selected = EVENTS.filter((value) => all || config.events.includes(value));
	const known = EVENTS.includes(event);
	if (config.routing === 'single') {
		return (known && selected.includes(event)) || (!known && all) ? { kind: 'run', outputs: 1, index: 0 } : { kind: 'ack' };
	}
	const outputs = Math.max(1, selected.length + (all ? 1 : 0));
	if (known) return selected.includes(event) ? { kind: 'run', outputs, index: selected.indexOf(event) } : { kind: 'ack' };
	return all ? { kind: 'run', outputs, index: outputs - 1 } : { kind: 'ack' };
}

/** What a request deserves (no repeated RequestIDs here: each run has its own workflow). */
function oracle(request: WebhookRequest, config: Config): Expected {
	let text: string;
	if (request.rawBody === undefined) text = JSON.stringify(request.bodyData ?? {});
	else text = typeof request.rawBody === 'string' ? request.rawBody : request.rawBody.toString('utf8');
	let body: unknown;
	try {
		body = JSON.parse(text);
	} catch {
		return { kind: 'reject', status: 400 };
	}
	if (Object.prototype.toString.call(body) !== '[object Object]') return { kind: 'reject', status: 400 };
	const fields = body as Record<string, unknown>;
	if (typeof fields.SessionId !== 'string' || typeof fields.Event !== 'string') return { kind: 'reject', status: 400 };

	const query = request.query ?? {};
	if (first(query.SdkAppid) !== SDK_APP_ID) return { kind: 'reject', status: 403 };
	if (config.token !== '') {
		const time = first(query.RequestTime);
		if (typeof time !== 'string' || time.length < 1 || time.length > 12 || [...time].some((c) => c < '0' || c > '9')) {
			return { kind: 'reject', status: 401 };
		}
		if (first(query.Sign) !== hex(config.token + time)) return { kind: 'reject', status: 401 };
		if (Math.abs(NOW_S - parseInt(time, 10)) > (config.tolerance ?? 60)) return { kind: 'reject', status: 401 };
	}
	const queryCommand = first(query.CallbackCommand);
	const command = typeof queryCommand === 'string' ? queryCommand : fields.CallbackCommand;
	if (command !== SESSION_COMMAND && config.allowOtherCommands !== true) return { kind: 'ack' };
	return route(config, fields.Event);
}

/** Exactly one way of answering, and the one the oracle expects. */
function check(call: WebhookCall, expected: Expected, secrets: string[]): void {
	const { result, response } = call;
	if (expected.kind === 'reject') {
		expect(result).toEqual({ noWebhookResponse: true });
		expect(response.calls.map((c) => c.method)).toEqual(['status', 'json']);
		expect(response.statusCode).toBe(expected.status);
		expect(response.body).toMatchObject({ ActionStatus: 'FAIL', ErrorCode: expected.status });
	} else {
		expect(response.calls).toEqual([]);
		expect(result.noWebhookResponse).toBeUndefined();
		expect(JSON.stringify(result.webhookResponse)).toBe(ACK_TEXT);
		if (expected.kind === 'ack') {
			expect(result.workflowData).toBeUndefined();
		} else {
			expect(result.workflowData).toHaveLength(expected.outputs);
			result.workflowData!.forEach((items, i) => expect(items).toHaveLength(i === expected.index ? 1 : 0));
		}
	}
	const text = JSON.stringify({ result, body: response.body });
	for (const secret of secrets) if (secret.length >= 8) expect(text).not.toContain(secret);
}

// ---------- arbitraries ----------

const configArb: fc.Arbitrary<Config> = fc.record({
	token: fc.constantFrom('', TOKEN),
	tolerance: fc.option(fc.integer({ min: 1, max: 120 }), { nil: undefined }),
	allowOtherCommands: fc.option(fc.boolean(), { nil: undefined }),
	routing: fc.constantFrom('single' as const, 'perEvent' as const),
	events: fc.oneof(fc.constant<string[]>([ALL_EVENTS]), fc.subarray([...EVENTS, ALL_EVENTS, 'NotAnEvent'])),
	mode: fc.constantFrom('webhook' as const, 'manual' as const, 'trigger' as const),
});

const oddValue: fc.Arbitrary<unknown> = fc.oneof(
	fc.string({ maxLength: 20 }),
	fc.integer(),
	fc.constant(null),
	fc.boolean(),
	fc.array(fc.string({ maxLength: 5 }), { maxLength: 2 }),
	fc.dictionary(fc.constantFrom('toString', 'valueOf', 'a'), fc.integer(), { maxKeys: 2 }),
	fc.integer({ min: 1, max: 100_000 }).map((n) => 'x'.repeat(n)),
);

const eventArb = fc.oneof(fc.constantFrom(...EVENTS), fc.constantFrom('ChatBot.Future', 'Human.Future', 'Other', '*', ''), fc.string({ maxLength: 12 }));

const bodyObjectArb: fc.Arbitrary<Record<string, unknown>> = fc
	.record({
		event: eventArb,
		command: fc.oneof(fc.constant(SESSION_COMMAND), fc.constant(undefined), oddValue),
		sessionId: fc.oneof({ weight: 5, arbitrary: fc.uuid() }, { weight: 1, arbitrary: oddValue }, { weight: 1, arbitrary: fc.constant(undefined) }),
		eventIsOdd: fc.boolean(),
		oddEvent: oddValue,
		msg: fc.array(fc.record({ MsgType: fc.constantFrom('TIMTextElem', 'TIMImageElem', 'x'), MsgContent: fc.oneof(fc.record({ Text: oddValue }), oddValue) }), { maxLength: 3 }),
		extra: fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
		eventTime: oddValue,
	})
	.map(({ event, command, sessionId, eventIsOdd, oddEvent, msg, extra, eventTime }) => {
		const body: Record<string, unknown> = { ...extra, SessionId: sessionId, Event: eventIsOdd && Math.abs(event.length) % 4 === 0 ? oddEvent : event, EventTime: eventTime, MsgBody: msg };
		if (command !== undefined) body.CallbackCommand = command;
		if (sessionId === undefined) delete body.SessionId;
		return body;
	});

type Encoding = 'buffer' | 'string' | 'parsed';

const bodyTextArb: fc.Arbitrary<string | Uint8Array> = fc.oneof(
	{ weight: 6, arbitrary: bodyObjectArb.map((body) => JSON.stringify(body)) },
	{ weight: 1, arbitrary: bodyObjectArb.map((body) => `[${JSON.stringify(body)}]`) },
	{ weight: 1, arbitrary: fc.tuple(bodyObjectArb, fc.nat()).map(([body, cut]) => { const text = JSON.stringify(body); return text.slice(0, cut % text.length); }) },
	{ weight: 1, arbitrary: fc.json({ maxDepth: 3 }) },
	{ weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
	{ weight: 1, arbitrary: fc.uint8Array({ maxLength: 40 }) },
	{ weight: 1, arbitrary: fc.integer({ min: 1, max: 50_000 }).map((n) => `{"SessionId":"${'s'.repeat(n)}","Event":"SessionBegin","CallbackCommand":"${SESSION_COMMAND}"}`) },
);

function encode(text: string | Uint8Array, encoding: Encoding): WebhookRequest {
	const asText = typeof text === 'string' ? text : Buffer.from(text).toString('utf8');
	if (encoding === 'parsed') {
		// n8n's JSON parser gives req.body an object; anything else leaves it empty.
		let parsed: unknown;
		try {
			parsed = JSON.parse(asText);
		} catch {
			parsed = undefined;
		}
		const isObject = parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed);
		return { bodyData: isObject ? (parsed as IDataObject) : {} };
	}
	if (typeof text !== 'string') return { rawBody: encoding === 'buffer' ? Buffer.from(text) : asText };
	return { rawBody: encoding === 'buffer' ? Buffer.from(text, 'utf8') : text };
}

type Mutation =
	| { op: 'set'; field: string; value: unknown }
	| { op: 'delete'; field: string }
	| { op: 'time'; delta: number; resign: boolean; signWith: 'token' | 'other' }
	| { op: 'upper' }
	| { op: 'array'; field: string; before: boolean; value: unknown };

const fieldArb = fc.constantFrom('SdkAppid', 'RequestTime', 'Sign', 'CallbackCommand', 'RequestID', 'ClientIP', 'OptPlatform');

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
	fc.record({ op: fc.constant('set' as const), field: fieldArb, value: oddValue }),
	fc.record({ op: fc.constant('set' as const), field: fc.constant('SdkAppid'), value: fc.constantFrom('1400000043', ` ${SDK_APP_ID}`, `0${SDK_APP_ID}`, SDK_APP_ID) }),
	fc.record({ op: fc.constant('set' as const), field: fc.constant('CallbackCommand'), value: fc.constantFrom('Desk.Other', 'desk.sessioneventnotify', SESSION_COMMAND) }),
	fc.record({ op: fc.constant('delete' as const), field: fieldArb }),
	fc.record({ op: fc.constant('time' as const), delta: fc.integer({ min: -300, max: 300 }), resign: fc.boolean(), signWith: fc.constantFrom('token' as const, 'other' as const) }),
	fc.record({ op: fc.constant('upper' as const) }),
	fc.record({ op: fc.constant('array' as const), field: fieldArb, before: fc.boolean(), value: oddValue }),
);

function signedQuery(token: string): Record<string, unknown> {
	const time = String(NOW_S);
	return {
		SdkAppid: SDK_APP_ID,
		CallbackCommand: SESSION_COMMAND,
		contenttype: 'json',
		ClientIP: '127.0.0.1',
		OptPlatform: 'RESTAPI',
		RequestTime: time,
		Sign: hex((token || TOKEN) + time),
	};
}

function mutate(query: Record<string, unknown>, mutations: Mutation[], token: string): Record<string, unknown> {
	const q = { ...query };
	for (const m of mutations) {
		if (m.op === 'set') q[m.field] = m.value;
		else if (m.op === 'delete') delete q[m.field];
		else if (m.op === 'upper') q.Sign = typeof q.Sign === 'string' ? q.Sign.toUpperCase() : q.Sign;
		else if (m.op === 'array') q[m.field] = m.before ? [m.value, q[m.field]] : [q[m.field], m.value];
		else {
			q.RequestTime = String(NOW_S + m.delta);
			if (m.resign) q.Sign = hex((m.signWith === 'token' ? token || TOKEN : 'not-the-token') + q.RequestTime);
		}
	}
	return q;
}

let run = 0;

describe('webhook() under fuzzing', () => {
	it('never throws, answers one way, runs only valid requests (single requests)', async () => {
		let counts = { reject: 0, ack: 0, run: 0 };
		await fc.assert(
			fc.asyncProperty(
				configArb,
				bodyTextArb,
				fc.constantFrom<Encoding>('buffer', 'buffer', 'string', 'parsed'),
				fc.array(mutationArb, { maxLength: 3 }),
				async (config, text, encoding, mutations) => {
					run++;
					const query = mutate({ ...signedQuery(config.token), RequestID: `fuzz-${run}` }, mutations, config.token);
					const request = { ...encode(text, encoding), query };
					const expected = oracle(request, config);
					counts = { ...counts, [expected.kind]: counts[expected.kind] + 1 };
					let call: WebhookCall;
					try {
						call = await callWebhook(request, {
							credentials: testCredentials({ sdkAppId: Number(SDK_APP_ID), callbackToken: config.token }),
							parameters: {
								routing: config.routing,
								events: config.events,
								options: {
									...(config.tolerance !== undefined && { toleranceSeconds: config.tolerance }),
									...(config.allowOtherCommands !== undefined && { allowOtherCommands: config.allowOtherCommands }),
								},
							},
							mode: config.mode,
							workflowId: `fuzz-wf-${run}`,
						});
					} catch (error) {
						throw new Error(`webhook() threw: ${(error as Error).message}`);
					}
					const time = first(query.RequestTime);
					check(call, expected, typeof time === 'string' ? [TOKEN, hex(TOKEN + time)] : [TOKEN]);
				},
			),
			{ seed: 0x5e55104, numRuns: 10_000 },
		);
		// The generators reach every outcome often enough to mean something.
		expect(counts.reject).toBeGreaterThan(1500);
		expect(counts.ack).toBeGreaterThan(500);
		expect(counts.run).toBeGreaterThan(1500);
	}, 60_000);

	it('with repeated RequestIDs: each valid id runs once per workflow outside manual mode', async () => {
		const stepArb = fc.record({
			id: fc.constantFrom('a', 'b', 'c'),
			event: fc.constantFrom(...EVENTS, 'Human.Future'),
			valid: fc.boolean(),
			mode: fc.constantFrom('webhook' as const, 'webhook' as const, 'manual' as const),
		});
		await fc.assert(
			fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 12 }), async (steps) => {
				run++;
				const workflowId = `fuzz-seq-${run}`;
				const delivered = new Set<string>();
				const config: Config = { token: TOKEN, tolerance: undefined, allowOtherCommands: undefined, routing: 'perEvent', events: [ALL_EVENTS], mode: 'webhook' };
				for (const step of steps) {
					const query: Record<string, unknown> = { ...signedQuery(TOKEN), RequestID: `${workflowId}-${step.id}` };
					if (!step.valid) query.Sign = hex(`wrong${String(query.RequestTime)}`);
					const request: WebhookRequest = { rawBody: JSON.stringify({ SessionId: 's', Event: step.event, CallbackCommand: SESSION_COMMAND }), query };
					let expected = oracle(request, { ...config, mode: step.mode });
					if (expected.kind === 'run' && step.mode !== 'manual') {
						if (delivered.has(step.id)) expected = { kind: 'ack' };
						else delivered.add(step.id);
					}
					const call = await callWebhook(request, { credentials: testCredentials({ sdkAppId: Number(SDK_APP_ID), callbackToken: TOKEN }), parameters: { routing: 'perEvent', events: [ALL_EVENTS] }, mode: step.mode, workflowId });
					check(call, expected, [TOKEN]);
				}
			}),
			{ seed: 20240905, numRuns: 1_000 },
		);
	}, 60_000);
});

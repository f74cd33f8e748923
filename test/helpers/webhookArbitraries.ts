/**
 * fast-check generators for fuzzing the trigger's webhook() (test/unit/trigger.fuzz.test.ts): trigger
 * settings, callback bodies (valid, truncated, odd values, huge), how n8n hands the body over, and
 * mutations of a signed query.
 */
import fc from 'fast-check';
import type { IDataObject } from 'n8n-workflow';

import { ALL_EVENTS } from '../../nodes/shared/events';
import type { WebhookRequest } from './webhookContext';
import { EVENTS, SDK_APP_ID, SESSION_COMMAND, TOKEN, NOW_S, hex, type Config } from './webhookOracle';

export const configArb: fc.Arbitrary<Config> = fc.record({
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

export type Encoding = 'buffer' | 'string' | 'parsed';

export const bodyTextArb: fc.Arbitrary<string | Uint8Array> = fc.oneof(
	{ weight: 6, arbitrary: bodyObjectArb.map((body) => JSON.stringify(body)) },
	{ weight: 1, arbitrary: bodyObjectArb.map((body) => `[${JSON.stringify(body)}]`) },
	{ weight: 1, arbitrary: fc.tuple(bodyObjectArb, fc.nat()).map(([body, cut]) => { const text = JSON.stringify(body); return text.slice(0, cut % text.length); }) },
	{ weight: 1, arbitrary: fc.json({ maxDepth: 3 }) },
	{ weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
	{ weight: 1, arbitrary: fc.uint8Array({ maxLength: 40 }) },
	{ weight: 1, arbitrary: fc.integer({ min: 1, max: 50_000 }).map((n) => `{"SessionId":"${'s'.repeat(n)}","Event":"SessionBegin","CallbackCommand":"${SESSION_COMMAND}"}`) },
);

export function encode(text: string | Uint8Array, encoding: Encoding): WebhookRequest {
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

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
	fc.record({ op: fc.constant('set' as const), field: fieldArb, value: oddValue }),
	fc.record({ op: fc.constant('set' as const), field: fc.constant('SdkAppid'), value: fc.constantFrom('1400000043', ` ${SDK_APP_ID}`, `0${SDK_APP_ID}`, SDK_APP_ID) }),
	fc.record({ op: fc.constant('set' as const), field: fc.constant('CallbackCommand'), value: fc.constantFrom('Desk.Other', 'desk.sessioneventnotify', SESSION_COMMAND) }),
	fc.record({ op: fc.constant('delete' as const), field: fieldArb }),
	fc.record({ op: fc.constant('time' as const), delta: fc.integer({ min: -300, max: 300 }), resign: fc.boolean(), signWith: fc.constantFrom('token' as const, 'other' as const) }),
	fc.record({ op: fc.constant('upper' as const) }),
	fc.record({ op: fc.constant('array' as const), field: fieldArb, before: fc.boolean(), value: oddValue }),
);

export function mutate(query: Record<string, unknown>, mutations: Mutation[], token: string): Record<string, unknown> {
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

/**
 * The oracle for fuzzing the trigger's webhook() (test/unit/trigger.fuzz.test.ts), written from the spec
 * rather than from verifyCallback: what a request deserves (a 4xx, the ack, or a run on a given output),
 * and a check that webhook() answered exactly that one way, with no secret in the answer. The clock is
 * frozen at NOW_MS by the test.
 */
import { createHash } from 'crypto';

import { ALL_EVENTS, DESK_EVENTS } from '../../nodes/shared/events';
import { ACK_TEXT, type WebhookCall, type WebhookRequest } from './webhookContext';

export const NOW_MS = 1_725_540_020_123;
export const NOW_S = Math.floor(NOW_MS / 1000);
export const SDK_APP_ID = '1400000042';
export const TOKEN = 'fuzz-token-91b2';
export const SESSION_COMMAND = 'Desk.SessionEventNotify';
export const EVENTS = DESK_EVENTS.map((event) => event.value);

export interface Config {
	token: string;
	tolerance: number | undefined;
	allowOtherCommands: boolean | undefined;
	routing: 'single' | 'perEvent';
	events: string[];
	mode: 'webhook' | 'manual' | 'trigger';
}

export type Expected =
	| { kind: 'reject'; status: 400 | 401 | 403 }
	| { kind: 'ack' }
	| { kind: 'run'; outputs: number; index: number };

export const hex = (text: string): string => createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex');
export const first = (value: unknown): unknown => (Array.isArray(value) ? value[0] : value);

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
export function oracle(request: WebhookRequest, config: Config): Expected {
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
	const rawQueryCommand = first(query.CallbackCommand);
	const queryCommand = typeof rawQueryCommand === 'string' ? rawQueryCommand : '';
	const bodyCommand = typeof fields.CallbackCommand === 'string' ? fields.CallbackCommand : '';
	// Query and body naming different commands: not a Desk callback to trust.
	if (queryCommand !== '' && bodyCommand !== '' && queryCommand !== bodyCommand) return { kind: 'reject', status: 400 };
	const command = queryCommand || bodyCommand;
	if (command !== SESSION_COMMAND && config.allowOtherCommands !== true) return { kind: 'ack' };
	return route(config, fields.Event);
}

/** Exactly one way of answering, and the one the oracle expects. */
export function check(call: WebhookCall, expected: Expected, secrets: string[]): void {
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

/** A query signed with `token` (or the fuzz token when there is none) at NOW_S. */
export function signedQuery(token: string): Record<string, unknown> {
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

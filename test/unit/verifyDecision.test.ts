/**
 * verifyDecision, per decision kind, in the order it checks: the body's shape (400), SdkAppid
 * (403), with a token RequestTime / Sign / clock (401), then the command (400 unless it is one of
 * the decision's own spellings).
 */
import fc from 'fast-check';

import type { OriginSettings } from '../../nodes/shared/callbackOrigin';
import { computeCallbackSign } from '../../nodes/shared/callbackSignature';
import type { DecisionKind } from '../../nodes/shared/decisionCallbacks';
import { verifyDecision, type DecisionVerdict } from '../../nodes/TencentCloudDeskDecisionTrigger/verifyDecision';

const SDK_APP_ID = '1400000042';
const TOKEN = 'decision-verify-token-91be';
const NOW = 1_750_769_273;

const settings = (overrides: Partial<OriginSettings> = {}): OriginSettings => ({
	sdkAppId: SDK_APP_ID,
	callbackToken: TOKEN,
	toleranceSeconds: 60,
	nowSeconds: NOW,
	...overrides,
});

interface KindCase {
	kind: DecisionKind;
	command: string;
	body: Record<string, unknown>;
	shapeReason: string;
	malformed: Array<[string, Record<string, unknown>]>;
}

// Bodies are Tencent's samples (tencent-desk-extension.md §A.1, §A.2, §A.4).
const CASES: KindCase[] = [
	{
		kind: 'assignHuman',
		command: 'ChatBot.OnAssignHuman',
		body: {
			CallbackCommand: 'ChatBot.OnAssignHuman',
			SessionId: 'aa-bb-cc-dd',
			ClientUserId: '123',
			CustomerServiceId: '@customer_service_account',
			EventTime: 1670574414123,
		},
		shapeReason: 'Body must be a JSON object with a string SessionId',
		malformed: [
			['no SessionId', { ClientUserId: '123' }],
			['a numeric SessionId', { SessionId: 12 }],
			['a null SessionId', { SessionId: null }],
		],
	},
	{
		kind: 'apiCall',
		command: 'Chatbot.InterfaceInvocation',
		body: {
			CallbackCommand: 'Chatbot.InterfaceInvocation',
			Body: { SystemClientUserID: 'user517', SystemSessionID: '207cac25-f49e-4ada-9c9f-301cea31dcf2', staticKey: 'staticValue', testKey3: '' },
			EventTime: 1731488371784,
		},
		shapeReason: 'Body must be a JSON object with a Body object',
		malformed: [
			['no Body', { EventTime: 1 }],
			['a null Body', { Body: null }],
			['a list Body', { Body: [{ a: 'b' }] }],
			['a text Body', { Body: '{"a":"b"}' }],
		],
	},
	{
		kind: 'beforeContact',
		command: 'Desk.CallbackBeforeIMContactUser',
		body: {
			CallbackCommand: 'Desk.CallbackBeforeIMContactUser',
			ClientUserId: 'test_user_id',
			ChannelId: '@customer_service_account',
			ChannelType: 'SDK',
			GroupId: 4011,
			MemberId: 'staff@test.com',
			EventTime: 1750769273237,
		},
		shapeReason: 'Body must be a JSON object with a string ClientUserId',
		malformed: [
			['no ClientUserId', { MemberId: 'staff@test.com' }],
			['a numeric ClientUserId', { ClientUserId: 123 }],
			['a list ClientUserId', { ClientUserId: ['u'] }],
		],
	},
];

function query(command: string, overrides: Record<string, unknown> = {}, time: number | string = NOW): Record<string, unknown> {
	const base: Record<string, unknown> = {
		SdkAppid: SDK_APP_ID,
		CallbackCommand: command,
		contenttype: 'json',
		ClientIP: '127.0.0.1',
		OptPlatform: 'RESTAPI',
		RequestID: 'req-1',
		RequestTime: String(time),
		Sign: computeCallbackSign(TOKEN, time),
	};
	for (const [name, value] of Object.entries(overrides)) {
		if (value === undefined) delete base[name];
		else base[name] = value;
	}
	return base;
}

function rejected(verdict: DecisionVerdict): { status: number; reason: string } {
	if (verdict.kind !== 'rejected') throw new Error(`expected a rejection, got ${verdict.kind}`);
	return { status: verdict.status, reason: verdict.reason };
}

describe.each(CASES)('$kind', ({ kind, command, body, shapeReason, malformed }) => {
	const text = JSON.stringify(body);
	const verify = (q: Record<string, unknown>, rawBody: Buffer | string | undefined = text, s = settings()) =>
		verifyDecision({ rawBody, query: q }, s, kind);

	it('accepts Tencent’s sample, as text and as a Buffer, keeping the body as sent', () => {
		for (const rawBody of [text, Buffer.from(text)]) {
			expect(verify(query(command), rawBody)).toEqual({ kind: 'accepted', body, command });
		}
	});

	it('accepts it without a token whatever RequestTime and Sign say', () => {
		const noToken = settings({ callbackToken: '' });
		expect(verify(query(command, { RequestTime: undefined, Sign: undefined }), text, noToken).kind).toBe('accepted');
		expect(verify(query(command, { Sign: 'garbage' }, NOW - 86400), text, noToken).kind).toBe('accepted');
	});

	it.each<[string, string | undefined]>([
		['no body', undefined],
		['an empty body', ''],
		['not JSON', '{"CallbackCommand":'],
		['an array of the sample', `[${JSON.stringify(body)}]`],
		['null', 'null'],
		['a string', '"hello"'],
	])('rejects %s with 400', (_name, rawBody) => {
		// Called directly: verify() would put the sample in place of an undefined body.
		expect(rejected(verifyDecision({ rawBody, query: query(command) }, settings(), kind))).toEqual({ status: 400, reason: shapeReason });
	});

	it.each(malformed)('rejects a body with %s with 400', (_name, malformedBody) => {
		expect(rejected(verify(query(command), JSON.stringify(malformedBody)))).toEqual({ status: 400, reason: shapeReason });
	});

	it('checks the body before the app and the signature', () => {
		expect(rejected(verify(query(command, { SdkAppid: '1', Sign: 'x' }), 'nope')).status).toBe(400);
	});

	it.each<[string, unknown]>([
		['another app', '1400000043'],
		['missing', undefined],
		['a number', Number(SDK_APP_ID)],
		['a list whose first value is another app', ['1', SDK_APP_ID]],
	])('rejects SdkAppid %s with 403, before the signature', (_name, SdkAppid) => {
		const expected = { status: 403, reason: 'SdkAppid does not match this credential' };
		expect(rejected(verify(query(command, { SdkAppid, Sign: 'bad' })))).toEqual(expected);
		expect(rejected(verify(query(command, { SdkAppid }), text, settings({ callbackToken: '' })))).toEqual(expected);
	});

	it.each<[string, unknown]>([
		['missing', undefined],
		['empty', ''],
		['not digits', 'now'],
		['in milliseconds', String(NOW * 1000)],
		['a number', NOW],
	])('rejects a RequestTime %s with 401', (_name, RequestTime) => {
		expect(rejected(verify(query(command, { RequestTime })))).toEqual({ status: 401, reason: 'Missing or malformed RequestTime' });
	});

	it.each<[string, unknown]>([
		['missing', undefined],
		['for another token', computeCallbackSign('other-token', NOW)],
		['for another time', computeCallbackSign(TOKEN, NOW + 1)],
		['in uppercase', computeCallbackSign(TOKEN, NOW).toUpperCase()],
		['the token itself', TOKEN],
	])('rejects a Sign %s with 401', (_name, Sign) => {
		expect(rejected(verify(query(command, { Sign })))).toEqual({ status: 401, reason: 'Sign does not match' });
	});

	it('rejects a correctly signed RequestTime outside the tolerance with 401, and accepts one at its edge', () => {
		const stale = { status: 401, reason: 'RequestTime is outside the allowed clock tolerance' };
		expect(rejected(verify(query(command, {}, NOW - 61)))).toEqual(stale);
		expect(rejected(verify(query(command, {}, NOW + 61)))).toEqual(stale);
		expect(verify(query(command, {}, NOW - 60)).kind).toBe('accepted');
		expect(rejected(verify(query(command, {}, NOW - 6), text, settings({ toleranceSeconds: 5 })))).toEqual(stale);
	});

	it('reads repeated query values from their first value', () => {
		const repeated = query(command, {
			SdkAppid: [SDK_APP_ID, '1'],
			CallbackCommand: [command, 'Desk.SessionEventNotify'],
			RequestTime: [String(NOW), '1'],
			Sign: [computeCallbackSign(TOKEN, NOW), 'x'],
		});
		expect(verify(repeated)).toEqual({ kind: 'accepted', body, command });
		expect(rejected(verify(query(command, { CallbackCommand: ['Desk.SessionEventNotify', command] }))).status).toBe(400);
	});

	it('takes the command from the body when the query has none', () => {
		expect(verify(query(command, { CallbackCommand: undefined }))).toEqual({ kind: 'accepted', body, command });
	});

	it('rejects a body whose CallbackCommand contradicts the query with 400', () => {
		const contradiction = { status: 400, reason: 'CallbackCommand in the body contradicts the one in the query' };
		expect(rejected(verify(query('Desk.SessionEventNotify')))).toEqual(contradiction);
		expect(rejected(verify(query(command), JSON.stringify({ ...body, CallbackCommand: 'Desk.SessionEventNotify' })))).toEqual(
			contradiction,
		);
	});

	const withoutCommand = (): string => JSON.stringify({ ...body, CallbackCommand: undefined });

	it.each(['Desk.SessionEventNotify', ...CASES.filter((other) => other.kind !== kind).map((other) => other.command)])(
		'rejects %s with 400, naming the commands it answers',
		(otherCommand) => {
			const { status, reason } = rejected(verify(query(otherCommand), withoutCommand()));
			expect(status).toBe(400);
			expect(reason).toContain(`This URL answers ${command}`);
			expect(reason).toContain(`, not ${otherCommand}`);
		},
	);

	it.each(CASES.filter((other) => other.kind !== kind))(
		'tells a $kind callback pasted at this URL where it belongs, whatever its body holds',
		(other) => {
			const { status, reason } = rejected(verify(query(other.command), JSON.stringify(other.body)));
			expect(status).toBe(400);
			expect(reason).toContain(`This URL answers ${command}`);
			expect(reason).toContain(`not ${other.command}: ${other.command} goes to a Decision Trigger set to`);
			expect(reason).not.toMatch(/Body must be/);
		},
	);

	it('rejects a callback with no command anywhere with 400', () => {
		const { status, reason } = rejected(verify(query(command, { CallbackCommand: undefined }), withoutCommand()));
		expect(status).toBe(400);
		expect(reason).toMatch(/not a callback without CallbackCommand$/);
	});
});

describe('command spellings', () => {
	const routing = CASES[0];

	it('accepts the older ChatBot.OnAssignAgent for assignHuman, reporting the command as sent', () => {
		const body = { ...routing.body, CallbackCommand: 'ChatBot.OnAssignAgent' };
		const verdict = verifyDecision({ rawBody: JSON.stringify(body), query: query('ChatBot.OnAssignAgent') }, settings(), 'assignHuman');
		expect(verdict).toEqual({ kind: 'accepted', body, command: 'ChatBot.OnAssignAgent' });
	});

	it('names both routing spellings when refusing another command', () => {
		const verdict = verifyDecision({ rawBody: '{"SessionId":"s"}', query: query('Desk.SessionEventNotify') }, settings(), 'assignHuman');
		expect(rejected(verdict).reason).toBe(
			'This URL answers ChatBot.OnAssignHuman / ChatBot.OnAssignAgent (Decision: “Route Customer to Agents”), not Desk.SessionEventNotify',
		);
	});

	it.each([
		['apiCall', 'ChatBot.InterfaceInvocation', '{"Body":{}}'],
		['assignHuman', 'chatbot.onassignhuman', '{"SessionId":"s"}'],
		['beforeContact', 'Desk.CallbackBeforeIMContactUser ', '{"ClientUserId":"u"}'],
	] as const)('is exact: %s refuses %j', (kind, command, rawBody) => {
		expect(rejected(verifyDecision({ rawBody, query: query(command) }, settings(), kind)).status).toBe(400);
	});
});

describe('reasons', () => {
	it('never contain the token or the Sign expected for the request’s or the current time', () => {
		const queryValue = fc.oneof(fc.string({ maxLength: 12 }), fc.constant(undefined), fc.array(fc.string({ maxLength: 12 }), { maxLength: 2 }), fc.integer());
		const commands = fc.constantFrom(undefined, '', 'Desk.SessionEventNotify', ...CASES.map((c) => c.command), 'ChatBot.OnAssignAgent');
		fc.assert(
			fc.property(
				fc.constantFrom(...CASES),
				fc.oneof(fc.constantFrom(...CASES.map((c) => JSON.stringify(c.body))), fc.json({ maxDepth: 2 }), fc.string()),
				fc.record({
					SdkAppid: fc.oneof(fc.constant(SDK_APP_ID), queryValue),
					RequestTime: fc.oneof(fc.integer({ min: NOW - 120, max: NOW + 120 }).map(String), queryValue),
					Sign: queryValue,
					CallbackCommand: commands,
				}),
				fc.boolean(),
				({ kind }, rawBody, overrides, signRight) => {
					const q = query('', overrides);
					if (signRight && typeof q.RequestTime === 'string') q.Sign = computeCallbackSign(TOKEN, q.RequestTime);
					const verdict = verifyDecision({ rawBody, query: q }, settings(), kind);
					if (verdict.kind !== 'rejected') return;
					expect(verdict.reason).not.toContain(TOKEN);
					expect(verdict.reason).not.toContain(computeCallbackSign(TOKEN, NOW));
					if (typeof q.RequestTime === 'string') expect(verdict.reason).not.toContain(computeCallbackSign(TOKEN, q.RequestTime));
				},
			),
			{ seed: 9173, numRuns: 400 },
		);
	});
});

/**
 * verifyCallback, branch by branch in the order it checks: body (400), SdkAppid (403), then with
 * a token RequestTime / Sign / clock (401), then the command (accepted or otherCommand).
 */
import { createHash } from 'crypto';

import fc from 'fast-check';

import { verifyCallback, type Verdict, type VerifySettings } from '../../nodes/TencentCloudDeskTrigger/verifyCallback';

const SDK_APP_ID = '1400000042';
const TOKEN = 'verify-test-token-5d1c';
const NOW = 1_725_540_020;
const COMMAND = 'Desk.SessionEventNotify';

const sign = (token: string, time: string | number): string => createHash('sha256').update(`${token}${time}`).digest('hex');

const settings = (overrides: Partial<VerifySettings> = {}): VerifySettings => ({
	sdkAppId: SDK_APP_ID,
	callbackToken: TOKEN,
	toleranceSeconds: 60,
	nowSeconds: NOW,
	...overrides,
});

const BODY = { CallbackCommand: COMMAND, SessionId: 's-1', Event: 'SessionBegin', EventTime: 1725540020017 };
const BODY_TEXT = JSON.stringify(BODY);

function query(overrides: Record<string, unknown> = {}, time: number | string = NOW): Record<string, unknown> {
	const base: Record<string, unknown> = {
		SdkAppid: SDK_APP_ID,
		CallbackCommand: COMMAND,
		contenttype: 'json',
		ClientIP: '127.0.0.1',
		OptPlatform: 'RESTAPI',
		RequestID: 'req-1',
		RequestTime: String(time),
		Sign: sign(TOKEN, time),
	};
	for (const [name, value] of Object.entries(overrides)) {
		if (value === undefined) delete base[name];
		else base[name] = value;
	}
	return base;
}

function rejected(verdict: Verdict): { status: number; reason: string } {
	if (verdict.kind !== 'rejected') throw new Error(`expected a rejection, got ${verdict.kind}`);
	return { status: verdict.status, reason: verdict.reason };
}

describe('body (400)', () => {
	it.each<[string, Buffer | string | undefined]>([
		['no body at all', undefined],
		['an empty body', ''],
		['malformed JSON', '{"SessionId":"s-1","Event":'],
		['JSON with a trailing comma', '{"SessionId":"s-1","Event":"SessionBegin",}'],
		['a number', '42'],
		['a string', '"SessionBegin"'],
		['null', 'null'],
		['a boolean', 'true'],
		['an array of a valid body', `[${BODY_TEXT}]`],
		['an empty array', '[]'],
		['no SessionId', JSON.stringify({ Event: 'SessionBegin' })],
		['a numeric SessionId', JSON.stringify({ SessionId: 12, Event: 'SessionBegin' })],
		['a null SessionId', JSON.stringify({ SessionId: null, Event: 'SessionBegin' })],
		['no Event', JSON.stringify({ SessionId: 's-1' })],
		['a numeric Event', JSON.stringify({ SessionId: 's-1', Event: 7 })],
		['an object Event', JSON.stringify({ SessionId: 's-1', Event: { name: 'SessionBegin' } })],
		['an array Event', JSON.stringify({ SessionId: 's-1', Event: ['SessionBegin'] })],
		['malformed JSON as a Buffer', Buffer.from('{"SessionId"')],
		['invalid UTF-8 bytes', Buffer.from([0x7b, 0xff, 0xfe, 0x7d])],
	])('rejects %s', (_name, rawBody) => {
		expect(rejected(verifyCallback({ rawBody, query: query() }, settings()))).toEqual({
			status: 400,
			reason: 'Body must be a JSON object with string SessionId and Event',
		});
	});

	it('checks the body before anything else', () => {
		const everythingWrong = { SdkAppid: 'nope', RequestTime: undefined, Sign: 'bad' };
		expect(rejected(verifyCallback({ rawBody: 'not json', query: query(everythingWrong) }, settings())).status).toBe(400);
	});

	it('accepts the same body as a Buffer and as a string, with an empty SessionId and Event', () => {
		for (const rawBody of [BODY_TEXT, Buffer.from(BODY_TEXT)]) {
			const verdict = verifyCallback({ rawBody, query: query() }, settings());
			expect(verdict).toEqual({ kind: 'accepted', body: BODY, command: COMMAND });
		}
		const minimal = { SessionId: '', Event: '' };
		expect(verifyCallback({ rawBody: JSON.stringify(minimal), query: query() }, settings())).toEqual({
			kind: 'accepted',
			body: minimal,
			command: COMMAND,
		});
	});
});

describe('SdkAppid (403)', () => {
	it.each<[string, unknown]>([
		['another app', '1400000043'],
		['missing', undefined],
		['empty', ''],
		['with a space', ` ${SDK_APP_ID}`],
		['with a leading zero', `0${SDK_APP_ID}`],
		['a number, not a string', Number(SDK_APP_ID)],
		['an array whose first value is wrong', ['1400000043', SDK_APP_ID]],
		['an empty array', []],
		['an object', { value: SDK_APP_ID }],
	])('rejects SdkAppid %s', (_name, SdkAppid) => {
		expect(rejected(verifyCallback({ rawBody: BODY_TEXT, query: query({ SdkAppid }) }, settings()))).toEqual({
			status: 403,
			reason: 'SdkAppid does not match this credential',
		});
	});

	it('takes the first of repeated values', () => {
		const verdict = verifyCallback({ rawBody: BODY_TEXT, query: query({ SdkAppid: [SDK_APP_ID, 'other'] }) }, settings());
		expect(verdict.kind).toBe('accepted');
	});

	it('is checked before the signature, also without a token', () => {
		const bothWrong = query({ SdkAppid: '1', Sign: 'x' });
		expect(rejected(verifyCallback({ rawBody: BODY_TEXT, query: bothWrong }, settings())).status).toBe(403);
		expect(rejected(verifyCallback({ rawBody: BODY_TEXT, query: bothWrong }, settings({ callbackToken: '' }))).status).toBe(403);
	});
});

describe('with a Callback Token (401)', () => {
	it.each<[string, unknown]>([
		['missing', undefined],
		['empty', ''],
		['not digits', 'yesterday'],
		['negative', '-1725540020'],
		['a decimal', '1725540020.5'],
		['exponent notation', '1.7e9'],
		['padded with a space', ` ${NOW}`],
		['13 digits (milliseconds)', String(NOW * 1000)],
		['a number, not a string', NOW],
		['an array of a number', [NOW]],
	])('rejects RequestTime %s', (_name, RequestTime) => {
		expect(rejected(verifyCallback({ rawBody: BODY_TEXT, query: query({ RequestTime }) }, settings()))).toEqual({
			status: 401,
			reason: 'Missing or malformed RequestTime',
		});
	});

	const right = sign(TOKEN, NOW);
	it.each<[string, unknown]>([
		['missing', undefined],
		['empty', ''],
		['for another token', sign('other-token', NOW)],
		['for another time', sign(TOKEN, NOW + 1)],
		['one digit changed', right.slice(0, -1) + (right.endsWith('0') ? '1' : '0')],
		['in uppercase', right.toUpperCase()],
		['truncated', right.slice(0, 63)],
		['sha256 of time + token', sign(String(NOW), TOKEN)],
		['the token itself', TOKEN],
		['an array whose first value is wrong', ['0'.repeat(64), right]],
		['an object', { sign: right }],
	])('rejects a Sign %s', (_name, Sign) => {
		expect(rejected(verifyCallback({ rawBody: BODY_TEXT, query: query({ Sign }) }, settings()))).toEqual({
			status: 401,
			reason: 'Sign does not match',
		});
	});

	it('checks RequestTime, then Sign, then the clock', () => {
		// Malformed time and wrong sign: the time is named.
		expect(rejected(verifyCallback({ rawBody: BODY_TEXT, query: query({ RequestTime: 'x', Sign: 'y' }) }, settings())).reason).toBe(
			'Missing or malformed RequestTime',
		);
		// Stale and wrongly signed: the sign is named.
		const stale = query({ Sign: 'f'.repeat(64) }, NOW - 3600);
		expect(rejected(verifyCallback({ rawBody: BODY_TEXT, query: stale }, settings())).reason).toBe('Sign does not match');
	});

	it.each([
		['one second too old', NOW - 61],
		['one second too far ahead', NOW + 61],
		['an hour old', NOW - 3600],
		['a day ahead', NOW + 86400],
		['at the epoch', 0],
		['the largest 12-digit time', 999999999999],
	])('rejects a correctly signed time %s', (_name, time) => {
		expect(rejected(verifyCallback({ rawBody: BODY_TEXT, query: query({}, time) }, settings()))).toEqual({
			status: 401,
			reason: 'RequestTime is outside the allowed clock tolerance',
		});
	});

	it.each([
		['exactly the tolerance old', NOW - 60],
		['exactly the tolerance ahead', NOW + 60],
		['now', NOW],
	])('accepts a time %s', (_name, time) => {
		expect(verifyCallback({ rawBody: BODY_TEXT, query: query({}, time) }, settings()).kind).toBe('accepted');
	});

	it('uses the configured tolerance', () => {
		const tight = settings({ toleranceSeconds: 5 });
		expect(verifyCallback({ rawBody: BODY_TEXT, query: query({}, NOW - 5) }, tight).kind).toBe('accepted');
		expect(rejected(verifyCallback({ rawBody: BODY_TEXT, query: query({}, NOW - 6) }, tight)).status).toBe(401);
		const loose = settings({ toleranceSeconds: 3600 });
		expect(verifyCallback({ rawBody: BODY_TEXT, query: query({}, NOW + 3600) }, loose).kind).toBe('accepted');
	});

	it('accepts RequestTime with leading zeros when the sign covers the same text, and the first of repeated values', () => {
		const padded = `0${NOW}`;
		expect(verifyCallback({ rawBody: BODY_TEXT, query: query({}, padded) }, settings()).kind).toBe('accepted');
		const repeated = query({ RequestTime: [String(NOW), '1'], Sign: [sign(TOKEN, NOW), 'x'] });
		expect(verifyCallback({ rawBody: BODY_TEXT, query: repeated }, settings()).kind).toBe('accepted');
	});
});

describe('without a Callback Token', () => {
	it('does not look at RequestTime or Sign', () => {
		const noToken = settings({ callbackToken: '' });
		for (const overrides of [
			{ RequestTime: undefined, Sign: undefined },
			{ Sign: 'garbage' },
			{ RequestTime: 'yesterday' },
			{ RequestTime: String(NOW - 86400) },
		]) {
			expect(verifyCallback({ rawBody: BODY_TEXT, query: query(overrides) }, noToken).kind).toBe('accepted');
		}
	});
});

describe('CallbackCommand', () => {
	const verdictFor = (commandInQuery: unknown, body: Record<string, unknown>) =>
		verifyCallback({ rawBody: JSON.stringify(body), query: query({ CallbackCommand: commandInQuery }) }, settings());

	it('accepts Desk.SessionEventNotify from the query or, without one, from the body', () => {
		expect(verdictFor(COMMAND, { SessionId: 's', Event: 'e' })).toMatchObject({ kind: 'accepted', command: COMMAND });
		expect(verdictFor(undefined, BODY)).toMatchObject({ kind: 'accepted', command: COMMAND });
		expect(verdictFor([COMMAND, 'x'], { SessionId: 's', Event: 'e' })).toMatchObject({ kind: 'accepted', command: COMMAND });
	});

	it('rejects a body whose command contradicts the query’s, whichever says session event', () => {
		const contradiction = { kind: 'rejected', status: 400, reason: 'CallbackCommand in the body contradicts the one in the query' };
		expect(verdictFor('Desk.Other', BODY)).toEqual(contradiction);
		expect(verdictFor(COMMAND, { ...BODY, CallbackCommand: 'Chatbot.InterfaceInvocation' })).toEqual(contradiction);
		expect(verdictFor('Desk.Other', { SessionId: 's', Event: 'e' })).toMatchObject({ kind: 'otherCommand', command: 'Desk.Other' });
	});

	it('only takes a string command from the body, and never throws on odd ones', () => {
		for (const CallbackCommand of [{ toString: 0 }, { toString: 0, valueOf: 0 }, [COMMAND], [[COMMAND]], null, true]) {
			expect(verdictFor(undefined, { SessionId: 's', Event: 'e', CallbackCommand })).toEqual({
				kind: 'otherCommand',
				body: { SessionId: 's', Event: 'e', CallbackCommand },
				command: '',
			});
		}
	});

	it('calls anything else otherCommand, with the command it saw', () => {
		expect(verdictFor(undefined, { SessionId: 's', Event: 'e' })).toMatchObject({ kind: 'otherCommand', command: '' });
		expect(verdictFor(undefined, { SessionId: 's', Event: 'e', CallbackCommand: 42 })).toMatchObject({
			kind: 'otherCommand',
			command: '',
		});
		const bodyWithoutCommand = { SessionId: 's', Event: 'e' };
		expect(verdictFor('desk.sessioneventnotify', bodyWithoutCommand)).toMatchObject({ kind: 'otherCommand' });
		expect(verdictFor('C2C.CallbackAfterSendMsg', bodyWithoutCommand)).toMatchObject({ kind: 'otherCommand', command: 'C2C.CallbackAfterSendMsg' });
	});
});

describe('reasons', () => {
	it('never contain the token, the expected sign or the sign that was sent', () => {
		const queryValue = fc.oneof(fc.string(), fc.constant(undefined), fc.array(fc.string(), { maxLength: 2 }), fc.integer());
		fc.assert(
			fc.property(
				fc.oneof(fc.constant(BODY_TEXT), fc.string(), fc.json()),
				fc.record({ SdkAppid: fc.oneof(fc.constant(SDK_APP_ID), queryValue), RequestTime: fc.oneof(fc.integer({ min: NOW - 200, max: NOW + 200 }).map(String), queryValue), Sign: queryValue }),
				fc.boolean(),
				(rawBody, overrides, signRight) => {
					const q = query(overrides);
					if (signRight && typeof q.RequestTime === 'string') q.Sign = sign(TOKEN, q.RequestTime);
					const verdict = verifyCallback({ rawBody, query: q }, settings());
					if (verdict.kind !== 'rejected') return;
					expect(verdict.reason).not.toContain(TOKEN);
					expect(verdict.reason).not.toMatch(/[0-9a-f]{16}/i);
					expect(verdict.reason.length).toBeLessThan(80);
				},
			),
			{ seed: 4242, numRuns: 500 },
		);
	});
});

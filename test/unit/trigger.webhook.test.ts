/**
 * The trigger's webhook(): what it answers, what it runs, where items go, what they look like.
 * The IWebhookFunctions is hand-made (test/helpers/webhookContext.ts); parameters the test does
 * not set take the node description's defaults, as in n8n.
 */
import { randomUUID } from 'crypto';

import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { ALL_EVENTS, DESK_EVENTS } from '../../nodes/shared/events';
import { CALLBACK_SECRETS_CACHE_MS } from '../../nodes/TencentCloudDeskTrigger/callbackSecrets';
import {
	ACK_TEXT,
	TEST_SDK_APP_ID,
	TEST_TOKEN,
	callWebhook,
	callbackQuery,
	sampleBody,
	sha256Hex,
	testCredentials,
	validRequest,
	type WebhookCall,
	type WebhookRequest,
	type WebhookSetup,
} from '../helpers/webhookContext';

const EVENT_VALUES = DESK_EVENTS.map((event) => event.value);
const UNKNOWN_EVENT = 'Human.AgentSendCard';

afterEach(() => jest.restoreAllMocks());

/** The request was acknowledged with Tencent's exact ack and `res` was never touched. */
function expectAck(call: WebhookCall): void {
	expect(JSON.stringify(call.result.webhookResponse)).toBe(ACK_TEXT);
	expect(call.result.noWebhookResponse).toBeUndefined();
	expect(call.response.calls).toEqual([]);
}

function expectAckOnly(call: WebhookCall): void {
	expectAck(call);
	expect(call.result).not.toHaveProperty('workflowData');
}

/** Asserts the shape of workflowData: `outputs` arrays, the one item on `index`. */
function itemOn(call: WebhookCall, outputs: number, index: number): INodeExecutionData {
	expectAck(call);
	const data = call.result.workflowData;
	expect(data).toBeDefined();
	expect(data).toHaveLength(outputs);
	data!.forEach((items, i) => expect(items).toHaveLength(i === index ? 1 : 0));
	return data![index][0];
}

function expectRejected(call: WebhookCall, status: number, reason: string): void {
	expect(call.result).toEqual({ noWebhookResponse: true });
	expect(call.response.calls).toEqual([
		{ method: 'status', args: [status] },
		{ method: 'json', args: [{ ActionStatus: 'FAIL', ErrorCode: status, ErrorInfo: reason }] },
	]);
}

const perEventAll: WebhookSetup = { parameters: { routing: 'perEvent', events: [ALL_EVENTS] } };

describe('accepting a callback', () => {
	it('answers with the exact ack and runs once, raw body as a Buffer', async () => {
		const call = await callWebhook(validRequest());
		const item = itemOn(call, 1, 0);
		expect(item.json.SessionId).toBe('2baf4d84-beb4-4607-a1ea-6ebcaef3e0e6');
		expect(Object.keys(call.result).sort()).toEqual(['webhookResponse', 'workflowData']);
	});

	it('accepts the raw body as a string', async () => {
		const body = sampleBody('SessionBegin');
		const call = await callWebhook({ rawBody: JSON.stringify(body), query: callbackQuery() });
		expect(itemOn(call, 1, 0).json.Event).toBe('SessionBegin');
	});

	it('falls back to the parsed body when n8n kept no raw body', async () => {
		const body = sampleBody('SessionEnd');
		const call = await callWebhook({ bodyData: body, query: callbackQuery() });
		expect(itemOn(call, 1, 0).json.Event).toBe('SessionEnd');
		const bad = await callWebhook({ bodyData: { Event: 'SessionEnd' }, query: callbackQuery() });
		expectRejected(bad, 400, 'Body must be a JSON object with string SessionId and Event');
	});

	it('verifies the raw bytes, not the parsed body', async () => {
		// n8n parsed something valid, but the bytes Desk sent are not a callback.
		const call = await callWebhook({ rawBody: Buffer.from('garbage'), bodyData: sampleBody(), query: callbackQuery() });
		expectRejected(call, 400, 'Body must be a JSON object with string SessionId and Event');
	});

	it('accepts without a Callback Token and no RequestTime/Sign', async () => {
		const call = await callWebhook(
			{ rawBody: JSON.stringify(sampleBody()), query: callbackQuery({ token: '' }) },
			{ credentials: testCredentials({ callbackToken: '' }) },
		);
		itemOn(call, 1, 0);
	});

	it('matches a numeric or string SDKAppID in the credential', async () => {
		for (const sdkAppId of [TEST_SDK_APP_ID, String(TEST_SDK_APP_ID)]) {
			itemOn(await callWebhook(validRequest(), { credentials: testCredentials({ sdkAppId }) }), 1, 0);
		}
	});
});

describe('rejecting a callback', () => {
	const body = JSON.stringify(sampleBody());
	it.each<[string, () => WebhookRequest, number, string]>([
		['malformed JSON', () => ({ rawBody: '{"SessionId":', query: callbackQuery() }), 400, 'Body must be a JSON object with string SessionId and Event'],
		['an array body', () => ({ rawBody: `[${body}]`, query: callbackQuery() }), 400, 'Body must be a JSON object with string SessionId and Event'],
		['a numeric SessionId', () => ({ rawBody: JSON.stringify(sampleBody('SessionBegin', { SessionId: 5 })), query: callbackQuery() }), 400, 'Body must be a JSON object with string SessionId and Event'],
		['another SdkAppid', () => ({ rawBody: body, query: callbackQuery({ sdkAppId: TEST_SDK_APP_ID + 1 }) }), 403, 'SdkAppid does not match this credential'],
		['no SdkAppid', () => ({ rawBody: body, query: { ...callbackQuery(), SdkAppid: undefined } }), 403, 'SdkAppid does not match this credential'],
		['no RequestTime', () => ({ rawBody: body, query: callbackQuery({ token: '' }) }), 401, 'Missing or malformed RequestTime'],
		['a Sign for another token', () => ({ rawBody: body, query: callbackQuery({ token: 'someone-else' }) }), 401, 'Sign does not match'],
		['an uppercase Sign', () => {
			const query = callbackQuery();
			return { rawBody: body, query: { ...query, Sign: query.Sign.toUpperCase() } };
		}, 401, 'Sign does not match'],
		['a time two minutes old', () => ({ rawBody: body, query: callbackQuery({ requestTime: Math.floor(Date.now() / 1000) - 120 }) }), 401, 'RequestTime is outside the allowed clock tolerance'],
		['a time two minutes ahead', () => ({ rawBody: body, query: callbackQuery({ requestTime: Math.floor(Date.now() / 1000) + 120 }) }), 401, 'RequestTime is outside the allowed clock tolerance'],
	])('%s → %i with a FAIL body and nothing run', async (_name, request, status, reason) => {
		const call = await callWebhook(request());
		expectRejected(call, status, reason);
		expect(call.result).not.toHaveProperty('workflowData');
		expect(call.result).not.toHaveProperty('webhookResponse');
	});

	it('uses the Clock Tolerance option and this server’s clock', async () => {
		const nowMs = 1_725_540_020_500;
		jest.spyOn(Date, 'now').mockReturnValue(nowMs);
		const nowSeconds = Math.floor(nowMs / 1000);
		const options = { parameters: { options: { toleranceSeconds: 10 } } };
		itemOn(await callWebhook(validRequest('SessionBegin', { requestTime: nowSeconds - 10 }), options), 1, 0);
		itemOn(await callWebhook(validRequest('SessionBegin', { requestTime: nowSeconds + 10 }), options), 1, 0);
		expectRejected(await callWebhook(validRequest('SessionBegin', { requestTime: nowSeconds - 11 }), options), 401, 'RequestTime is outside the allowed clock tolerance');
		expectRejected(await callWebhook(validRequest('SessionBegin', { requestTime: nowSeconds + 11 }), options), 401, 'RequestTime is outside the allowed clock tolerance');
		// Default: 60 s.
		itemOn(await callWebhook(validRequest('SessionBegin', { requestTime: nowSeconds - 60 })), 1, 0);
		expectRejected(await callWebhook(validRequest('SessionBegin', { requestTime: nowSeconds - 61 })), 401, 'RequestTime is outside the allowed clock tolerance');
	});
});

describe('routing', () => {
	it('single output with All Events: every event, known or not, on output 0', async () => {
		for (const event of [...EVENT_VALUES, UNKNOWN_EVENT]) {
			expect(itemOn(await callWebhook(validRequest(event)), 1, 0).json.Event).toBe(event);
		}
	});

	it('single output with some events: those on output 0, the rest acknowledged only', async () => {
		const setup = { parameters: { routing: 'single', events: ['SessionEnd', 'NoAgentOnline'] } };
		itemOn(await callWebhook(validRequest('SessionEnd'), setup), 1, 0);
		itemOn(await callWebhook(validRequest('NoAgentOnline'), setup), 1, 0);
		expectAckOnly(await callWebhook(validRequest('SessionBegin'), setup));
		expectAckOnly(await callWebhook(validRequest(UNKNOWN_EVENT), setup));
	});

	it('one output per event with All Events: 18 arrays, each event on its own, unknown ones on Other', async () => {
		for (const [index, event] of EVENT_VALUES.entries()) {
			expect(itemOn(await callWebhook(validRequest(event), perEventAll), 18, index).json.Event).toBe(event);
		}
		expect(itemOn(await callWebhook(validRequest(UNKNOWN_EVENT), perEventAll), 18, 17).json.Event).toBe(UNKNOWN_EVENT);
	});

	it('one output per selected event: catalogue order whatever the selection order; unselected and unknown dropped', async () => {
		const setup = { parameters: { routing: 'perEvent', events: ['SessionEnd', 'NoAgentOnline', 'SessionBegin'] } };
		itemOn(await callWebhook(validRequest('SessionBegin'), setup), 3, 0);
		itemOn(await callWebhook(validRequest('NoAgentOnline'), setup), 3, 1);
		itemOn(await callWebhook(validRequest('SessionEnd'), setup), 3, 2);
		expectAckOnly(await callWebhook(validRequest('ChatBot.UserSendMsg'), setup));
		expectAckOnly(await callWebhook(validRequest(UNKNOWN_EVENT), setup));
	});

	it('no events selected: everything acknowledged, nothing run', async () => {
		for (const routing of ['single', 'perEvent']) {
			for (const event of ['SessionBegin', UNKNOWN_EVENT]) {
				expectAckOnly(await callWebhook(validRequest(event), { parameters: { routing, events: [] } }));
			}
		}
	});
});

describe('other callback commands', () => {
	const otherCommand = (): WebhookRequest => ({
		rawBody: JSON.stringify(sampleBody('SessionBegin', { CallbackCommand: 'Desk.Other' })),
		query: callbackQuery({ command: 'Desk.Other' }),
	});

	it('are acknowledged without running by default', async () => {
		expectAckOnly(await callWebhook(otherCommand()));
		expectAckOnly(await callWebhook(otherCommand(), { parameters: { options: { allowOtherCommands: false } } }));
	});

	it('run with Run for Other Callback Commands, routed like any event', async () => {
		const item = itemOn(await callWebhook(otherCommand(), { parameters: { options: { allowOtherCommands: true } } }), 1, 0);
		expect(item.json.callback).toMatchObject({ CallbackCommand: 'Desk.Other' });
		itemOn(await callWebhook(otherCommand(), { parameters: { ...perEventAll.parameters, options: { allowOtherCommands: true } } }), 18, 0);
	});

	it('take the command from the body when the query has none', async () => {
		const query: Record<string, unknown> = { ...callbackQuery() };
		delete query.CallbackCommand;
		expectAckOnly(await callWebhook({ rawBody: JSON.stringify(sampleBody('SessionBegin', { CallbackCommand: 'Desk.Other' })), query }));
		itemOn(await callWebhook({ rawBody: JSON.stringify(sampleBody('SessionBegin')), query }), 1, 0);
	});

	it('do not crash the handler when the body’s command is an object that cannot become a string', async () => {
		const query: Record<string, unknown> = { ...callbackQuery() };
		delete query.CallbackCommand;
		const rawBody = '{"SessionId":"s","Event":"SessionBegin","CallbackCommand":{"toString":0,"valueOf":0}}';
		expectAckOnly(await callWebhook({ rawBody, query }));
		const item = itemOn(await callWebhook({ rawBody, query }, { parameters: { options: { allowOtherCommands: true } } }), 1, 0);
		expect(item.json.CallbackCommand).toEqual({ toString: 0, valueOf: 0 });
	});
});

describe('repeated deliveries', () => {
	const unique = (): WebhookSetup => ({ workflowId: `wf-${randomUUID()}`, nodeId: 'node-1' });

	it('run once per RequestID; the repeat is acknowledged only', async () => {
		const setup = unique();
		const requestId = randomUUID();
		itemOn(await callWebhook(validRequest('SessionBegin', { requestId }), setup), 1, 0);
		expectAckOnly(await callWebhook(validRequest('SessionBegin', { requestId }), setup));
		expectAckOnly(await callWebhook(validRequest('SessionEnd', { requestId }), setup));
		itemOn(await callWebhook(validRequest('SessionBegin'), setup), 1, 0);
	});

	it('are remembered per workflow and node', async () => {
		const setup = unique();
		const requestId = randomUUID();
		itemOn(await callWebhook(validRequest('SessionBegin', { requestId }), setup), 1, 0);
		itemOn(await callWebhook(validRequest('SessionBegin', { requestId }), { ...setup, nodeId: 'node-2' }), 1, 0);
		itemOn(await callWebhook(validRequest('SessionBegin', { requestId }), { ...setup, workflowId: `${setup.workflowId}-b` }), 1, 0);
		expectAckOnly(await callWebhook(validRequest('SessionBegin', { requestId }), setup));
	});

	it('always run in a manual test run, which remembers nothing', async () => {
		const setup = unique();
		const requestId = randomUUID();
		itemOn(await callWebhook(validRequest('SessionBegin', { requestId }), { ...setup, mode: 'manual' }), 1, 0);
		itemOn(await callWebhook(validRequest('SessionBegin', { requestId }), { ...setup, mode: 'manual' }), 1, 0);
		itemOn(await callWebhook(validRequest('SessionBegin', { requestId }), setup), 1, 0);
		expectAckOnly(await callWebhook(validRequest('SessionBegin', { requestId }), setup));
	});

	it('all run with Ignore Repeated Deliveries off, and without a RequestID', async () => {
		const setup = unique();
		const requestId = randomUUID();
		const off = { ...setup, parameters: { options: { ignoreRepeatedDeliveries: false } } };
		itemOn(await callWebhook(validRequest('SessionBegin', { requestId }), off), 1, 0);
		itemOn(await callWebhook(validRequest('SessionBegin', { requestId }), off), 1, 0);
		const noId = (): WebhookRequest => {
			const request = validRequest('SessionBegin');
			delete (request.query as Record<string, unknown>).RequestID;
			return request;
		};
		itemOn(await callWebhook(noId(), setup), 1, 0);
		itemOn(await callWebhook(noId(), setup), 1, 0);
	});

	it('run again after the Repeat Window', async () => {
		const setup = { ...unique(), parameters: { options: { deduplicationMinutes: 1 } } };
		const requestId = randomUUID();
		const start = Date.now();
		const now = jest.spyOn(Date, 'now').mockReturnValue(start);
		const request = () => validRequest('SessionBegin', { requestId, requestTime: Math.floor(Date.now() / 1000) });
		itemOn(await callWebhook(request(), setup), 1, 0);
		now.mockReturnValue(start + 59_000);
		expectAckOnly(await callWebhook(request(), setup));
		now.mockReturnValue(start + 60_001);
		itemOn(await callWebhook(request(), setup), 1, 0);
	});

	it('a rejected request does not use up its RequestID', async () => {
		const setup = unique();
		const requestId = randomUUID();
		const forged = validRequest('SessionBegin', { requestId, token: 'wrong-token' });
		expectRejected(await callWebhook(forged, setup), 401, 'Sign does not match');
		itemOn(await callWebhook(validRequest('SessionBegin', { requestId }), setup), 1, 0);
	});

	it('exactly one of many concurrent deliveries runs', async () => {
		const setup = unique();
		const requestId = randomUUID();
		const calls = await Promise.all(Array.from({ length: 50 }, () => callWebhook(validRequest('SessionBegin', { requestId }), setup)));
		expect(calls.filter((call) => call.result.workflowData !== undefined)).toHaveLength(1);
		calls.forEach(expectAck);
	});
});

describe('the item', () => {
	it('keeps every field Desk sent and adds eventName, eventTime, phase, messageText and callback', async () => {
		const body = sampleBody('ChatBot.UserSendMsg', {
			MsgBody: [
				{ MsgType: 'TIMTextElem', MsgContent: { Text: 'First line' } },
				{ MsgType: 'TIMImageElem', MsgContent: { UUID: 'img-1', ImageFormat: 1, ImageInfoArray: [] } },
				{ MsgType: 'TIMTextElem', MsgContent: { Text: 'Second line' } },
				{ MsgType: 'TIMCustomElem', MsgContent: { Data: '{"x":1}' } },
			],
			ForwardFromAgentId: 'previous@example.com',
			UnknownFutureField: { nested: [1, 2, 3] },
		});
		const query = callbackQuery({ requestId: 'req-shape-1' });
		const item = itemOn(await callWebhook({ rawBody: Buffer.from(JSON.stringify(body)), query }), 1, 0);
		for (const [key, value] of Object.entries(body)) expect(item.json[key]).toEqual(value);
		expect(item.json.eventName).toBe('Chatbot: User Message');
		expect(item.json.eventTime).toBe('2024-09-05T12:40:20.017Z');
		expect(item.json.phase).toBe('chatbot');
		expect(item.json.messageText).toBe('First line\nSecond line');
		expect(item.json.callback).toEqual({
			SdkAppid: String(TEST_SDK_APP_ID),
			CallbackCommand: 'Desk.SessionEventNotify',
			ClientIP: '203.0.113.7',
			OptPlatform: 'RESTAPI',
			RequestID: 'req-shape-1',
			RequestTime: query.RequestTime,
		});
		expect(Object.keys(item.json).sort()).toEqual(
			[...Object.keys(body), 'eventName', 'eventTime', 'phase', 'messageText', 'callback'].sort(),
		);
		expect(item).toEqual({ json: item.json });
	});

	it.each([
		['SessionBegin', 'Session Begin', 'session'],
		['Human.AgentSendMsg', 'Human: Agent Message', 'human'],
		['NoAgentOnline', 'No Agent Online', 'human'],
		['SatisfactionSelected', 'Satisfaction Rated', 'session'],
		['ChatBot.RobotSendCard', 'ChatBot.RobotSendCard', 'chatbot'],
		['Human.AgentSendCard', 'Human.AgentSendCard', 'human'],
		['SessionArchived', 'SessionArchived', 'session'],
	])('names %s “%s”, phase %s', async (event, eventName, phase) => {
		const item = itemOn(await callWebhook(validRequest(event)), 1, 0);
		expect(item.json).toMatchObject({ Event: event, eventName, phase });
	});

	it('has messageText only when there is a MsgBody, and "" for non-text messages', async () => {
		const noMessage = JSON.stringify({ SessionId: 's', Event: 'SessionBegin', EventTime: 1 });
		const item = itemOn(await callWebhook({ rawBody: noMessage, query: callbackQuery() }), 1, 0);
		expect(item.json).not.toHaveProperty('messageText');
		const image = JSON.stringify(sampleBody('Human.UserSendMsg', { MsgBody: [{ MsgType: 'TIMImageElem', MsgContent: {} }] }));
		expect(itemOn(await callWebhook({ rawBody: image, query: callbackQuery() }), 1, 0).json.messageText).toBe('');
		const odd = JSON.stringify(sampleBody('Human.UserSendMsg', { MsgBody: 'not an array' }));
		expect(itemOn(await callWebhook({ rawBody: odd, query: callbackQuery() }), 1, 0).json.messageText).toBe('');
	});

	it.each<[string, unknown, string | null]>([
		['milliseconds', 1725540020017, '2024-09-05T12:40:20.017Z'],
		['milliseconds as digits', '1725540020017', '2024-09-05T12:40:20.017Z'],
		['missing', undefined, null],
		['not a number', 'yesterday', null],
		['out of range', 1e20, null],
	])('eventTime from EventTime %s', async (_name, EventTime, expected) => {
		const body = { SessionId: 's', Event: 'SessionBegin', EventTime };
		expect(itemOn(await callWebhook({ rawBody: JSON.stringify(body), query: callbackQuery() }), 1, 0).json.eventTime).toBe(expected);
	});

	it('takes the first of repeated query values for the callback metadata and leaves out non-strings', async () => {
		const query: Record<string, unknown> = { ...callbackQuery(), ClientIP: ['198.51.100.1', '198.51.100.2'], OptPlatform: { x: 1 } };
		const callback = itemOn(await callWebhook({ rawBody: JSON.stringify(sampleBody()), query }), 1, 0).json.callback as IDataObject;
		expect(callback.ClientIP).toBe('198.51.100.1');
		expect(callback).not.toHaveProperty('OptPlatform');
	});
});

describe('reading the credential', () => {
	const counted = (extra: WebhookSetup = {}) => {
		const reads = { count: 0 };
		const setup: WebhookSetup = {
			workflowId: `wf-${randomUUID()}`,
			nodeId: 'node-1',
			credentialId: `cred-${randomUUID()}`,
			onGetCredentials: () => reads.count++,
			...extra,
		};
		return { setup, reads };
	};

	it('happens once per few seconds per trigger, not per callback', async () => {
		const { setup, reads } = counted();
		for (let i = 0; i < 5; i++) itemOn(await callWebhook(validRequest('SessionBegin'), setup), 1, 0);
		expect(reads.count).toBe(1);
		const start = Date.now();
		jest.spyOn(Date, 'now').mockReturnValue(start + CALLBACK_SECRETS_CACHE_MS + 1);
		itemOn(await callWebhook(validRequest('SessionBegin', { requestTime: Math.floor(start / 1000) }), setup), 1, 0);
		expect(reads.count).toBe(2);
	});

	it('picks up an edited token once the few seconds have passed', async () => {
		const { setup } = counted();
		itemOn(await callWebhook(validRequest('SessionBegin'), setup), 1, 0);
		const edited = { ...setup, credentials: { ...testCredentials(), callbackToken: 'a-new-token' } };
		// Within the cache time the old token still holds; after it, only the new one does.
		itemOn(await callWebhook(validRequest('SessionBegin'), edited), 1, 0);
		const start = Date.now();
		jest.spyOn(Date, 'now').mockReturnValue(start + CALLBACK_SECRETS_CACHE_MS + 1);
		const requestTime = Math.floor(start / 1000);
		expectRejected(await callWebhook(validRequest('SessionBegin', { requestTime }), edited), 401, 'Sign does not match');
		itemOn(await callWebhook(validRequest('SessionBegin', { requestTime, token: 'a-new-token' }), edited), 1, 0);
	});

	it('is kept apart per workflow, node and credential', async () => {
		const { setup, reads } = counted();
		await callWebhook(validRequest('SessionBegin'), setup);
		await callWebhook(validRequest('SessionBegin'), { ...setup, nodeId: 'node-2' });
		await callWebhook(validRequest('SessionBegin'), { ...setup, workflowId: `${setup.workflowId}-b` });
		await callWebhook(validRequest('SessionBegin'), { ...setup, credentialId: `${setup.credentialId}-b` });
		expect(reads.count).toBe(4);
	});

	it('happens on every callback of a manual test run', async () => {
		const { setup, reads } = counted({ mode: 'manual' });
		for (let i = 0; i < 3; i++) itemOn(await callWebhook(validRequest('SessionBegin'), setup), 1, 0);
		expect(reads.count).toBe(3);
	});
});

describe('secrets', () => {
	const secrets = [TEST_TOKEN, testCredentials().secretKey as string];

	it('never appear in an item, an ack or a rejection', async () => {
		const requests: WebhookRequest[] = [
			validRequest('ChatBot.UserSendMsg'),
			validRequest(UNKNOWN_EVENT),
			validRequest('SessionBegin', { token: 'wrong' }),
			validRequest('SessionBegin', { requestTime: 1 }),
			{ rawBody: 'nope', query: callbackQuery() },
			{ rawBody: JSON.stringify(sampleBody()), query: callbackQuery({ sdkAppId: 1 }) },
		];
		for (const request of requests) {
			for (const setup of [{}, perEventAll, { parameters: { options: { allowOtherCommands: true } } }]) {
				const call = await callWebhook(request, setup);
				const sign = String((request.query as IDataObject).Sign);
				const time = String((request.query as IDataObject).RequestTime);
				const text = JSON.stringify({ result: call.result, response: call.response.calls });
				for (const secret of [...secrets, sign, sha256Hex(`${TEST_TOKEN}${time}`)]) expect(text).not.toContain(secret);
			}
		}
	});
});

/**
 * The trigger's webhook() deciding whether a callback is Desk's: what it accepts (raw body as a Buffer
 * or a string, the parsed body as a fallback, with or without a Callback Token), what it rejects and how
 * (status, FAIL body, nothing run), the clock tolerance, and that no secret ever shows in an answer.
 * The IWebhookFunctions is hand-made (test/helpers/webhookContext.ts).
 */
import type { IDataObject } from 'n8n-workflow';

import {
	TEST_SDK_APP_ID,
	TEST_TOKEN,
	callWebhook,
	callbackQuery,
	sampleBody,
	sha256Hex,
	testCredentials,
	validRequest,
	type WebhookRequest,
} from '../helpers/webhookContext';
import { expectRejected, itemOn, perEventAll, UNKNOWN_EVENT } from '../helpers/webhookAssertions';

afterEach(() => jest.restoreAllMocks());

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

/**
 * Repeated deliveries of one callback (same RequestID) to the trigger's webhook(): run once per workflow and
 * node, always in a manual test run, again after the Repeat Window, and once among many concurrent ones.
 */
import { randomUUID } from 'crypto';

import {
	callWebhook,
	validRequest,
	type WebhookRequest,
	type WebhookSetup,
} from '../helpers/webhookContext';
import { expectAck, expectAckOnly, expectRejected, itemOn } from '../helpers/webhookAssertions';

afterEach(() => jest.restoreAllMocks());

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

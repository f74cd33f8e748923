/**
 * How often the trigger's webhook() reads its credential: once per few seconds per trigger (workflow, node,
 * credential), on every callback of a manual test run, and an edited Callback Token picked up afterwards.
 */
import { randomUUID } from 'crypto';

import { CALLBACK_SECRETS_CACHE_MS } from '../../nodes/shared/callbackSecrets';
import {
	callWebhook,
	testCredentials,
	validRequest,
	type WebhookSetup,
} from '../helpers/webhookContext';
import { expectRejected, itemOn } from '../helpers/webhookAssertions';

afterEach(() => jest.restoreAllMocks());

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

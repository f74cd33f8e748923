/**
 * The Decision Trigger in n8n's queue mode (PostgreSQL + Redis, one webhook processor, one worker): the
 * webhook processor holds Desk's request while a worker runs the workflow, and relays the worker's answer.
 * The VIP example routes through the worker; when the workflow fails on the worker, n8n's reply there is
 * HTTP 500 {"message":"Workflow execution failed"}, and Desk must still get the trigger's fallback.
 */
import { stopAllProcesses } from '../../dev/harness';
import { loadExample, triggerWebhookId, withBaseUrl } from '../../dev/harness/examples';
import { startQueueCluster, waitForSettledExecutions, type QueueCluster } from '../../dev/harness/queue';
import { startShopStandIn, type ShopStandIn } from '../../dev/harness/shopStandIn';
import type { DeskSimulator } from '../../dev/simulator';
import { startDeskSimulator } from '../../dev/simulator';
import { simulatorCredentials } from '../../dev/simulator/n8nCredential';
import { CREDENTIAL_TYPE } from '../../nodes/shared/credentialType';
import { logOnFailure } from '../helpers/failureLogs';
import { CREDENTIAL_NAME } from '../helpers/queueBurst';

jest.setTimeout(10 * 60_000);

let cluster: QueueCluster;
let simulator: DeskSimulator;
let shop: ShopStandIn;
let workflowId: string;

beforeAll(async () => {
	simulator = await startDeskSimulator({ seed: false });
	shop = await startShopStandIn();
	shop.customers.set('vip_user', { tier: 'vip' });
	cluster = await startQueueCluster({ webhookProcessors: 1, workers: 1 });
	await cluster.api.createCredential(CREDENTIAL_NAME, CREDENTIAL_TYPE, simulatorCredentials(simulator));
	const example = withBaseUrl(loadExample('route-vip-customers.json'), 'https://crm.example.com', shop.url);
	workflowId = (await cluster.api.createWorkflow(example)).id;
	await cluster.api.activateWorkflow(workflowId);
	const webhookId = triggerWebhookId(example);
	await cluster.waitForWebhook(webhookId);
	simulator.decisions.urls = { assignHuman: { url: cluster.webhookUrl(webhookId) } };
	// The first callback after start took over 2 s here (n8n's first execution on the worker; before the trigger
	// runs, so the deadline cannot cover it): warm up once, as the README says to after a restart.
	await askForHuman('vip_user');
}, 15 * 60_000);

afterAll(async () => {
	await cluster?.stop();
	await stopAllProcesses();
	await shop?.close();
	await simulator?.close();
});

logOnFailure('logs', () => cluster?.logTails(40));

async function askForHuman(clientUserId: string) {
	const { sessionId } = simulator.sessions.create({ clientUserId });
	await simulator.advanceSession(sessionId, 'SessionBegin');
	const { record } = await simulator.decisions.requestHuman(sessionId);
	return { record, session: simulator.sessions.get(sessionId) };
}

describe('Decision Trigger in queue mode', () => {
	it('relays the routing the workflow decided on the worker', async () => {
		const { record, session } = await askForHuman('vip_user');
		expect(record).toMatchObject({ status: 200, used: true, answer: { ActionStatus: 'OK', AgentGroupId: 2 } });
		expect(record.latencyMs).toBeLessThan(2000);
		expect(session).toMatchObject({ phase: 'Agent', skillGroupId: 2 });
	});

	it('answers the fallback group when the workflow fails on the worker', async () => {
		const { record, session } = await askForHuman('unknown_user');
		expect(record).toMatchObject({ status: 200, used: true, answer: { ActionStatus: 'OK', AgentGroupId: 1 } });
		expect(record.latencyMs).toBeLessThan(2000);
		expect(session).toMatchObject({ skillGroupId: 1 });
		// The warm-up and the VIP routing succeeded; this one failed on the worker.
		const counts = await waitForSettledExecutions(cluster.postgres, workflowId, { expectedAtLeast: 3, timeoutMs: 60_000 });
		expect(counts).toEqual({ success: 2, error: 1 });
	});
});

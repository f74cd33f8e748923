/**
 * Setup for test/e2e/decisions.e2e.test.ts: the simulator, a shop stand-in (CRM and orders), and one real n8n
 * with the two decision examples plus two small workflows (before-contact answered by the workflow, and
 * answered at once), each active, with the simulator's decision URLs pointing at them.
 */
import type { N8nInstance, WorkflowJson } from '../../dev/harness';
import { startN8n, stopAllProcesses } from '../../dev/harness';
import { loadExample, withBaseUrl } from '../../dev/harness/examples';
import { startShopStandIn, type ShopStandIn } from '../../dev/harness/shopStandIn';
import type { DeskSimulator } from '../../dev/simulator';
import { startDeskSimulator } from '../../dev/simulator';
import { simulatorCredentials } from '../../dev/simulator/n8nCredential';
import { logOnFailure } from './failureLogs';
import { activateWorkflow, CREDENTIAL_NAME, type ActiveWorkflow } from './simulatorInN8n';

export interface DecisionsInN8n {
	n8n: N8nInstance;
	simulator: DeskSimulator;
	shop: ShopStandIn;
	routing: ActiveWorkflow;
	/** The VIP example with a 600 ms Answer Deadline: a CRM slower than that, yet within the lookup's timeout, meets the deadline. */
	routingShortDeadline: ActiveWorkflow;
	/** The VIP example with Max Decisions in Progress 2: a burst beyond it is answered by the fallback at once. */
	routingLimited: ActiveWorkflow;
	orderLookup: ActiveWorkflow;
	contact: ActiveWorkflow;
	contactAtOnce: ActiveWorkflow;
}

const credentials = { tencentCloudDeskApi: { name: CREDENTIAL_NAME } };

/** Decision Trigger (before contact) → Decision Answer: refuses the user `blocked_user`, allows everyone else. */
export function contactWorkflow(name: string, webhookId: string, answerMode: 'workflow' | 'atOnce'): WorkflowJson {
	return {
		name,
		nodes: [
			{
				name: 'Before Contact',
				type: 'n8n-nodes-tencent-desk.tencentCloudDeskDecisionTrigger',
				typeVersion: 1,
				position: [0, 0],
				webhookId,
				parameters: { decision: 'beforeContact', answerMode, fallbackContact: 'refuse', options: {} },
				credentials,
			},
			{
				name: 'Answer Contact',
				type: 'n8n-nodes-tencent-desk.tencentCloudDeskDecisionAnswer',
				typeVersion: 1,
				position: [240, 0],
				parameters: {
					answer: 'allowOrRefuseContact',
					allowContact: "={{ $json.clientUserId !== 'blocked_user' }}",
					refusalReason: 'Customer opted out of contact',
				},
			},
		],
		connections: { 'Before Contact': { main: [[{ node: 'Answer Contact', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

/** The example with other trigger Options, under its own name and URL. */
function withOptions(workflow: WorkflowJson, webhookId: string, options: Record<string, number>): WorkflowJson {
	return {
		...workflow,
		name: `${workflow.name} (${JSON.stringify(options)})`,
		nodes: workflow.nodes.map((node) =>
			node.type === 'n8n-nodes-tencent-desk.tencentCloudDeskDecisionTrigger'
				? { ...node, webhookId, parameters: { ...node.parameters, options } }
				: node,
		),
	};
}

export function useDecisionsInN8n(): DecisionsInN8n {
	const env = {} as DecisionsInN8n;

	beforeAll(async () => {
		env.simulator = await startDeskSimulator();
		env.shop = await startShopStandIn();
		env.n8n = await startN8n({ log: true });
		await env.n8n.api.createCredential(CREDENTIAL_NAME, 'tencentCloudDeskApi', simulatorCredentials(env.simulator));
		const shop = (file: string) =>
			withBaseUrl(withBaseUrl(loadExample(file), 'https://crm.example.com', env.shop.url), 'https://shop.example.com', env.shop.url);
		env.routing = await activateWorkflow(env.n8n, shop('route-vip-customers.json'));
		env.routingShortDeadline = await activateWorkflow(
			env.n8n,
			withOptions(shop('route-vip-customers.json'), 'b7e0c0aa-0000-4000-8000-000000000003', { deadlineMs: 600 }),
		);
		env.routingLimited = await activateWorkflow(
			env.n8n,
			withOptions(shop('route-vip-customers.json'), 'b7e0c0aa-0000-4000-8000-000000000004', { maxInProgress: 2 }),
		);
		env.orderLookup = await activateWorkflow(env.n8n, shop('chatbot-order-lookup.json'));
		env.contact = await activateWorkflow(env.n8n, contactWorkflow('Contact rules', 'b7e0c0aa-0000-4000-8000-000000000001', 'workflow'));
		env.contactAtOnce = await activateWorkflow(env.n8n, contactWorkflow('Contact at once', 'b7e0c0aa-0000-4000-8000-000000000002', 'atOnce'));
	}, 15 * 60_000);

	afterAll(async () => {
		await env.n8n?.stop();
		await stopAllProcesses();
		await env.shop?.close();
		await env.simulator?.close();
	});

	logOnFailure('n8n log tail', () => env.n8n?.logTail(60));
	return env;
}

/**
 * n8n's default expression engine runs expressions in isolates; with N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true it
 * takes one only when an expression is evaluated. Our triggers evaluate none in their webhook phase, so a callback
 * to a workflow with no expressions must take no isolate at all: counted by n8n's own metric
 * (`expression.pool.acquired`, on /metrics with N8N_METRICS=true). The Decision Trigger saved at version 1 is the
 * control: n8n evaluates a Webhook-v1 option expression for every request to a version-1 start node.
 */
import type { WorkflowJson } from '../../dev/harness';
import { CREDENTIAL_TYPE } from '../../nodes/shared/credentialType';
import { DECISION_TRIGGER_NODE_NAME } from '../../nodes/shared/decisionDelivery';
import { SESSION_EVENT_COMMAND } from '../../nodes/shared/events';
import { activateWorkflow, CREDENTIAL_NAME, useSimulatorInN8n, type ActiveWorkflow } from '../helpers/simulatorInN8n';

const env = useSimulatorInN8n({ n8nEnv: { N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE: 'true', N8N_METRICS: 'true' } });
const credentials = { [CREDENTIAL_TYPE]: { name: CREDENTIAL_NAME } };
const CALLBACKS = 5;

function oneTrigger(name: string, webhookId: string, node: { type: string; typeVersion: number; parameters: Record<string, unknown> }): WorkflowJson {
	return {
		name,
		nodes: [{ name: 'Trigger', position: [0, 0], webhookId, credentials, ...node }],
		connections: {},
		settings: { executionOrder: 'v1' },
	};
}

const decisionTrigger = (typeVersion: number) => ({
	type: `n8n-nodes-tencent-desk.${DECISION_TRIGGER_NODE_NAME}`,
	typeVersion,
	// Answered at once: the workflow holds no answer step, so nothing in it could evaluate an expression.
	parameters: { decision: 'assignHuman', answerMode: 'atOnce', fallbackRouting: 'deskDefault', options: {} },
});

/** n8n's count of isolates taken from the expression pool, read from its Prometheus endpoint. */
async function isolatesAcquired(): Promise<number> {
	const text = await (await fetch(`${env.n8n.baseUrl}/metrics`)).text();
	const line = text.split('\n').find((row) => /^\w*expression_pool_acquired(_total)?(\{[^}]*\})? /.test(row));
	if (!line) throw new Error(`n8n's /metrics has no expression_pool_acquired counter:\n${text.slice(0, 2000)}`);
	return Number(line.split(' ').pop());
}

async function sendDecisions(workflow: ActiveWorkflow): Promise<void> {
	for (let i = 0; i < CALLBACKS; i++) {
		const body = { CallbackCommand: 'ChatBot.OnAssignHuman', SessionId: `isolate-${i}`, ClientUserId: 'u', EventTime: Date.now() };
		const result = await env.simulator.sendCallback({ url: workflow.url }, body, { query: { CallbackCommand: 'ChatBot.OnAssignHuman' } });
		expect(result.status).toBe(200);
	}
	await env.n8n.api.waitForExecutions(workflow.workflowId, CALLBACKS, 60_000);
}

describe('with lazy isolate acquisition, a callback to a workflow with no expressions', () => {
	let sessionEvents: ActiveWorkflow;
	let decisions: ActiveWorkflow;
	let decisionsV1: ActiveWorkflow;

	beforeAll(async () => {
		sessionEvents = await activateWorkflow(
			env.n8n,
			oneTrigger('Session events, no expressions', 'c4a1e5e0-0000-4000-8000-000000000001', {
				type: 'n8n-nodes-tencent-desk.tencentCloudDeskTrigger',
				typeVersion: 1.1,
				// One output per event: the node's outputs are an expression n8n resolves without an isolate.
				parameters: { routing: 'perEvent', options: {} },
			}),
		);
		decisions = await activateWorkflow(env.n8n, oneTrigger('Decisions 1.1', 'c4a1e5e0-0000-4000-8000-000000000002', decisionTrigger(1.1)));
		decisionsV1 = await activateWorkflow(env.n8n, oneTrigger('Decisions 1', 'c4a1e5e0-0000-4000-8000-000000000003', decisionTrigger(1)));
	}, 120_000);

	it('takes no isolate: Tencent Cloud Desk Trigger', async () => {
		const before = await isolatesAcquired();
		for (let i = 0; i < CALLBACKS; i++) {
			const body = { CallbackCommand: SESSION_EVENT_COMMAND, SessionId: `isolate-${i}`, Event: 'SessionBegin', EventTime: Date.now() };
			const result = await env.simulator.sendCallback({ url: sessionEvents.url }, body);
			expect(result.status).toBe(200);
		}
		await env.n8n.api.waitForExecutions(sessionEvents.workflowId, CALLBACKS, 60_000);
		expect((await isolatesAcquired()) - before).toBe(0);
	});

	it('takes no isolate: Decision Trigger 1.1', async () => {
		const before = await isolatesAcquired();
		await sendDecisions(decisions);
		expect((await isolatesAcquired()) - before).toBe(0);
	});

	it('takes one per callback for the Decision Trigger saved at version 1 (the control: the count is real)', async () => {
		const before = await isolatesAcquired();
		await sendDecisions(decisionsV1);
		expect((await isolatesAcquired()) - before).toBeGreaterThanOrEqual(CALLBACKS);
	});
});

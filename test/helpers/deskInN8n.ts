/**
 * Shared setup for test/e2e/desk.e2e.test.ts: a Desk simulator, a Slack stand-in and one real n8n (one boot
 * per test file: it costs ~15-30 s) with the credential and the published examples active; and reading what
 * ran out of n8n's executions.
 */
import type { Execution, N8nInstance, WorkflowJson } from '../../dev/harness';
import { chainConnections, startN8n, stopAllProcesses } from '../../dev/harness';
import { loadExample, withSlackUrl } from '../../dev/harness/examples';
import type { SlackStandIn } from '../../dev/harness/slackStandIn';
import { startSlackStandIn } from '../../dev/harness/slackStandIn';
import { CALLBACK_ACK_TEXT } from '../../dev/simulator/callbackPayload';
import type { CallbackResult, DeskSimulator } from '../../dev/simulator';
import { startDeskSimulator } from '../../dev/simulator';
import { simulatorCredentials } from '../../dev/simulator/n8nCredential';
import { logOnFailure } from './failureLogs';
import { activateWorkflow, CREDENTIAL_NAME, type ActiveWorkflow } from './simulatorInN8n';

export { CREDENTIAL_NAME } from './simulatorInN8n';
export const TRIGGER = 'Tencent Cloud Desk Trigger';

export interface DeskInN8n {
	n8n: N8nInstance;
	simulator: DeskSimulator;
	slack: SlackStandIn;
	/** examples/slack-alert-on-no-agent-online.json, posting to the Slack stand-in. */
	slackAlert: ActiveWorkflow;
	/** examples/session-timeline.json: one output per event. */
	timeline: ActiveWorkflow;
	/** examples/wait-message-and-fallback-transfer.json. */
	waitMessage: ActiveWorkflow;
}

/**
 * Starts everything in beforeAll and stops it in afterAll; n8n's log tail is printed for a failed test.
 * The returned object is filled in by beforeAll.
 */
export function useDeskInN8n(): DeskInN8n {
	const env = {} as DeskInN8n;

	beforeAll(async () => {
		env.simulator = await startDeskSimulator();
		env.slack = await startSlackStandIn();
		env.n8n = await startN8n({ log: true });
		await env.n8n.api.createCredential(CREDENTIAL_NAME, 'tencentCloudDeskApi', simulatorCredentials(env.simulator));
		env.slackAlert = await activateWorkflow(env.n8n, withSlackUrl(loadExample('slack-alert-on-no-agent-online.json'), env.slack.url));
		env.timeline = await activateWorkflow(env.n8n, loadExample('session-timeline.json'));
		env.waitMessage = await activateWorkflow(env.n8n, loadExample('wait-message-and-fallback-transfer.json'));
	}, 15 * 60_000);

	afterAll(async () => {
		await env.n8n?.stop();
		await stopAllProcesses();
		await env.slack?.close();
		await env.simulator?.close();
	});

	logOnFailure('n8n log tail', () => env.n8n?.logTail(60));
	return env;
}

/** Every callback was answered 200 with Tencent's exact ack. */
export function expectExactAcks(results: CallbackResult[]): void {
	for (const result of results) {
		expect({ event: result.event, status: result.status, body: result.responseText }).toEqual({
			event: result.event,
			status: 200,
			body: CALLBACK_ACK_TEXT,
		});
	}
}

/** Output index and item of the trigger in one execution. */
export function triggerOutput(execution: Execution): { index: number; json: Record<string, unknown> } {
	const main = execution.data?.resultData.runData[TRIGGER]?.[0]?.data?.main ?? [];
	const index = main.findIndex((items) => (items?.length ?? 0) > 0);
	return { index, json: main[index]?.[0]?.json ?? {} };
}

/** The first output item of a node in one execution. */
export function firstItemOf(execution: Execution, nodeName: string): Record<string, unknown> | undefined {
	return execution.data?.resultData.runData[nodeName]?.[0]?.data?.main?.[0]?.[0]?.json;
}

/** A workflow's executions, with data, once `expected` of them have finished (60 s at most). */
export function executionsSettled(n8n: N8nInstance, workflowId: string, expected: number): Promise<Execution[]> {
	return n8n.api.waitForExecutions(workflowId, expected, 60_000, { includeData: true });
}

/**
 * A manual trigger, then our action node once per entry, one after the other, each with the credential:
 * for running headless (`n8n execute`).
 */
export function actionNodeChain(name: string, actions: Array<{ name: string; parameters: Record<string, unknown> }>): WorkflowJson {
	const nodes = [
		{ name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0] as [number, number], parameters: {} },
		...actions.map((action, index) => ({
			name: action.name,
			type: 'n8n-nodes-tencent-desk.tencentCloudDesk',
			typeVersion: 1,
			position: [220 * (index + 1), 0] as [number, number],
			parameters: action.parameters,
			credentials: { tencentCloudDeskApi: { name: CREDENTIAL_NAME } },
		})),
	];
	return { name, nodes, connections: chainConnections(nodes), settings: { executionOrder: 'v1' } };
}

/**
 * The smallest real-n8n setup of an e2e file: a Desk simulator, one n8n (one boot per file) with the
 * credential pointing at it, both stopped after the file; n8n's log tail is printed for a failed test.
 * The returned object is filled in by beforeAll.
 */
import type { N8nInstance, WorkflowJson } from '../../dev/harness';
import { startN8n, stopAllProcesses } from '../../dev/harness';
import { triggerWebhookId } from '../../dev/harness/examples';
import type { DeskSimulator, DeskSimulatorOptions } from '../../dev/simulator';
import { startDeskSimulator } from '../../dev/simulator';
import { simulatorCredentials } from '../../dev/simulator/n8nCredential';
import { logOnFailure } from './failureLogs';

export const CREDENTIAL_NAME = 'Tencent Cloud Desk account';

/** A workflow active in n8n, and its Tencent Cloud Desk trigger's production URL. */
export interface ActiveWorkflow {
	workflowId: string;
	url: string;
}

/** Creates and activates a workflow whose trigger is ours, and waits until the trigger's webhook answers. */
export async function activateWorkflow(n8n: N8nInstance, workflow: WorkflowJson): Promise<ActiveWorkflow> {
	const workflowId = (await n8n.api.createWorkflow(workflow)).id;
	await n8n.api.activateWorkflow(workflowId);
	const url = n8n.api.webhookUrl(triggerWebhookId(workflow), 'webhook');
	await n8n.api.waitForWebhook(url);
	return { workflowId, url };
}

export interface SimulatorInN8n {
	n8n: N8nInstance;
	simulator: DeskSimulator;
	/** The id of the credential "Tencent Cloud Desk account". */
	credentialId: string;
}

export interface SimulatorInN8nOptions {
	simulator?: DeskSimulatorOptions;
	logLines?: number;
	/** n8n's environment beyond the harness's (tests about n8n's settings only: the rest keep n8n's defaults). */
	n8nEnv?: Record<string, string>;
}

export function useSimulatorInN8n(options: SimulatorInN8nOptions = {}): SimulatorInN8n {
	const env = {} as SimulatorInN8n;

	beforeAll(async () => {
		env.simulator = await startDeskSimulator(options.simulator);
		env.n8n = await startN8n({ log: true, env: options.n8nEnv });
		env.credentialId = (await env.n8n.api.createCredential(CREDENTIAL_NAME, 'tencentCloudDeskApi', simulatorCredentials(env.simulator))).id;
	}, 15 * 60_000);

	afterAll(async () => {
		await env.n8n?.stop();
		await stopAllProcesses();
		await env.simulator?.close();
	});

	logOnFailure('n8n log tail', () => env.n8n?.logTail(options.logLines ?? 60));
	return env;
}

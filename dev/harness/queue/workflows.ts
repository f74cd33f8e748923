/** Small workflows for the queue-mode runs: the Desk trigger (every event, one output) and what follows it. */
import { randomUUID } from 'node:crypto';

import { chainConnections, type WorkflowJson, type WorkflowNodeJson } from '../workflow';

export const QUEUE_TRIGGER = 'Tencent Cloud Desk Trigger';
/** The node after Remove Duplicates: it runs only for a RequestID not seen in previous executions. */
export const HANDLE_ONCE = 'Handle once';

export interface BurstWorkflowOptions {
	name: string;
	credentialName: string;
	/** Insert n8n's Remove Duplicates (previous executions, keyed on callback.RequestID) before HANDLE_ONCE. */
	removeDuplicates?: boolean;
	/** Insert a Wait of this many seconds (< 65 s: it stays in the worker's memory) so jobs are in flight for a while. */
	waitSeconds?: number;
	/** The trigger's Ignore Repeated Deliveries (default on, as in the node). */
	ignoreRepeatedDeliveries?: boolean;
}

export function burstWorkflow(options: BurstWorkflowOptions): { workflow: WorkflowJson; webhookId: string } {
	const webhookId = randomUUID();
	const nodes: WorkflowNodeJson[] = [
		{
			id: randomUUID(),
			name: QUEUE_TRIGGER,
			type: 'n8n-nodes-tencent-desk.tencentCloudDeskTrigger',
			typeVersion: 1.1,
			position: [0, 0],
			webhookId,
			parameters: {
				events: ['*'],
				routing: 'single',
				options: options.ignoreRepeatedDeliveries === false ? { ignoreRepeatedDeliveries: false } : {},
			},
			credentials: { tencentCloudDeskApi: { id: '', name: options.credentialName } },
		},
	];
	if (options.waitSeconds) {
		nodes.push({
			id: randomUUID(),
			name: 'Wait',
			type: 'n8n-nodes-base.wait',
			typeVersion: 1.1,
			position: [220, 0],
			webhookId: randomUUID(),
			parameters: { amount: options.waitSeconds, unit: 'seconds' },
		});
	}
	if (options.removeDuplicates) {
		nodes.push({
			id: randomUUID(),
			name: 'Remove Duplicates',
			type: 'n8n-nodes-base.removeDuplicates',
			typeVersion: 2,
			position: [440, 0],
			parameters: {
				operation: 'removeItemsSeenInPreviousExecutions',
				dedupeValue: '={{ $json.callback.RequestID }}',
				options: {},
			},
		});
	}
	nodes.push({ id: randomUUID(), name: HANDLE_ONCE, type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [660, 0], parameters: {} });
	return { workflow: { name: options.name, nodes, connections: chainConnections(nodes), settings: { executionOrder: 'v1' } }, webhookId };
}

import { readFileSync } from 'fs';
import { join } from 'path';

import { EXAMPLES_DIR } from '../paths';

import type { WorkflowJson } from './workflow';

export { EXAMPLES_DIR };

export function loadExample(file: string): WorkflowJson {
	return JSON.parse(readFileSync(join(EXAMPLES_DIR, file), 'utf8')) as WorkflowJson;
}

const TRIGGER_TYPES = ['n8n-nodes-tencent-desk.tencentCloudDeskTrigger', 'n8n-nodes-tencent-desk.tencentCloudDeskDecisionTrigger'];

/** The production webhook path of the example's Desk trigger (session events or decisions). */
export function triggerWebhookId(workflow: WorkflowJson): string {
	const trigger = workflow.nodes.find((node) => TRIGGER_TYPES.includes(node.type) && node.webhookId);
	if (!trigger?.webhookId) throw new Error('example has no Tencent Cloud Desk trigger with a webhookId');
	return String(trigger.webhookId);
}

/** Points the example's Slack node at another URL (as a user sets their own webhook URL). */
export function withSlackUrl(workflow: WorkflowJson, url: string): WorkflowJson {
	return {
		...workflow,
		nodes: workflow.nodes.map((node) =>
			node.name === 'Post to Slack' ? { ...node, parameters: { ...node.parameters, url } } : node,
		),
	};
}

/** Points the example's HTTP Request nodes from a placeholder host (https://crm.example.com) at a stand-in. */
export function withBaseUrl(workflow: WorkflowJson, from: string, to: string): WorkflowJson {
	return {
		...workflow,
		nodes: workflow.nodes.map((node) =>
			typeof node.parameters?.url === 'string' && node.parameters.url.includes(from)
				? { ...node, parameters: { ...node.parameters, url: node.parameters.url.replace(from, to) } }
				: node,
		),
	};
}

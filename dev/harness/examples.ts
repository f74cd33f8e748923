import { readFileSync } from 'fs';
import { join } from 'path';

import { EXAMPLES_DIR } from '../paths';

import type { WorkflowJson } from './workflow';

export { EXAMPLES_DIR };

export function loadExample(file: string): WorkflowJson {
	return JSON.parse(readFileSync(join(EXAMPLES_DIR, file), 'utf8')) as WorkflowJson;
}

/** The production webhook path of the example's Desk trigger. */
export function triggerWebhookId(workflow: WorkflowJson): string {
	const trigger = workflow.nodes.find((node) => node.type === 'n8n-nodes-tencent-desk.tencentCloudDeskTrigger');
	if (!trigger?.webhookId) throw new Error('example has no Tencent Cloud Desk Trigger with a webhookId');
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

/**
 * The least a community trigger can cost in n8n: a webhook start node that hands its body to the workflow
 * and answers with Tencent's ack, nothing else (no credential, no check, no routing). The bench packs it as
 * its own community package (pack.ts) and installs it beside this package, so the capacity section can
 * show our trigger against the ceiling any community trigger shares. Never published.
 */
import type { INodeType, INodeTypeDescription, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { CALLBACK_ACK } from '../../../nodes/shared/callbackAck';

export class BenchMinimalTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Bench Minimal Trigger',
		name: 'benchMinimalTrigger',
		group: ['trigger'],
		// 1.1 like our trigger's default: n8n evaluates a Webhook-v1 option expression per request for any
		// version-1 start node, a cost this side must not carry if it is to be the floor.
		version: [1, 1.1],
		defaultVersion: 1.1,
		description: 'Starts the workflow with the request body (benchmark only)',
		defaults: { name: 'Bench Minimal Trigger' },
		inputs: [],
		outputs: ['main'],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', responseData: '', path: 'webhook' }],
		properties: [],
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return { webhookResponse: CALLBACK_ACK, workflowData: [[{ json: this.getBodyData() }]] };
	}
}

import type {
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { CALLBACK_ACK, callbackFailure } from '../shared/callbackAck';
import { callbackRawBody } from '../shared/callbackBody';
import { pastedUrlWebhookMethods } from '../shared/callbackTriggerParts';
import { callbackSecrets } from '../shared/callbackSecrets';
import { deduplicatorFor } from '../shared/deliveryDeduplicator';
import { eventItem } from './eventItem';
import { configuredOutputs, OUTPUT_CATALOGUE, outputIndexFor, outputsExpression } from './outputs';
import { queryString } from '../shared/queryValue';
import { resolveTriggerOptions, triggerProperties, type TriggerOptions } from './triggerProperties';
import { verifyCallback } from './verifyCallback';

export class TencentCloudDeskTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Tencent Cloud Desk Trigger',
		name: 'tencentCloudDeskTrigger',
		icon: { light: 'file:../TencentCloudDesk/tencentCloudDesk.svg', dark: 'file:../TencentCloudDesk/tencentCloudDesk.dark.svg' },
		group: ['trigger'],
		// 1.1 behaves as 1; n8n evaluates a Webhook-v1 option expression for every request to a
		// version-1 start node, so new triggers skip that cost.
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: '={{$parameter["routing"] === "perEvent" ? "One output per event" : "Single output"}}',
		// n8n's node creator lists this trigger and the action node as one "Tencent Cloud Desk" entry, described by
		// the trigger's description: it says what both do.
		description:
			'Start workflows on Tencent Cloud Desk session events, and run Desk: sessions and messages, agents, skill groups, statistics, the chatbot',
		defaults: { name: 'Tencent Cloud Desk Trigger' },
		inputs: [],
		outputs: outputsExpression,
		credentials: [{ name: 'tencentCloudDeskApi', required: true }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				// Answer Tencent ourselves, at once: '' stops n8n from sending its own default text.
				responseMode: 'onReceived',
				responseData: '',
				path: 'webhook',
			},
		],
		properties: triggerProperties,
	};

	// The callback URL is pasted by hand in Desk's panel: nothing to register with Tencent.
	webhookMethods = pastedUrlWebhookMethods;

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const query = this.getQueryData() as Record<string, unknown>;
		const nowMs = Date.now();
		const secrets = await callbackSecrets(this, nowMs);
		const options = resolveTriggerOptions(this.getNodeParameter('options', {}) as Partial<TriggerOptions>);

		const rawBody = await callbackRawBody(this);
		const verdict = verifyCallback(
			{ rawBody, query },
			{
				...secrets,
				toleranceSeconds: options.toleranceSeconds,
				nowSeconds: Math.floor(nowMs / 1000),
			},
		);
		if (verdict.kind === 'rejected') {
			this.getResponseObject().status(verdict.status).json(callbackFailure(verdict.status, verdict.reason));
			return { noWebhookResponse: true };
		}
		if (verdict.kind === 'otherCommand' && !options.allowOtherCommands) {
			return { webhookResponse: CALLBACK_ACK };
		}

		const requestId = queryString(query, 'RequestID') ?? '';
		// A test run ("Listen for test event") should always run, even for a replayed callback.
		if (requestId && options.ignoreRepeatedDeliveries && this.getMode() !== 'manual') {
			const node = this.getNode();
			const windowMs = options.deduplicationMinutes * 60_000;
			const deduplicator = deduplicatorFor(`${this.getWorkflow().id}:${node.id}`);
			if (!deduplicator.firstDelivery(requestId, nowMs, windowMs)) return { webhookResponse: CALLBACK_ACK };
		}

		const outputs = configuredOutputs(
			{
				routing: this.getNodeParameter('routing', 'single') as string,
				events: this.getNodeParameter('events', []) as string[],
			},
			OUTPUT_CATALOGUE,
		);
		const target = outputIndexFor(outputs, verdict.body.Event);
		if (target === -1) return { webhookResponse: CALLBACK_ACK };

		const workflowData: INodeExecutionData[][] = outputs.map(() => []);
		workflowData[target].push({ json: eventItem(verdict.body, query) });
		return { webhookResponse: CALLBACK_ACK, workflowData };
	}
}

import type {
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { searchSkillGroups } from '../TencentCloudDesk/methods/listSearch';
import { deduplicatorFor } from '../TencentCloudDeskTrigger/deliveryDeduplicator';
import { callbackFailure } from '../shared/callbackAck';
import { callbackRawBody } from '../shared/callbackBody';
import { pastedUrlWebhookMethods } from '../shared/callbackTriggerParts';
import { callbackSecrets } from '../shared/callbackSecrets';
import { DECISION_CALLBACKS, type DecisionKind } from '../shared/decisionCallbacks';
import { queryString } from '../shared/queryValue';
import { guardAnswer, type GuardableResponse } from './answerGuard';
import { decisionItem } from './decisionItem';
import { decisionProperties, resolveDecisionOptions, type AnswerMode, type DecisionOptions } from './decisionProperties';
import { fallbackAnswer } from './fallbackAnswer';
import { verifyDecision } from './verifyDecision';

const DECISION_NAMES = Object.fromEntries(DECISION_CALLBACKS.map(({ kind, name }) => [kind, name]));

export class TencentCloudDeskDecisionTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Tencent Cloud Desk Decision Trigger',
		name: 'tencentCloudDeskDecisionTrigger',
		icon: { light: 'file:../TencentCloudDesk/tencentCloudDesk.svg', dark: 'file:../TencentCloudDesk/tencentCloudDesk.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: `={{ ${JSON.stringify(DECISION_NAMES)}[$parameter["decision"]] }}`,
		description:
			'Answers Tencent Cloud Desk when it asks your server to decide: which agents take a customer, a chatbot API call, or whether an agent may contact a customer',
		defaults: { name: 'Tencent Cloud Desk Decision Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'tencentCloudDeskApi', required: true }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				// The answer comes from the workflow's Callback Answer step (or the guard's fallback).
				responseMode: 'responseNode',
				path: 'webhook',
			},
		],
		properties: decisionProperties,
	};

	methods = {
		listSearch: { searchSkillGroups },
	};

	// The callback URL is pasted by hand in Desk's panel: nothing to register with Tencent.
	webhookMethods = pastedUrlWebhookMethods;

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const nowMs = Date.now();
		const query = this.getQueryData() as Record<string, unknown>;
		const decision = this.getNodeParameter('decision', 'assignHuman') as DecisionKind;
		const options = resolveDecisionOptions(this.getNodeParameter('options', {}) as Partial<DecisionOptions>);
		const secrets = await callbackSecrets(this, nowMs);

		const verdict = verifyDecision(
			{ rawBody: await callbackRawBody(this), query },
			{ ...secrets, toleranceSeconds: options.toleranceSeconds, nowSeconds: Math.floor(nowMs / 1000) },
			decision,
		);
		if (verdict.kind === 'rejected') {
			this.getResponseObject().status(verdict.status).json(callbackFailure(verdict.status, verdict.reason));
			return { noWebhookResponse: true };
		}

		const node = this.getNode();
		const guard = guardAnswer(this.getResponseObject() as unknown as GuardableResponse, {
			kind: decision,
			deadlineMs: options.deadlineMs - (Date.now() - nowMs),
			// Read from the parameters only when Desk is to get it: most callbacks get the workflow's answer.
			fallback: () => fallbackAnswer(this, decision),
			onOutcome: (outcome) => {
				if (outcome.answeredBy === 'fallback' && outcome.reason !== ANSWERED_AT_ONCE) {
					this.logger.warn(`${node.name}: Desk got the fallback answer because ${outcome.reason}`, {
						workflowId: this.getWorkflow().id,
						decision,
					});
				}
			},
		});

		const requestId = queryString(query, 'RequestID');
		// A test run ("Listen for test event") should always run, even for a replayed callback.
		if (requestId && this.getMode() !== 'manual') {
			const deduplicator = deduplicatorFor(`${this.getWorkflow().id}:${node.id}`);
			if (!deduplicator.firstDelivery(requestId, nowMs, options.deduplicationMinutes * 60_000)) {
				guard.answerWithFallback('the callback was a repeated delivery');
				return { noWebhookResponse: true };
			}
		}

		const workflowData = [[{ json: decisionItem(decision, verdict.command, verdict.body, query) }]];
		if ((this.getNodeParameter('answerMode', 'workflow') as AnswerMode) === 'atOnce') {
			guard.answerWithFallback(ANSWERED_AT_ONCE);
			return { noWebhookResponse: true, workflowData };
		}
		return { workflowData };
	}
}

const ANSWERED_AT_ONCE = 'the trigger answers at once';

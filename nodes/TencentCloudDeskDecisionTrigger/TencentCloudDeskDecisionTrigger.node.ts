import type {
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { searchSkillGroups } from '../shared/pickers/listSearch';
import { callbackFailure } from '../shared/callbackAck';
import { callbackRawBody } from '../shared/callbackBody';
import { pastedUrlWebhookMethods } from '../shared/callbackTriggerParts';
import { callbackSecrets } from '../shared/callbackSecrets';
import { DECISION_CALLBACKS, DEFAULT_DECISION, type DecisionKind } from '../shared/decisionCallbacks';
import {
	DECISION_TRIGGER_NODE_NAME,
	DEFAULT_ANSWER_MODE,
	openDecision,
	recordDelivery,
	type AnswerMode,
} from '../shared/decisionDelivery';
import { deduplicatorFor } from '../shared/deliveryDeduplicator';
import { queryString } from '../shared/queryValue';
import { guardAnswer, type GuardableResponse } from './answerGuard';
import { decisionItem } from './decisionItem';
import { decisionsInProgressFor, type DecisionSlot } from './decisionsInProgress';
import { decisionProperties, resolveDecisionOptions, type DecisionOptions } from './decisionProperties';
import { fallbackAnswer } from './fallbackAnswer';
import { RememberedAnswer } from './rememberedAnswer';
import { verifyDecision } from './verifyDecision';

const DECISION_NAMES = Object.fromEntries(DECISION_CALLBACKS.map(({ kind, name }) => [kind, name]));

export class TencentCloudDeskDecisionTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Tencent Cloud Desk Decision Trigger',
		name: DECISION_TRIGGER_NODE_NAME,
		icon: { light: 'file:../TencentCloudDesk/tencentCloudDesk.svg', dark: 'file:../TencentCloudDesk/tencentCloudDesk.dark.svg' },
		group: ['trigger'],
		// 1.1 behaves as 1; n8n evaluates a Webhook-v1 option expression for every request to a
		// version-1 start node, which the default expression engine pays with an isolate.
		version: [1, 1.1],
		defaultVersion: 1.1,
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
				// The answer comes from the workflow's Decision Answer step (or the guard's fallback).
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
		const decision = this.getNodeParameter('decision', DEFAULT_DECISION) as DecisionKind;
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
		const triggerKey = `${this.getWorkflow().id}:${node.id}`;
		const logContext = { workflowId: this.getWorkflow().id, decision };
		// Filled in below as the callback goes on; the guard's callbacks read them when Desk is answered.
		const run: { decisionId?: string; remembered?: RememberedAnswer; slot?: DecisionSlot } = {};
		const guard = guardAnswer(this.getResponseObject() as unknown as GuardableResponse, {
			kind: decision,
			deadlineMs: options.deadlineMs - (Date.now() - nowMs),
			// Read from the parameters only when Desk is to get it: most callbacks get the workflow's answer.
			fallback: () => fallbackAnswer(this, decision),
			onOutcome: (outcome, answerText) => {
				const reason = outcome.answeredBy === 'fallback' ? outcome.reason : undefined;
				if (run.decisionId && outcome.answeredBy !== 'replay') recordDelivery(run.decisionId, outcome.answeredBy, reason, Date.now());
				run.remembered?.answered(answerText);
				if (reason !== undefined && !QUIET_FALLBACKS.has(reason)) {
					this.logger.warn(`${node.name}: Desk got the fallback answer because ${reason}`, logContext);
				}
			},
			onReleased: (late) => {
				run.slot?.release();
				// Expected after a fallback: the run finished, its answer (if any) is dropped.
				if (late) this.logger.debug(`${node.name}: the workflow's reply came after Desk had its answer; dropped`, logContext);
			},
		});

		const requestId = queryString(query, 'RequestID');
		// A test run ("Listen for test event") should always run, even for a replayed callback.
		if (requestId && this.getMode() !== 'manual') {
			const delivery = deduplicatorFor<RememberedAnswer>(triggerKey).deliver(
				requestId,
				nowMs,
				options.deduplicationMinutes * 60_000,
				() => new RememberedAnswer(),
			);
			if (!delivery.first) {
				// Desk repeats a callback when it lost the reply: it gets the answer the first delivery got.
				if (delivery.kept) delivery.kept.whenAnswered((answerText) => guard.replay(answerText));
				else guard.answerWithFallback('the callback was a repeated delivery');
				return { noWebhookResponse: true };
			}
			run.remembered = delivery.kept;
		}

		const answerAtOnce = (this.getNodeParameter('answerMode', DEFAULT_ANSWER_MODE) as AnswerMode) === 'atOnce';
		if (!answerAtOnce) {
			run.slot = decisionsInProgressFor(triggerKey).admit(options.maxInProgress, nowMs, options.deadlineMs, (shedding, inProgress) => {
				if (shedding) this.logger.warn(`${node.name}: ${inProgress} ${SHEDDING_STARTS}`, logContext);
				else this.logger.info(`${node.name}: ${SHEDDING_STOPS}`, logContext);
			});
			if (!run.slot) {
				guard.answerWithFallback(SHED);
				return { noWebhookResponse: true };
			}
		}

		if (answerAtOnce) {
			guard.answerWithFallback(ANSWERED_AT_ONCE);
			// No decisionId: Desk has its answer, and an answer step in this workflow changes nothing.
			return { noWebhookResponse: true, workflowData: [[{ json: decisionItem(decision, verdict.command, verdict.body, query) }]] };
		}
		run.decisionId = openDecision(nowMs);
		return { workflowData: [[{ json: decisionItem(decision, verdict.command, verdict.body, query, run.decisionId) }]] };
	}
}

const ANSWERED_AT_ONCE = 'the trigger answers at once';
const SHED = 'n8n was behind with earlier decisions (Max Decisions in Progress, or runs past the Answer Deadline)';
const SHEDDING_STARTS =
	'decisions are in progress, at Max Decisions in Progress or with several past the Answer Deadline; new callbacks get the fallback answer at once and start no execution until n8n catches up';
const SHEDDING_STOPS = 'n8n caught up with its decisions; callbacks run the workflow again';
/** Fallbacks that are logged once per episode (SHED) or not at all: they are what the user asked for. */
const QUIET_FALLBACKS = new Set([ANSWERED_AT_ONCE, SHED]);

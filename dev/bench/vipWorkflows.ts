/**
 * The two sides of section 7, both routing the same VIP customer the same way:
 * - ours: examples/route-vip-customers.json as a user imports it (Decision Trigger → HTTP Request to the CRM →
 *   IF → Decision Answer), pointed at the CRM stand-in and the bench's credential;
 * - n8n: the same work from n8n's own nodes only: Webhook ("Using 'Respond to Webhook' node") → the example's
 *   HTTP Request → the example's IF → Respond to Webhook with the answer our Decision Answer gives (built by
 *   the package's own routeAnswer, so both answers are the same JSON). It checks no signature and has no
 *   fallback or deadline: what n8n itself achieves on the same work.
 * The groups and the deadline are read from the example, so the bench follows it.
 */
import { randomUUID } from 'crypto';

import { routeAnswer } from '../../nodes/shared/decisionAnswers';
import { DECISION_OPTION_DEFAULTS } from '../../nodes/TencentCloudDeskDecisionTrigger/decisionProperties';
import type { WorkflowJson, WorkflowNodeJson } from '../harness';
import { loadExample, triggerWebhookId, withBaseUrl } from '../harness/examples';
import { CREDENTIAL_NAME, position, uniqueSuffix, webhookNode, type BenchWorkflow } from './workflows';

export const DECISION_EXAMPLE = 'route-vip-customers.json';
const EXAMPLE_CRM = 'https://crm.example.com';

/** `ours`: the Decision Trigger example; `n8n`: the same work from n8n's own nodes. */
export type DecisionSide = 'ours' | 'n8n';

/** The answer groups that tell who answered: the workflow's VIP group, or the trigger's fallback group. */
export interface AnswerGroups {
	vipGroup: number;
	fallbackGroup: number;
}

export interface DecisionWorkflow extends AnswerGroups {
	side: DecisionSide;
	workflow: BenchWorkflow;
}

export interface VipExample extends AnswerGroups {
	/** The trigger's answer deadline in the example (its option, else the node's default). */
	deadlineMs: number;
	/** Both sides' workflows. */
	sides: DecisionWorkflow[];
}

function numberAt(value: unknown, what: string): number {
	const raw = typeof value === 'object' && value !== null && 'value' in value ? (value as { value: unknown }).value : value;
	const parsed = Number(raw);
	if (!Number.isInteger(parsed)) throw new Error(`${DECISION_EXAMPLE}: ${what} is not an integer (${JSON.stringify(value)})`);
	return parsed;
}

function nodeOfType(example: WorkflowJson, type: string): WorkflowNodeJson {
	const node = example.nodes.find((entry) => entry.type === type);
	if (!node) throw new Error(`${DECISION_EXAMPLE}: no ${type} node`);
	return node;
}

/** Our side: the example with a fresh webhook id and the bench's credential. */
function ourSide(example: WorkflowJson, groups: AnswerGroups): DecisionWorkflow {
	const exampleWebhookId = triggerWebhookId(example);
	const webhookId = randomUUID();
	const json: WorkflowJson = {
		...example,
		name: `bench: ${example.name}`,
		nodes: example.nodes.map((node) => ({
			...node,
			...(node.webhookId === exampleWebhookId && { webhookId }),
			...(node.credentials && {
				credentials: Object.fromEntries(Object.keys(node.credentials).map((type) => [type, { name: CREDENTIAL_NAME }])),
			}),
		})),
	};
	return { side: 'ours', ...groups, workflow: { json, webhookPath: `${webhookId}/webhook`, timedNodes: [] } };
}

/** n8n's side: Webhook → the example's HTTP Request (reading the user from the body) → its IF → Respond to Webhook. */
function n8nSide(example: WorkflowJson, groups: AnswerGroups): DecisionWorkflow {
	const path = uniqueSuffix('vip-n8n');
	const lookup = nodeOfType(example, 'n8n-nodes-base.httpRequest');
	const url = String(lookup.parameters?.url ?? '');
	// Our trigger hands on `clientUserId`; n8n's Webhook node hands on the raw body, where Desk names it ClientUserId.
	const bodyUrl = url.replace('$json.clientUserId', '$json.body.ClientUserId');
	if (bodyUrl === url) throw new Error(`${DECISION_EXAMPLE}: the CRM lookup no longer reads $json.clientUserId (${url})`);
	const isVip = nodeOfType(example, 'n8n-nodes-base.if');
	const respond = (name: string, group: number, index: number): WorkflowNodeJson => ({
		name,
		type: 'n8n-nodes-base.respondToWebhook',
		typeVersion: 1.1,
		position: [position(3)[0], index * 200],
		parameters: { respondWith: 'json', responseBody: JSON.stringify(routeAnswer({ agentGroupId: group })), options: {} },
	});
	const nodes: WorkflowNodeJson[] = [
		webhookNode(path, { respond: 'responseNode' }),
		{ ...lookup, id: randomUUID(), position: position(1), parameters: { ...lookup.parameters, url: bodyUrl } },
		{ ...isVip, id: randomUUID(), position: position(2) },
		respond('Answer VIP Group', groups.vipGroup, 0),
		respond('Answer Pre-sales', groups.fallbackGroup, 1),
	];
	const to = (node: string) => [{ node, type: 'main', index: 0 }];
	return {
		side: 'n8n',
		...groups,
		workflow: {
			json: {
				name: 'bench: VIP routing from n8n nodes',
				nodes,
				connections: {
					[nodes[0].name]: { main: [to(nodes[1].name)] },
					[nodes[1].name]: { main: [to(nodes[2].name)] },
					[nodes[2].name]: { main: [to(nodes[3].name), to(nodes[4].name)] },
				},
				settings: { executionOrder: 'v1' },
			},
			webhookPath: path,
			timedNodes: [],
		},
	};
}

/** Both sides, pointed at the CRM stand-in. */
export function vipExample(crmUrl: string): VipExample {
	const example = withBaseUrl(loadExample(DECISION_EXAMPLE), EXAMPLE_CRM, crmUrl);
	const trigger = example.nodes.find((node) => node.webhookId === triggerWebhookId(example));
	const vipNode = example.nodes.find((node) => node.name === 'Route to VIP Group');
	if (!trigger || !vipNode) throw new Error(`${DECISION_EXAMPLE}: no Decision Trigger or no "Route to VIP Group" node`);
	const options = (trigger.parameters?.options ?? {}) as { deadlineMs?: number };
	const groups: AnswerGroups = {
		fallbackGroup: numberAt(trigger.parameters?.fallbackSkillGroup, 'the fallback skill group'),
		vipGroup: numberAt(vipNode.parameters?.skillGroup, 'the VIP skill group'),
	};
	if (groups.vipGroup === groups.fallbackGroup) throw new Error(`${DECISION_EXAMPLE}: the VIP group equals the fallback group; fallbacks could not be told apart`);
	return { ...groups, deadlineMs: options.deadlineMs ?? DECISION_OPTION_DEFAULTS.deadlineMs, sides: [ourSide(example, groups), n8nSide(example, groups)] };
}

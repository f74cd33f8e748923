/**
 * The workflows each side runs, as n8n workflow JSON. Every webhook answers Tencent with the same
 * ack body; every workflow keeps n8n's default execution saving, so all sides pay the same persistence.
 */
import { chainConnections, type WorkflowJson, type WorkflowNodeJson } from '../harness';
import { CALLBACK_ACK_TEXT } from '../simulator/callbackPayload';
import { CREDENTIAL_TYPE } from '../../nodes/shared/credentialType';
import { ALL_EVENTS, DESK_EVENTS } from '../../nodes/shared/events';
import { MINIMAL_TRIGGER_TYPE } from './minimalTrigger/names';
import { SPLIT_SESSION_IDS_CODE, userSigCode, verifyCallbackCode } from './diyCode';

export const CREDENTIAL_NAME = 'Tencent Cloud Desk (bench)';
const TRIGGER_TYPE = 'n8n-nodes-tencent-desk.tencentCloudDeskTrigger';

// tsx resolves `….node` to the sibling codex `.node.json`: name the TypeScript source explicitly.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { TencentCloudDeskTrigger } = require('../../nodes/TencentCloudDeskTrigger/TencentCloudDeskTrigger.node.ts') as {
	TencentCloudDeskTrigger: new () => { description: { version: number | number[]; defaultVersion?: number } };
};

/** The trigger version the editor puts into a new workflow (its default version, else the highest). */
export function triggerTypeVersion(): number {
	const { version, defaultVersion } = new TencentCloudDeskTrigger().description;
	return defaultVersion ?? (Array.isArray(version) ? Math.max(...version) : version);
}
export const ACTION_TYPE = 'n8n-nodes-tencent-desk.tencentCloudDesk';

/** Where a workflow is called, and which node names make up "the side" for timing. */
export interface BenchWorkflow {
	json: WorkflowJson;
	/** Production URL path: n8n's Webhook node path, or `<webhookId>/webhook` for our trigger. */
	webhookPath: string;
	/** Nodes whose execution time is this side's work (action scenarios). */
	timedNodes: string[];
}

let counter = 0;
export function uniqueSuffix(label: string): string {
	counter++;
	return `${label}-${process.pid}-${Date.now().toString(36)}-${counter}`;
}

export function position(index: number): [number, number] {
	return [index * 240, 0];
}

/**
 * n8n's Webhook node (v2.1), static parameters only, answering at once with Tencent's ack body, when the run
 * is done with the last node's first item (or all of its items), or from a Respond to Webhook node.
 */
export function webhookNode(
	path: string,
	options: { respond?: 'onReceived' | 'lastNode' | 'responseNode'; responseData?: 'firstEntryJson' | 'allEntries' } = {},
): WorkflowNodeJson {
	const respond = options.respond ?? 'onReceived';
	return {
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2.1,
		position: position(0),
		webhookId: path,
		parameters: {
			httpMethod: 'POST',
			path,
			responseMode: respond,
			...(respond === 'lastNode' ? { responseData: options.responseData ?? 'firstEntryJson' } : {}),
			options: respond === 'onReceived' ? { responseData: CALLBACK_ACK_TEXT } : {},
		},
	};
}

/** Side (a): n8n's Webhook node alone. */
export function bareWebhookWorkflow(): BenchWorkflow {
	const path = uniqueSuffix('bare');
	return {
		json: { name: 'bench: bare Webhook', nodes: [webhookNode(path)], connections: {}, settings: { executionOrder: 'v1' } },
		webhookPath: path,
		timedNodes: ['Webhook'],
	};
}

/** Ours: the trigger with signature check (credential has a token), one output per event, duplicate filter on (default). */
export function ourTriggerWorkflow(typeVersion = triggerTypeVersion()): BenchWorkflow {
	const webhookId = uniqueSuffix('ours');
	return {
		json: {
			name: 'bench: Tencent Cloud Desk Trigger',
			nodes: [
				{
					name: 'Tencent Cloud Desk Trigger',
					type: TRIGGER_TYPE,
					typeVersion,
					position: position(0),
					webhookId,
					parameters: { events: [ALL_EVENTS], routing: 'perEvent', options: {} },
					credentials: { [CREDENTIAL_TYPE]: { name: CREDENTIAL_NAME } },
				},
			],
			connections: {},
			settings: { executionOrder: 'v1' },
		},
		webhookPath: `${webhookId}/webhook`,
		timedNodes: ['Tencent Cloud Desk Trigger'],
	};
}

/** The minimal community trigger (minimalTrigger/): hands on its body, answers with Tencent's ack. */
export function minimalTriggerWorkflow(): BenchWorkflow {
	const webhookId = uniqueSuffix('minimal');
	return {
		json: {
			name: 'bench: minimal community trigger',
			nodes: [{ name: 'Bench Minimal Trigger', type: MINIMAL_TRIGGER_TYPE, typeVersion: 1.1, position: position(0), webhookId, parameters: {} }],
			connections: {},
			settings: { executionOrder: 'v1' },
		},
		webhookPath: `${webhookId}/webhook`,
		timedNodes: ['Bench Minimal Trigger'],
	};
}

/** One Switch rule per Desk event (first match wins), unknown events to a fallback output: the trigger's routing. */
function switchRules(): Record<string, unknown> {
	return {
		values: DESK_EVENTS.map((event) => ({
			outputKey: event.name,
			renameOutput: true,
			conditions: {
				options: { caseSensitive: true, leftValue: '', typeValidation: 'strict', version: 2 },
				conditions: [
					{
						leftValue: '={{ $json.Event }}',
						rightValue: event.value,
						operator: { type: 'string', operation: 'equals' },
					},
				],
				combinator: 'and',
			},
		})),
	};
}

/** Side (b): Webhook → Code (SdkAppid + Sign check) → Switch on Event, as a user would build it. */
export function diyCallbackWorkflow(sdkAppId: string, callbackToken: string): BenchWorkflow {
	const path = uniqueSuffix('diy');
	return {
		json: {
			name: 'bench: DIY Webhook + Code + Switch',
			nodes: [
				webhookNode(path),
				{
					name: 'Verify Desk Signature',
					type: 'n8n-nodes-base.code',
					typeVersion: 2,
					position: position(1),
					parameters: { jsCode: verifyCallbackCode(sdkAppId, callbackToken) },
				},
				{
					name: 'Route by Event',
					type: 'n8n-nodes-base.switch',
					typeVersion: 3.2,
					position: position(2),
					parameters: { mode: 'rules', rules: switchRules(), options: { fallbackOutput: 'extra', renameFallbackOutput: 'Other' } },
				},
			],
			connections: {
				Webhook: { main: [[{ node: 'Verify Desk Signature', type: 'main', index: 0 }]] },
				'Verify Desk Signature': { main: [[{ node: 'Route by Event', type: 'main', index: 0 }]] },
			},
			settings: { executionOrder: 'v1' },
		},
		webhookPath: path,
		timedNodes: ['Webhook', 'Verify Desk Signature', 'Route by Event'],
	};
}

/** Webhook (posted a list of session ids, answers when done) → Code: one item per id → the side's nodes. */
function actionWorkflow(name: string, label: string, sideNodes: WorkflowNodeJson[]): BenchWorkflow {
	const path = uniqueSuffix(label);
	const nodes: WorkflowNodeJson[] = [
		webhookNode(path, { respond: 'lastNode' }),
		{ name: 'One Item per Session', type: 'n8n-nodes-base.code', typeVersion: 2, position: position(1), parameters: { jsCode: SPLIT_SESSION_IDS_CODE } },
		...sideNodes.map((node, index) => ({ ...node, position: position(index + 2) })),
	];
	return {
		json: { name, nodes, connections: chainConnections(nodes), settings: { executionOrder: 'v1' } },
		webhookPath: path,
		timedNodes: sideNodes.map((node) => node.name),
	};
}

/** Ours: Get State with the node's default options, or with the given ones (e.g. concurrency 1). */
export function ourActionWorkflow(label: string, options: Record<string, unknown> = {}): BenchWorkflow {
	return actionWorkflow(`bench: Get State (${label})`, 'action-ours', [
		{
			name: 'Get Session State',
			type: ACTION_TYPE,
			typeVersion: 1,
			position: position(2),
			parameters: { resource: 'session', operation: 'getState', lookupBy: 'sessionId', sessionId: '={{ $json.SessionId }}', options },
			credentials: { [CREDENTIAL_TYPE]: { name: CREDENTIAL_NAME } },
		},
	]);
}

/** The query a DIY HTTP Request node signs its Desk call with: the UserSig and random its Code node computed per item. */
export function diySignedQuery(app: { sdkAppId: number; identifier: string }): { parameters: Array<{ name: string; value: string }> } {
	return {
		parameters: [
			{ name: 'sdkappid', value: String(app.sdkAppId) },
			{ name: 'identifier', value: app.identifier },
			{ name: 'usersig', value: '={{ $json.usersig }}' },
			{ name: 'random', value: '={{ $json.random }}' },
			{ name: 'contenttype', value: 'json' },
		],
	};
}

/** DIY: Code computing a UserSig per item → HTTP Request node POSTing get_session_state (n8n defaults: one item at a time). */
export function diyActionWorkflow(baseUrl: string, app: { sdkAppId: number; identifier: string; secretKey: string }): BenchWorkflow {
	return actionWorkflow('bench: DIY Code (UserSig) + HTTP Request', 'action-diy', [
		{
			name: 'Compute UserSig',
			type: 'n8n-nodes-base.code',
			typeVersion: 2,
			position: position(2),
			parameters: { jsCode: userSigCode(app.sdkAppId, app.identifier, app.secretKey) },
		},
		{
			name: 'Get Session State (HTTP)',
			type: 'n8n-nodes-base.httpRequest',
			typeVersion: 4.2,
			position: position(3),
			parameters: {
				method: 'POST',
				url: `${baseUrl}/v4/desk_http_svc/get_session_state`,
				sendQuery: true,
				queryParameters: diySignedQuery(app),
				sendBody: true,
				contentType: 'json',
				specifyBody: 'keypair',
				bodyParameters: { parameters: [{ name: 'SessionId', value: '={{ $json.SessionId }}' }] },
				options: {},
			},
		},
	]);
}

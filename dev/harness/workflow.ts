/**
 * Turning workflow JSON as the editor exports it (or as tests write it) into a body that
 * n8n 2.41.1's public API accepts (`POST /api/v1/workflows`, a strict zod schema: unknown or
 * read-only fields such as id, active, versionId, meta, tags are rejected).
 */

/** A node as found in editor exports; only the fields the harness looks at are typed. */
export interface WorkflowNodeJson {
	name: string;
	type: string;
	typeVersion: number;
	parameters?: Record<string, unknown>;
	credentials?: Record<string, { id?: string | null; name?: string }>;
	webhookId?: string;
	[key: string]: unknown;
}

export interface WorkflowJson {
	name?: string;
	nodes: WorkflowNodeJson[];
	connections: Record<string, unknown>;
	settings?: Record<string, unknown>;
	[key: string]: unknown;
}

/** Connections for nodes wired one after the other, each node's main output to the next. */
export function chainConnections(nodes: WorkflowNodeJson[]): Record<string, unknown> {
	const connections: Record<string, unknown> = {};
	for (let i = 0; i < nodes.length - 1; i++) connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	return connections;
}

/** Node fields accepted by the public API (workflowNodeWritePublicSchema). */
const NODE_FIELDS = new Set([
	'id',
	'name',
	'webhookId',
	'disabled',
	'notesInFlow',
	'notes',
	'type',
	'typeVersion',
	'executeOnce',
	'alwaysOutputData',
	'retryOnFail',
	'maxTries',
	'waitBetweenTries',
	'continueOnFail',
	'onError',
	'position',
	'parameters',
	'credentials',
	'customTelemetryTags',
]);

/** Settings accepted by the public API (workflowSettingsWritePublicSchema). */
const SETTINGS_FIELDS = new Set([
	'saveExecutionProgress',
	'saveManualExecutions',
	'saveDataErrorExecution',
	'saveDataSuccessExecution',
	'executionTimeout',
	'errorWorkflow',
	'timezone',
	'executionOrder',
	'binaryMode',
	'callerPolicy',
	'callerIds',
	'timeSavedMode',
	'timeSavedPerExecution',
	'redactionPolicy',
	'availableInMCP',
	'customTelemetryTags',
]);

function pick(source: Record<string, unknown>, allowed: Set<string>): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(source)) {
		if (allowed.has(key) && value !== undefined && value !== null) out[key] = value;
	}
	return out;
}

/**
 * Resolves a credential reference to a stored credential id.
 * `type` is the credential type key in the node's `credentials` map.
 */
export type CredentialResolver = (type: string, ref: { id?: string | null; name?: string }) => string;

/** The public-API body for a workflow: whitelisted fields, credentials resolved to ids. */
export function toPublicWorkflowBody(
	workflow: WorkflowJson,
	resolveCredential: CredentialResolver,
	fallbackName = 'harness workflow',
): Record<string, unknown> {
	const nodes = workflow.nodes.map((node) => {
		const clean = pick(node, NODE_FIELDS);
		if (node.credentials) {
			const credentials: Record<string, { id: string; name?: string }> = {};
			for (const [type, ref] of Object.entries(node.credentials)) {
				credentials[type] = { id: resolveCredential(type, ref), ...(ref.name ? { name: ref.name } : {}) };
			}
			clean.credentials = credentials;
		}
		return clean;
	});
	const body: Record<string, unknown> = {
		name: workflow.name ?? fallbackName,
		nodes,
		connections: workflow.connections,
		settings: { executionOrder: 'v1', ...pick(workflow.settings ?? {}, SETTINGS_FIELDS) },
	};
	if (workflow.staticData !== undefined && workflow.staticData !== null) body.staticData = workflow.staticData;
	if (workflow.pinData && Object.keys(workflow.pinData as object).length > 0) body.pinData = workflow.pinData;
	if (Array.isArray(workflow.nodeGroups) && workflow.nodeGroups.length > 0) body.nodeGroups = workflow.nodeGroups;
	return body;
}

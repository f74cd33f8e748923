/**
 * Client for one running n8n (2.x, or 1.x where the two differ: activation, credential data): the public API (`/api/v1`, header `X-N8N-API-KEY`) for
 * credentials, workflows and executions, and the internal REST API (`/rest`, owner's cookie)
 * where the editor's behaviour matters (credential test, node types).
 */
import { HttpError, httpOk, httpRequest, type HttpRequest, type HttpResponse, sleep } from './http';
import { isN8n1 } from './releases';
import { type WorkflowJson, toPublicWorkflowBody } from './workflow';

export interface CredentialRef {
	id: string;
	name: string;
	type: string;
}

export interface WorkflowRef {
	id: string;
	name: string;
	active: boolean;
	versionId?: string;
	nodes: { name: string; type: string; webhookId?: string; parameters?: Record<string, unknown> }[];
	[key: string]: unknown;
}

export type ExecutionStatus = 'canceled' | 'crashed' | 'error' | 'new' | 'running' | 'success' | 'unknown' | 'waiting';

export interface Execution {
	id: string | number;
	finished: boolean;
	mode: string;
	status: ExecutionStatus;
	startedAt: string;
	stoppedAt: string | null;
	workflowId: string;
	/** Present with `includeData: true`: `data.resultData.runData[nodeName][run].data.main[output][item].json`. */
	data?: {
		resultData: {
			runData: Record<string, { data?: { main?: ({ json: Record<string, unknown> }[] | null)[] }; error?: unknown }[]>;
			error?: { message?: string; [key: string]: unknown };
			lastNodeExecuted?: string;
		};
		[key: string]: unknown;
	};
	[key: string]: unknown;
}

export interface PublicationStatus {
	status: 'in_progress' | 'not_published' | 'published' | 'partial' | 'failed';
	liveVersionId: string | null;
	pendingVersionId: string | null;
	triggers: { nodeId: string; status: string; errorMessage: string | null }[];
}

export interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
}

export interface WebhookCallResult {
	status: number;
	text: string;
	json: unknown;
	headers: Headers;
	/** How many 404 "not registered" answers preceded this one. */
	retries: number;
}

/** Execution statuses after which nothing changes any more. */
export const FINISHED_STATUSES: readonly ExecutionStatus[] = ['success', 'error', 'crashed', 'canceled'];

export class N8nApiClient {
	/** Credentials created through this client, by type then name (for resolving references in workflow JSON). */
	private readonly knownCredentials = new Map<string, CredentialRef>();

	constructor(
		readonly baseUrl: string,
		readonly apiKey: string,
		/** `Cookie` header value of the owner's session (`n8n-auth=…`). */
		readonly cookie: string,
		/** The running n8n's version. */
		readonly n8nVersion: string,
	) {}

	// ---- transport ----

	/** A public-API call (`/api/v1<path>`); throws HttpError unless 2xx. */
	async publicApi<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
		const response = await httpOk(`${this.baseUrl}/api/v1${path}`, {
			method,
			headers: { 'x-n8n-api-key': this.apiKey, accept: 'application/json' },
			body,
		});
		return response.json as T;
	}

	/** An internal REST call (`/rest<path>`) with the owner's cookie; returns the unwrapped `data`. */
	async rest<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
		const response = await httpOk(`${this.baseUrl}/rest${path}`, { method, headers: { cookie: this.cookie }, body });
		return (response.json as { data: T }).data;
	}

	// ---- credentials ----

	/**
	 * `POST /api/v1/credentials`. n8n 1.x adds an `allowedHttpRequestDomains` field to every credential type with
	 * `authenticate`, and the schema its public API checks says `if allowedHttpRequestDomains is "domains" then
	 * allowedDomains is required` as a JSON-schema `if` that an absent field satisfies: data without the field is
	 * refused ("requires property allowedDomains"). So when the type has the field, `all` (the editor's default) is sent.
	 */
	async createCredential(name: string, type: string, data: Record<string, unknown>): Promise<CredentialRef> {
		let sent = data;
		if (isN8n1(this.n8nVersion) && !('allowedHttpRequestDomains' in data)) {
			const schema = await this.publicApi<{ properties?: Record<string, unknown> }>(
				'GET',
				`/credentials/schema/${encodeURIComponent(type)}`,
			);
			if (schema.properties?.allowedHttpRequestDomains) sent = { ...data, allowedHttpRequestDomains: 'all' };
		}
		const created = await this.publicApi<{ id: string; name: string; type: string }>('POST', '/credentials', { name, type, data: sent });
		const ref = { id: String(created.id), name: created.name, type: created.type };
		this.knownCredentials.set(`${type}\u0000${name}`, ref);
		return ref;
	}

	/** Every credential visible to the owner (`GET /rest/credentials`). */
	async listCredentials(): Promise<CredentialRef[]> {
		const list = await this.rest<{ id: string; name: string; type: string }[]>('GET', '/credentials');
		return list.map(({ id, name, type }) => ({ id: String(id), name, type }));
	}

	/**
	 * Test a stored credential the way the editor's "Retry"/"Test" button does:
	 * `GET /rest/credentials/:id?includeData=true` (secrets come back redacted), then
	 * `POST /rest/credentials/test` with `{ credentials: { id, name, type, data } }`; n8n swaps the redacted
	 * values for the stored ones before running the credential type's `test` request.
	 */
	async testCredential(id: string): Promise<CredentialTestResult> {
		const stored = await this.rest<{ id: string; name: string; type: string; data?: Record<string, unknown> }>(
			'GET',
			`/credentials/${encodeURIComponent(id)}?includeData=true`,
		);
		return await this.rest<CredentialTestResult>('POST', '/credentials/test', {
			credentials: { id: String(stored.id), name: stored.name, type: stored.type, data: stored.data ?? {} },
		});
	}

	/** The same test through the public API (`POST /api/v1/credentials/:id/test`, stored data as is). */
	async testCredentialPublic(id: string): Promise<CredentialTestResult> {
		return await this.publicApi<CredentialTestResult>('POST', `/credentials/${encodeURIComponent(id)}/test`);
	}

	// ---- workflows ----

	/**
	 * `POST /api/v1/workflows` from editor-exported JSON: read-only/unknown fields are stripped, and each node's
	 * `credentials: { <type>: { id?, name } }` is resolved to the id of the stored credential of that type and name
	 * (an id that exists is kept; otherwise the name decides).
	 */
	async createWorkflow(workflow: WorkflowJson): Promise<WorkflowRef> {
		const references = workflow.nodes.flatMap((node) => Object.entries(node.credentials ?? {}));
		let stored: CredentialRef[] = [...this.knownCredentials.values()];
		if (references.some(([type, ref]) => !this.findCredential(stored, type, ref))) stored = await this.listCredentials();
		const body = toPublicWorkflowBody(workflow, (type, ref) => {
			const found = this.findCredential(stored, type, ref);
			if (!found) throw new Error(`workflow references credential ${type} "${ref.name ?? ref.id}", which does not exist in n8n`);
			return found.id;
		});
		const created = await this.publicApi<WorkflowRef>('POST', '/workflows', body);
		return { ...created, id: String(created.id) };
	}

	private findCredential(stored: CredentialRef[], type: string, ref: { id?: string | null; name?: string }): CredentialRef | undefined {
		const ofType = stored.filter((credential) => credential.type === type);
		return (ref.id ? ofType.find((credential) => credential.id === String(ref.id)) : undefined) ?? ofType.find((credential) => credential.name === ref.name);
	}

	async getWorkflow(id: string): Promise<WorkflowRef> {
		return await this.publicApi<WorkflowRef>('GET', `/workflows/${encodeURIComponent(id)}`);
	}

	/**
	 * Publish (2.x's word for activate): `POST /api/v1/workflows/:id/publish` (n8n 2.41.1; `/activate` is a
	 * deprecated alias of the same handler). In 2.41.1 this only enqueues the publication (an outbox drained
	 * asynchronously, which is where triggers and webhooks get registered), so by default this then waits for
	 * `waitForPublication` and throws when a trigger failed to activate. n8n 1.x: `POST …/activate`, which
	 * registers the triggers before it answers (and fails when one cannot be activated).
	 */
	async activateWorkflow(id: string, options: { wait?: boolean; timeoutMs?: number } = {}): Promise<WorkflowRef> {
		if (isN8n1(this.n8nVersion)) return await this.publicApi<WorkflowRef>('POST', `/workflows/${encodeURIComponent(id)}/activate`);
		const published = await this.publicApi<WorkflowRef>('POST', `/workflows/${encodeURIComponent(id)}/publish`, {});
		if (options.wait !== false) await this.waitForPublication(id, options.timeoutMs);
		return published;
	}

	/** `GET /rest/workflows/:id/publication-status` (cookie): where the asynchronous publication stands. */
	async getPublicationStatus(id: string): Promise<PublicationStatus> {
		return await this.rest<PublicationStatus>('GET', `/workflows/${encodeURIComponent(id)}/publication-status`);
	}

	/**
	 * Poll (bounded) until the workflow's publication has settled. Resolves on `published`; throws on
	 * `failed`/`partial` (with each failed trigger's error message) and on timeout.
	 */
	async waitForPublication(id: string, timeoutMs = 30_000): Promise<PublicationStatus> {
		const deadline = Date.now() + timeoutMs;
		let status: PublicationStatus;
		for (;;) {
			status = await this.getPublicationStatus(id);
			if (status.status === 'published') return status;
			if (status.status === 'failed' || status.status === 'partial') {
				const errors = status.triggers
					.filter((trigger) => trigger.status === 'failed')
					.map((trigger) => `${trigger.nodeId}: ${trigger.errorMessage ?? '(no message)'}`);
				throw new Error(`publishing workflow ${id} ${status.status}: ${errors.join('; ')}`);
			}
			if (Date.now() > deadline) throw new Error(`workflow ${id} not published after ${timeoutMs} ms: ${JSON.stringify(status)}`);
			await sleep(100);
		}
	}

	/** `POST /api/v1/workflows/:id/unpublish` (1.x: `/deactivate`). */
	async deactivateWorkflow(id: string): Promise<WorkflowRef> {
		const action = isN8n1(this.n8nVersion) ? 'deactivate' : 'unpublish';
		return await this.publicApi<WorkflowRef>('POST', `/workflows/${encodeURIComponent(id)}/${action}`);
	}

	async deleteWorkflow(id: string): Promise<void> {
		await this.publicApi('DELETE', `/workflows/${encodeURIComponent(id)}`);
	}

	// ---- webhooks ----

	/** Production URL: `webhookUrl(path)` for n8n's Webhook node (full path), `webhookUrl(webhookId, path)` for a trigger. */
	webhookUrl(webhookIdOrPath: string, path?: string): string {
		return this.hookUrl('webhook', webhookIdOrPath, path);
	}

	/** Test URL (`/webhook-test/…`), live only while the editor listens for a test event. */
	testWebhookUrl(webhookIdOrPath: string, path?: string): string {
		return this.hookUrl('webhook-test', webhookIdOrPath, path);
	}

	private hookUrl(prefix: string, first: string, path?: string): string {
		const trim = (part: string) => part.replace(/^\/+|\/+$/g, '');
		return `${this.baseUrl}/${prefix}/${path === undefined ? trim(first) : `${trim(first)}/${trim(path)}`}`;
	}

	/**
	 * Wait until a production webhook is registered, bounded.
	 * - Without `request`: probes with a CORS preflight (`OPTIONS` + `Origin` + `Access-Control-Request-Method`),
	 *   which n8n answers 204 once the webhook is registered, and before that 404 or (2.41.1, preflight path)
	 *   500 "… is not registered", without running the workflow.
	 * - With `request`: sends it, repeating while n8n answers "not registered", and returns the first other
	 *   answer (so the workflow runs at most once).
	 */
	async waitForWebhook(url: string, request?: HttpRequest, options: { timeoutMs?: number; method?: string } = {}): Promise<WebhookCallResult> {
		const deadline = Date.now() + (options.timeoutMs ?? 15_000);
		const probe: HttpRequest = request ?? {
			method: 'OPTIONS',
			headers: { origin: this.baseUrl, 'access-control-request-method': options.method ?? 'POST' },
		};
		let retries = 0;
		for (;;) {
			const response: HttpResponse = await httpRequest(url, probe);
			const notRegistered =
				response.status === 404 || (response.status === 500 && response.text.includes('is not registered'));
			if (!notRegistered) {
				return { status: response.status, text: response.text, json: response.json, headers: response.headers, retries };
			}
			if (Date.now() > deadline) {
				throw new HttpError(probe.method ?? 'GET', url, response.status, `still not registered after ${retries} retries: ${response.text}`);
			}
			retries++;
			await sleep(Math.min(50 * retries, 500));
		}
	}

	// ---- executions ----

	/** `GET /api/v1/executions?workflowId=…` (all pages), newest first. */
	async listExecutions(workflowId: string, options: { includeData?: boolean; status?: ExecutionStatus } = {}): Promise<Execution[]> {
		const all: Execution[] = [];
		let cursor: string | undefined;
		for (let page = 0; page < 100; page++) {
			const query = new URLSearchParams({ workflowId, includeData: String(options.includeData ?? false), limit: '250' });
			if (options.status) query.set('status', options.status);
			if (cursor) query.set('cursor', cursor);
			const result = await this.publicApi<{ data: Execution[]; nextCursor?: string | null }>('GET', `/executions?${query.toString()}`);
			all.push(...result.data);
			if (!result.nextCursor) break;
			cursor = result.nextCursor;
		}
		return all;
	}

	/** `GET /api/v1/executions/:id`. */
	async getExecution(id: string | number, includeData = true): Promise<Execution> {
		return await this.publicApi<Execution>('GET', `/executions/${encodeURIComponent(String(id))}?includeData=${includeData}`);
	}

	/**
	 * Poll (bounded) until at least `count` executions of the workflow have finished (success, error, crashed,
	 * canceled); resolves with the finished ones, oldest first. Throws with what was seen on timeout.
	 */
	async waitForExecutions(
		workflowId: string,
		count: number,
		timeoutMs = 30_000,
		options: { includeData?: boolean } = {},
	): Promise<Execution[]> {
		const deadline = Date.now() + timeoutMs;
		let seen: Execution[] = [];
		for (;;) {
			seen = await this.listExecutions(workflowId, { includeData: options.includeData });
			const finished = seen.filter((execution) => FINISHED_STATUSES.includes(execution.status));
			if (finished.length >= count) return finished.sort((a, b) => Number(a.id) - Number(b.id));
			if (Date.now() > deadline) {
				throw new Error(
					`timed out after ${timeoutMs} ms waiting for ${count} finished executions of workflow ${workflowId}; saw ${seen.length}: ${seen
						.map((execution) => `${execution.id}:${execution.status}`)
						.join(', ')}`,
				);
			}
			await sleep(200);
		}
	}

	// ---- node types ----

	/** Every node type n8n loaded, as the editor gets them (`GET /types/nodes.json`, cookie): one entry per version. */
	async nodeTypes(): Promise<Array<{ name: string; codex?: Record<string, unknown> }>> {
		const response = await httpOk(`${this.baseUrl}/types/nodes.json`, { headers: { cookie: this.cookie } });
		return response.json as Array<{ name: string; codex?: Record<string, unknown> }>;
	}

	/** Names of every node type n8n loaded, e.g. `n8n-nodes-tencent-desk.tencentCloudDesk`. */
	async nodeTypeNames(): Promise<string[]> {
		return [...new Set((await this.nodeTypes()).map((node) => node.name))];
	}

	/** Names of every credential type n8n loaded (`GET /types/credentials.json`, cookie). */
	async credentialTypeNames(): Promise<string[]> {
		const response = await httpOk(`${this.baseUrl}/types/credentials.json`, { headers: { cookie: this.cookie } });
		return (response.json as { name: string }[]).map((credential) => credential.name);
	}
}

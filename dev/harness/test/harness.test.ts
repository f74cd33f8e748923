/**
 * The real-n8n harness itself: n8n 2.41.1 boots with this package installed as a community node,
 * a Webhook workflow runs through the public API, credentials are tested the editor's way, and
 * `stop()` leaves no process behind.
 *
 * Run: npx jest --selectProjects e2e dev/harness/test/harness.test.ts
 * First run installs Node 24 + n8n into ~/.cache/n8n-nodes-tencent-desk (measured 11-15 min on 2 shared cores, with
 * a progress line every 10 s); later runs build and pack this repo (~9 s) and boot n8n (17-19 s measured).
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import {
	groupMembers,
	isRunning,
	type N8nInstance,
	registeredProcesses,
	startN8n,
	stopAllProcesses,
	type WorkflowJson,
} from '..';

const PACKAGE = 'n8n-nodes-tencent-desk';

// Each step is bounded inside the harness; this only has to be larger than those bounds on a busy 2-core box.
jest.setTimeout(2 * 60 * 1000);

/** A stand-in for Tencent's REST domain: answers account_check with whatever `reply` holds. */
interface FakeTencent {
	url: string;
	requests: { path: string; query: URLSearchParams; body: string }[];
	reply: Record<string, unknown>;
	close(): Promise<void>;
}

async function startFakeTencent(): Promise<FakeTencent> {
	const state: FakeTencent = {
		url: '',
		requests: [],
		reply: { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '', ResultItem: [] },
		close: async () => undefined,
	};
	const readBody = async (request: IncomingMessage) => {
		const chunks: Buffer[] = [];
		for await (const chunk of request) chunks.push(chunk as Buffer);
		return Buffer.concat(chunks).toString('utf8');
	};
	const server: Server = createServer((request, response) => {
		void readBody(request).then((body) => {
			const url = new URL(request.url ?? '/', 'http://127.0.0.1');
			state.requests.push({ path: url.pathname, query: url.searchParams, body });
			response.writeHead(200, { 'content-type': 'application/json' });
			response.end(JSON.stringify(state.reply));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	state.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
	return state;
}

describe('real n8n harness', () => {
	let n8n: N8nInstance | undefined;
	let fakeTencent: FakeTencent | undefined;

	const instance = (): N8nInstance => {
		if (!n8n) throw new Error('n8n did not start');
		return n8n;
	};

	beforeAll(async () => {
		fakeTencent = await startFakeTencent();
		// Builds and packs this repo, installs the tarball like the Community Nodes installer, boots n8n.
		n8n = await startN8n();
	}, 15 * 60 * 1000);

	afterAll(async () => {
		await n8n?.stop();
		await stopAllProcesses();
		await fakeTencent?.close();
	}, 60 * 1000);

	test('loads the packed package: both node types and the credential type', async () => {
		const { api, installedPackage } = instance();
		expect(installedPackage?.name).toBe(PACKAGE);
		const nodeTypes = await api.nodeTypeNames();
		expect(nodeTypes).toEqual(
			expect.arrayContaining([`${PACKAGE}.tencentCloudDesk`, `${PACKAGE}.tencentCloudDeskTrigger`]),
		);
		expect(await api.credentialTypeNames()).toContain('tencentCloudDeskApi');
	});

	test('Webhook workflow: create from editor JSON, publish, POST, execution recorded', async () => {
		const { api } = instance();
		const path = `harness-${randomUUID()}`;
		// Shaped like an editor export: read-only fields the public API rejects are stripped by the client.
		const exported: WorkflowJson = {
			id: 'exportedId123',
			name: 'Harness webhook',
			active: true,
			versionId: randomUUID(),
			meta: { instanceId: 'abc', templateCredsSetupCompleted: true },
			tags: [],
			pinData: {},
			settings: { executionOrder: 'v1', binaryMode: 'separate' },
			nodes: [
				{
					id: randomUUID(),
					name: 'Webhook',
					type: 'n8n-nodes-base.webhook',
					typeVersion: 2,
					position: [0, 0],
					webhookId: randomUUID(),
					parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} },
				},
				{
					id: randomUUID(),
					name: 'No Operation',
					type: 'n8n-nodes-base.noOp',
					typeVersion: 1,
					position: [220, 0],
					parameters: {},
				},
			],
			connections: { Webhook: { main: [[{ node: 'No Operation', type: 'main', index: 0 }]] } },
		};
		const workflow = await api.createWorkflow(exported);
		expect(workflow.id).not.toBe('exportedId123');
		expect(workflow.active).toBe(false);

		const published = await api.activateWorkflow(workflow.id);
		expect(published.active).toBe(true);

		const url = api.webhookUrl(path);
		const probe = await api.waitForWebhook(url); // side-effect-free CORS preflight
		expect(probe.status).toBe(204);

		const payload = { hello: 'harness', n: 42 };
		const call = await api.waitForWebhook(url, { method: 'POST', body: payload });
		expect(call.status).toBe(200);

		const [execution] = await api.waitForExecutions(workflow.id, 1, 30_000, { includeData: true });
		expect(execution.status).toBe('success');
		expect(execution.mode).toBe('webhook');
		const output = execution.data?.resultData.runData.Webhook?.[0]?.data?.main?.[0]?.[0]?.json;
		expect(output?.body).toEqual(payload);
		expect(execution.data?.resultData.runData['No Operation']).toHaveLength(1);
	});

	test('credential: created via the public API, tested the editor way and the public way', async () => {
		const { api } = instance();
		const tencent = fakeTencent as FakeTencent;
		const credential = await api.createCredential('Harness Desk', 'tencentCloudDeskApi', {
			sdkAppId: 1400000001,
			identifier: 'administrator',
			secretKey: 'harness-secret-key',
			region: 'custom',
			baseUrl: tencent.url,
			callbackToken: '',
		});

		tencent.reply = { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '', ResultItem: [] };
		expect(await api.testCredential(credential.id)).toEqual(expect.objectContaining({ status: 'OK' }));
		const seen = tencent.requests.at(-1);
		expect(seen?.path).toBe('/v4/im_open_login_svc/account_check');
		expect(seen?.query.get('sdkappid')).toBe('1400000001');
		expect(seen?.query.get('usersig')).toBeTruthy();

		tencent.reply = { ActionStatus: 'FAIL', ErrorCode: 99999, ErrorInfo: 'harness says no' };
		expect(await api.testCredential(credential.id)).toEqual(expect.objectContaining({ status: 'Error' }));
		expect(await api.testCredentialPublic(credential.id)).toEqual(expect.objectContaining({ status: 'Error' }));

		// A workflow referring to the credential by name only (stale id from another instance) gets the real id.
		const workflow = await api.createWorkflow({
			name: 'Harness credential reference',
			nodes: [
				{
					name: 'Desk',
					type: `${PACKAGE}.tencentCloudDesk`,
					typeVersion: 1,
					position: [0, 0],
					parameters: {},
					credentials: { tencentCloudDeskApi: { id: 'staleId', name: 'Harness Desk' } },
				},
			],
			connections: {},
		});
		const stored = await api.getWorkflow(workflow.id);
		const desk = stored.nodes.find((node) => node.name === 'Desk') as { credentials?: Record<string, { id: string }> };
		expect(desk.credentials?.tencentCloudDeskApi.id).toBe(credential.id);
	});

	test('headless run with `n8n execute` beside the server', async () => {
		const { api, runWorkflowHeadless } = instance();
		const workflow = await api.createWorkflow({
			name: 'Harness manual',
			nodes: [
				{ name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
				{
					name: 'Answer',
					type: 'n8n-nodes-base.set',
					typeVersion: 3.4,
					position: [220, 0],
					parameters: {
						mode: 'manual',
						assignments: { assignments: [{ id: randomUUID(), name: 'answer', value: '={{ 40 + 2 }}', type: 'number' }] },
						options: {},
					},
				},
			],
			connections: { Start: { main: [[{ node: 'Answer', type: 'main', index: 0 }]] } },
		});
		// Not n8n's defaults: with the default `vm` expression engine, n8n 2.41.1's `execute` calls process.exit()
		// while an isolated-vm isolate is still being created on another thread, and dies of SIGSEGV after printing
		// a successful run; runWorkflowHeadless (runN8nExecute in executeCli.ts) runs it with `quickjs`.
		const result = await runWorkflowHeadless(workflow.id);
		// On failure, show what n8n said; a signal (no exit code) is shown as such.
		const failed = result.code !== 0 || result.data?.status !== 'success';
		expect({
			code: result.code,
			signal: result.signal,
			status: result.data?.status,
			output: failed ? `--- stdout (tail) ---\n${result.stdout.slice(-3000)}\n--- stderr (tail) ---\n${result.stderr.slice(-2000)}` : '',
		}).toEqual({ code: 0, signal: null, status: 'success', output: '' });
		const runData = result.data?.data.resultData.runData as Record<string, { data?: { main?: { json: unknown }[][] } }[]>;
		expect(Object.keys(runData)).toEqual(expect.arrayContaining(['Start', 'Answer']));
		// The expression evaluated by the CLI's engine (see executeCli.ts).
		expect(runData.Answer[0].data?.main?.[0]?.[0]?.json).toEqual({ answer: 42 });
	}, 120_000);

	test('stop() ends n8n and its task runner, and removes the instance folder', async () => {
		const current = instance();
		const members = groupMembers(current.pid);
		expect(members).toContain(current.pid);
		expect(members.length).toBeGreaterThanOrEqual(2); // n8n + its JS task runner
		expect(registeredProcesses().map((entry) => entry.pid)).toContain(current.pid);

		await current.stop();

		expect(current.stopped).toBe(true);
		expect(members.filter((pid) => isRunning(pid))).toEqual([]);
		expect(groupMembers(current.pid)).toEqual([]);
		expect(registeredProcesses().map((entry) => entry.pid)).not.toContain(current.pid);
		if (process.env.KEEP_N8N !== '1') expect(existsSync(current.folder)).toBe(false);
	}, 60_000);
});

/**
 * The Decision Trigger's webhook() behind a real Node HTTP server, with a hand-made
 * IWebhookFunctions whose response object is the real one plus Express's status()/json(): a
 * refused callback gets its status at once, an accepted one becomes an item and is answered by
 * the workflow or, at once / after the deadline / for a repeated RequestID, by the fallback.
 */
import http from 'http';
import type { AddressInfo } from 'net';

import type { IDataObject, IWebhookFunctions, IWebhookResponseData, WorkflowExecuteMode } from 'n8n-workflow';

import { computeCallbackSign } from '../../nodes/shared/callbackSignature';
import { routeAnswer } from '../../nodes/shared/decisionAnswers';
import { deliveredAnswer } from '../../nodes/shared/decisionDelivery';
import { TencentCloudDeskDecisionTrigger } from '../../nodes/TencentCloudDeskDecisionTrigger/TencentCloudDeskDecisionTrigger.node';
import { expressJson } from '../helpers/guardedExchange';

const SDK_APP_ID = '1400000042';
const TOKEN = 'decision-webhook-token-3c7d';
const BODY = { CallbackCommand: 'ChatBot.OnAssignHuman', SessionId: 'aa-bb-cc-dd', ClientUserId: '123', EventTime: 1670574414123 };
const FALLBACK = routeAnswer({ agentGroupId: 6521 });
const trigger = new TencentCloudDeskDecisionTrigger();

interface Setup {
	parameters?: Record<string, unknown>;
	query?: Record<string, unknown>;
	body?: string;
	mode?: WorkflowExecuteMode;
	/** Per test, so the repeat memory of one test does not reach another. */
	workflowId: string;
	/** What the "workflow" does with the response after webhook() returned workflowData. */
	afterRun?: (res: http.ServerResponse) => void;
}

interface Result {
	status: number;
	text: string;
	webhook: IWebhookResponseData | undefined;
	warnings: string[];
	/** The names getNodeParameter was asked for, in order. */
	parametersRead: string[];
}

let server: http.Server;
/** Per request path, so deliveries can overlap. */
const handlers = new Map<string, (req: http.IncomingMessage, res: http.ServerResponse) => void>();
let nextPath = 0;

beforeAll(async () => {
	server = http.createServer((req, res) => handlers.get(req.url ?? '')?.(req, res));
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
	server.closeAllConnections();
	await new Promise((resolve) => server.close(resolve));
});

function signedQuery(overrides: Record<string, unknown> = {}): Record<string, unknown> {
	const time = String(Math.floor(Date.now() / 1000));
	return {
		SdkAppid: SDK_APP_ID,
		CallbackCommand: 'ChatBot.OnAssignHuman',
		contenttype: 'json',
		RequestID: 'req-1',
		RequestTime: time,
		Sign: computeCallbackSign(TOKEN, time),
		...overrides,
	};
}

function context(setup: Setup, rawBody: Buffer, res: http.ServerResponse, warnings: string[], parametersRead: string[]): IWebhookFunctions {
	const parameters: Record<string, unknown> = {
		decision: 'assignHuman',
		fallbackSkillGroup: { __rl: true, mode: 'id', value: '6521' },
		options: { deadlineMs: 300 },
		...setup.parameters,
	};
	const express = Object.assign(res, {
		status(code: number) {
			res.statusCode = code;
			return express;
		},
		json(body: unknown) {
			expressJson(res, res.statusCode, body);
			return express;
		},
	});
	return {
		getQueryData: () => setup.query ?? signedQuery(),
		getNodeParameter: (name: string, fallback?: unknown, options?: { extractValue?: boolean }) => {
			parametersRead.push(name);
			const value = name in parameters ? parameters[name] : fallback;
			return options?.extractValue && typeof value === 'object' && value !== null ? (value as { value?: unknown }).value : value;
		},
		getNode: () => ({ id: 'decision-node', name: 'Decision', credentials: { tencentCloudDeskApi: { id: 'cred-1', name: 'Desk' } } }),
		getMode: () => setup.mode ?? 'webhook',
		getWorkflow: () => ({ id: setup.workflowId }),
		getCredentials: async () => ({ sdkAppId: Number(SDK_APP_ID), callbackToken: TOKEN }),
		getRequestObject: () => ({ rawBody }),
		getBodyData: () => ({}),
		getResponseObject: () => express,
		logger: {
			warn: (message: string) => warnings.push(message),
			info: (message: string) => warnings.push(`info: ${message}`),
			debug: () => undefined,
		},
	} as unknown as IWebhookFunctions;
}

async function deliver(setup: Setup): Promise<Result> {
	let webhook: IWebhookResponseData | undefined;
	const warnings: string[] = [];
	const parametersRead: string[] = [];
	const path = `/webhook/${nextPath++}`;
	handlers.set(path, (req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			void trigger.webhook.call(context(setup, Buffer.concat(chunks), res, warnings, parametersRead)).then(
				(result) => {
					webhook = result;
					if (result.workflowData && !result.noWebhookResponse) setup.afterRun?.(res);
				},
				(error: Error) => warnings.push(`webhook() threw: ${error.message}`),
			);
		});
	});
	const { port } = server.address() as AddressInfo;
	const reply = await new Promise<{ status: number; text: string }>((resolve, reject) => {
		const request = http.request({ host: '127.0.0.1', port, method: 'POST', path, agent: false }, (response) => {
			const chunks: Buffer[] = [];
			response.on('data', (chunk: Buffer) => chunks.push(chunk));
			response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
		});
		request.on('error', reject);
		request.end(setup.body ?? JSON.stringify(BODY));
	});
	await new Promise((resolve) => setTimeout(resolve, 20));
	handlers.delete(path);
	return { ...reply, webhook, warnings, parametersRead };
}

const items = (result: Result): IDataObject[] => (result.webhook?.workflowData?.[0] ?? []).map((item) => item.json);

describe('a refused callback', () => {
	it.each<[string, Partial<Setup>, number, string]>([
		['a body without SessionId', { body: '{"ClientUserId":"1"}' }, 400, 'Body must be a JSON object with a string SessionId'],
		['another app', { query: signedQuery({ SdkAppid: '1' }) }, 403, 'SdkAppid does not match this credential'],
		['a bad Sign', { query: signedQuery({ Sign: 'f'.repeat(64) }) }, 401, 'Sign does not match'],
		['another decision’s command', { query: signedQuery({ CallbackCommand: 'Desk.SessionEventNotify' }), body: '{"SessionId":"s"}' }, 400, 'not Desk.SessionEventNotify'],
	])('gets its status and a FAIL answer at once for %s, and runs nothing', async (_name, setup, status, reason) => {
		const result = await deliver({ workflowId: `refused-${status}-${reason.length}`, ...setup });
		expect(result.status).toBe(status);
		const answer = JSON.parse(result.text);
		expect(answer).toMatchObject({ ActionStatus: 'FAIL', ErrorCode: status });
		expect(answer.ErrorInfo).toContain(reason);
		expect(result.webhook).toEqual({ noWebhookResponse: true });
		expect(result.text).not.toContain(TOKEN);
	});
});

describe('an accepted callback', () => {
	it('becomes one item, and the workflow’s valid answer reaches Desk', async () => {
		const answer = routeAnswer({ agentIds: ['svc1@tencent.com'] });
		const result = await deliver({ workflowId: 'wf-answer', afterRun: (res) => expressJson(res, 200, answer) });
		expect(result.status).toBe(200);
		expect(JSON.parse(result.text)).toEqual(answer);
		expect(items(result)).toEqual([
			expect.objectContaining({ ...BODY, decision: 'assignHuman', sessionId: 'aa-bb-cc-dd', eventTime: '2022-12-09T08:26:54.123Z' }),
		]);
		expect(deliveredAnswer(items(result)[0].decisionId)).toEqual({ answeredBy: 'workflow', afterMs: expect.any(Number) });
		expect(result.warnings).toEqual([]);
	});

	it('gets the fallback, and a warning is logged, when the workflow fails (n8n’s 500)', async () => {
		const result = await deliver({ workflowId: 'wf-error', afterRun: (res) => expressJson(res, 500, { message: 'Error in workflow' }) });
		expect(result.status).toBe(200);
		expect(JSON.parse(result.text)).toEqual(FALLBACK);
		expect(result.warnings).toEqual([expect.stringMatching(/^Decision: Desk got the fallback answer because .*HTTP 500/)]);
	});

	it('gets the fallback after the deadline in Options when the workflow never answers', async () => {
		const result = await deliver({ workflowId: 'wf-silent' });
		expect(JSON.parse(result.text)).toEqual(FALLBACK);
		expect(items(result)).toHaveLength(1);
		expect(result.warnings).toEqual([expect.stringMatching(/no answer within \d+ ms/)]);
	});

	it('reads the Fallback parameters only when Desk gets the fallback', async () => {
		const answered = await deliver({ workflowId: 'wf-lazy-answered', afterRun: (res) => expressJson(res, 200, routeAnswer({ agentIds: ['svc1@tencent.com'] })) });
		expect(answered.parametersRead.filter((name) => name.startsWith('fallback'))).toEqual([]);
		const silent = await deliver({ workflowId: 'wf-lazy-silent' });
		expect(JSON.parse(silent.text)).toEqual(FALLBACK);
		expect(silent.parametersRead).toEqual(expect.arrayContaining(['fallbackRouting', 'fallbackSkillGroup']));
	});

	it('gets the fallback at once with Answer “At Once”, still runs the workflow, and logs no warning', async () => {
		const result = await deliver({
			workflowId: 'wf-at-once',
			parameters: { answerMode: 'atOnce', options: { deadlineMs: 1900 } },
		});
		expect(JSON.parse(result.text)).toEqual(FALLBACK);
		expect(result.webhook?.noWebhookResponse).toBe(true);
		expect(items(result)).toHaveLength(1);
		expect(result.warnings).toEqual([]);
	});
});

describe('a repeated RequestID', () => {
	it('gets the answer the first delivery got, at once, and does not run the workflow again', async () => {
		const answer = routeAnswer({ agentGroupId: 9 });
		const setup: Setup = { workflowId: 'wf-repeat', afterRun: (res) => expressJson(res, 200, answer) };
		const first = await deliver(setup);
		expect(JSON.parse(first.text)).toEqual(answer);
		const repeat = await deliver({ ...setup, query: signedQuery() });
		expect(JSON.parse(repeat.text)).toEqual(answer);
		expect(repeat.webhook).toEqual({ noWebhookResponse: true });
		expect(repeat.warnings).toEqual([]);
	});

	it('arriving while the first is being decided, waits for its answer', async () => {
		const answer = routeAnswer({ agentIds: ['svc2@tencent.com'] });
		let answerFirst: () => void = () => undefined;
		const first = deliver({
			workflowId: 'wf-repeat-waits',
			parameters: { options: { deadlineMs: 1500 } },
			afterRun: (res) => {
				answerFirst = () => expressJson(res, 200, answer);
			},
		});
		await new Promise((resolve) => setTimeout(resolve, 50));
		const repeat = deliver({ workflowId: 'wf-repeat-waits', parameters: { options: { deadlineMs: 1500 } } });
		await new Promise((resolve) => setTimeout(resolve, 50));
		answerFirst();
		const [firstResult, repeatResult] = await Promise.all([first, repeat]);
		expect(JSON.parse(firstResult.text)).toEqual(answer);
		expect(JSON.parse(repeatResult.text)).toEqual(answer);
		expect(repeatResult.webhook).toEqual({ noWebhookResponse: true });
	});

	it('gets the fallback the first one got, when that one missed the deadline', async () => {
		const setup: Setup = { workflowId: 'wf-repeat-after-fallback' };
		const first = await deliver(setup);
		expect(JSON.parse(first.text)).toEqual(FALLBACK);
		const repeat = await deliver(setup);
		expect(JSON.parse(repeat.text)).toEqual(FALLBACK);
		expect(repeat.webhook).toEqual({ noWebhookResponse: true });
	});

	it('runs again in a test run (“Listen for test event”)', async () => {
		const setup: Setup = { workflowId: 'wf-manual', mode: 'manual', afterRun: (res) => expressJson(res, 200, FALLBACK) };
		await deliver(setup);
		expect(items(await deliver(setup))).toHaveLength(1);
	});
});

describe('Max Decisions in Progress', () => {
	it('answers the fallback at once and starts no execution above the limit, logging once per episode', async () => {
		const answer = routeAnswer({ agentGroupId: 11 });
		const held: Array<() => void> = [];
		const parameters = { options: { deadlineMs: 1500, maxInProgress: 2 } };
		const hold: Setup['afterRun'] = (res) => held.push(() => expressJson(res, 200, answer));
		const running = [1, 2].map((n) => deliver({ workflowId: 'wf-shed', parameters, query: signedQuery({ RequestID: `r${n}` }), afterRun: hold }));
		await new Promise((resolve) => setTimeout(resolve, 50));
		const shed = await Promise.all(
			[3, 4].map((n) => deliver({ workflowId: 'wf-shed', parameters, query: signedQuery({ RequestID: `r${n}` }), afterRun: hold })),
		);
		for (const result of shed) {
			expect(JSON.parse(result.text)).toEqual(FALLBACK);
			expect(result.webhook).toEqual({ noWebhookResponse: true });
		}
		const logged = shed.flatMap((result) => result.warnings);
		for (const release of held) release();
		expect(logged).toEqual([expect.stringMatching(/^Decision: 2 decisions are in progress, at Max Decisions in Progress/)]);
		for (const result of await Promise.all(running)) expect(JSON.parse(result.text)).toEqual(answer);
		const after = await deliver({ workflowId: 'wf-shed', parameters, query: signedQuery({ RequestID: 'r5' }), afterRun: (res) => expressJson(res, 200, answer) });
		expect(JSON.parse(after.text)).toEqual(answer);
		expect(items(after)).toHaveLength(1);
		expect(after.warnings).toEqual([expect.stringMatching(/^info: Decision: n8n caught up with its decisions/)]);
	});

	it('counts a decision answered by the fallback until n8n finishes its run', async () => {
		const parameters = { options: { deadlineMs: 100, maxInProgress: 1 } };
		let finishRun: () => void = () => undefined;
		const first = await deliver({
			workflowId: 'wf-shed-late',
			parameters,
			query: signedQuery({ RequestID: 'late-1' }),
			afterRun: (res) => {
				finishRun = () => expressJson(res, 200, routeAnswer({ agentGroupId: 12 }));
			},
		});
		// Desk got the fallback at the deadline, but the run still goes on: it still counts.
		expect(JSON.parse(first.text)).toEqual(FALLBACK);
		const whileRunning = await deliver({ workflowId: 'wf-shed-late', parameters, query: signedQuery({ RequestID: 'late-2' }) });
		expect(whileRunning.webhook).toEqual({ noWebhookResponse: true });
		finishRun();
		const afterRun = await deliver({ workflowId: 'wf-shed-late', parameters, query: signedQuery({ RequestID: 'late-3' }) });
		expect(items(afterRun)).toHaveLength(1);
	});
});

/**
 * A hand-made IWebhookFunctions for calling the Desk trigger's `webhook()` in jest, plus builders
 * for callback requests. Parameters the test leaves out take their defaults from the node's own
 * description, as n8n fills them in when it loads a workflow. The fake express response records
 * every call, so tests can check that a request was answered exactly one way.
 */
import { createHash, randomUUID } from 'crypto';

import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	IWebhookFunctions,
	IWebhookResponseData,
	WorkflowExecuteMode,
} from 'n8n-workflow';

import { TencentCloudDeskTrigger } from '../../nodes/TencentCloudDeskTrigger/TencentCloudDeskTrigger.node';
import { SESSION_EVENT_COMMAND } from '../../nodes/shared/events';

export const TRIGGER_TYPE = 'n8n-nodes-tencent-desk.tencentCloudDeskTrigger';
export const TEST_SDK_APP_ID = 1400000042;
export const TEST_TOKEN = 'unit-test-callback-token-7f3a';
/** The exact bytes Tencent's spec shows as the answer to a callback. */
export const ACK_TEXT = '{"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0}';

export const trigger = new TencentCloudDeskTrigger();

export function testCredentials(overrides: Partial<ICredentialDataDecryptedObject> = {}): ICredentialDataDecryptedObject {
	return {
		sdkAppId: TEST_SDK_APP_ID,
		identifier: 'administrator',
		secretKey: 'unit-test-secret-key-do-not-leak',
		region: 'adminapisgp.im.qcloud.com',
		baseUrl: '',
		callbackToken: TEST_TOKEN,
		...overrides,
	};
}

/** Defaults of the node's top-level parameters, read from its description. */
export function parameterDefaults(): IDataObject {
	const defaults: IDataObject = {};
	for (const property of trigger.description.properties) {
		if (property.type !== 'notice') defaults[property.name] = property.default as IDataObject[string];
	}
	return defaults;
}

export interface ResponseCall {
	method: 'status' | 'json' | 'send' | 'end' | 'setHeader' | 'header' | 'type' | 'sendStatus';
	args: unknown[];
}

/** Records what the node does with express's `res`. */
export class FakeResponse {
	readonly calls: ResponseCall[] = [];
	statusCode = 200;
	body: unknown = undefined;

	status(code: number): this {
		this.calls.push({ method: 'status', args: [code] });
		this.statusCode = code;
		return this;
	}

	json(body: unknown): this {
		this.calls.push({ method: 'json', args: [body] });
		this.body = body;
		return this;
	}

	send(body?: unknown): this {
		this.calls.push({ method: 'send', args: [body] });
		this.body = body;
		return this;
	}

	end(body?: unknown): this {
		this.calls.push({ method: 'end', args: [body] });
		return this;
	}

	sendStatus(code: number): this {
		this.calls.push({ method: 'sendStatus', args: [code] });
		this.statusCode = code;
		return this;
	}

	setHeader(name: string, value: unknown): this {
		this.calls.push({ method: 'setHeader', args: [name, value] });
		return this;
	}

	header(name: string, value: unknown): this {
		this.calls.push({ method: 'header', args: [name, value] });
		return this;
	}

	type(value: string): this {
		this.calls.push({ method: 'type', args: [value] });
		return this;
	}

	/** The node answered through `res` (a rejection). */
	get answered(): boolean {
		return this.calls.length > 0;
	}
}

export interface WebhookRequest {
	/** What n8n keeps as `req.rawBody`; leave out to exercise the parsed-body fallback. */
	rawBody?: Buffer | string;
	/** `req.body` as n8n parsed it (`getBodyData()`). */
	bodyData?: IDataObject;
	query?: Record<string, unknown>;
	/**
	 * The body n8n left unread (as n8n 2.x does for a trigger above version 1 and a request with no
	 * Content-Type): offered only through `req.readRawBody()`, which sets `req.rawBody`, as n8n's does.
	 */
	unreadBody?: string;
}

export interface WebhookSetup {
	credentials?: ICredentialDataDecryptedObject;
	/** Node parameters; missing ones take the description's defaults. */
	parameters?: IDataObject;
	mode?: WorkflowExecuteMode;
	workflowId?: string;
	nodeId?: string;
	/** The credential's id on the node, as n8n stores it; without one the trigger reads it afresh. */
	credentialId?: string;
	/** Counts getCredentials() calls. */
	onGetCredentials?: () => void;
}

export interface WebhookCall {
	result: IWebhookResponseData;
	response: FakeResponse;
	/** Names passed to getNodeParameter, in order. */
	parameterReads: string[];
}

export function createWebhookContext(
	request: WebhookRequest,
	setup: WebhookSetup = {},
): { context: IWebhookFunctions; response: FakeResponse; parameterReads: string[] } {
	const response = new FakeResponse();
	const parameterReads: string[] = [];
	const parameters: IDataObject = { ...parameterDefaults(), ...setup.parameters };
	const node: INode = {
		id: setup.nodeId ?? 'trigger-node',
		name: 'Tencent Cloud Desk Trigger',
		type: TRIGGER_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: parameters as INode['parameters'],
		...(setup.credentialId ? { credentials: { tencentCloudDeskApi: { id: setup.credentialId, name: 'Desk' } } } : {}),
	};
	const req: IDataObject = { body: request.bodyData ?? {}, query: request.query ?? {} };
	if (request.rawBody !== undefined) req.rawBody = request.rawBody as unknown as IDataObject;
	if (request.unreadBody !== undefined) {
		const unread = request.unreadBody;
		(req as { readRawBody?: () => Promise<void> }).readRawBody = async () => {
			req.rawBody ??= Buffer.from(unread) as unknown as IDataObject;
		};
	}
	const context = {
		getRequestObject: () => req,
		getResponseObject: () => response,
		getQueryData: () => request.query ?? {},
		getBodyData: () => request.bodyData ?? {},
		getHeaderData: () => ({ 'content-type': 'application/json' }),
		getCredentials: async (type: string) => {
			if (type !== 'tencentCloudDeskApi') throw new Error(`Unexpected credential type ${type}`);
			setup.onGetCredentials?.();
			return { ...(setup.credentials ?? testCredentials()) };
		},
		getNodeParameter(name: string, fallback?: unknown) {
			parameterReads.push(name);
			const value = parameters[name];
			if (value === undefined) {
				if (arguments.length >= 2) return fallback;
				throw new Error(`Could not get parameter "${name}"`);
			}
			return value;
		},
		getMode: () => setup.mode ?? 'webhook',
		getNode: () => node,
		getWorkflow: () => ({ id: setup.workflowId ?? 'workflow-under-test', name: 'Desk test', active: true }),
		getWebhookName: () => 'default',
		getNodeWebhookUrl: () => 'http://localhost:5678/webhook/desk',
	};
	return { context: context as unknown as IWebhookFunctions, response, parameterReads };
}

export async function callWebhook(request: WebhookRequest, setup: WebhookSetup = {}): Promise<WebhookCall> {
	const { context, response, parameterReads } = createWebhookContext(request, setup);
	const result = await trigger.webhook.call(context);
	return { result, response, parameterReads };
}

export function sha256Hex(text: string): string {
	return createHash('sha256').update(text, 'utf8').digest('hex');
}

export interface QueryInput {
	sdkAppId?: number | string;
	/** '' = no RequestTime/Sign. */
	token?: string;
	/** Unix seconds; default now. */
	requestTime?: number | string;
	requestId?: string;
	command?: string;
}

/** The query Desk sends with a callback, signed as the spec says. */
export function callbackQuery(input: QueryInput = {}): Record<string, string> {
	const query: Record<string, string> = {
		SdkAppid: String(input.sdkAppId ?? TEST_SDK_APP_ID),
		CallbackCommand: input.command ?? SESSION_EVENT_COMMAND,
		contenttype: 'json',
		ClientIP: '203.0.113.7',
		OptPlatform: 'RESTAPI',
		RequestID: input.requestId ?? randomUUID(),
	};
	const token = input.token ?? TEST_TOKEN;
	if (token) {
		const requestTime = String(input.requestTime ?? Math.floor(Date.now() / 1000));
		query.RequestTime = requestTime;
		query.Sign = sha256Hex(`${token}${requestTime}`);
	}
	return query;
}

/** The spec's sample request packet, with the event of your choice. */
export function sampleBody(event = 'ChatBot.UserSendMsg', extra: IDataObject = {}): IDataObject {
	return {
		CallbackCommand: SESSION_EVENT_COMMAND,
		SessionId: '2baf4d84-beb4-4607-a1ea-6ebcaef3e0e6',
		Event: event,
		EventTime: 1725540020017,
		ChannelType: 'SDK',
		ClientUserId: 'your_user_id',
		CustomerServiceId: '@customer_service_account',
		AgentId: 'test@qq.com',
		MsgKey: '152_1600012345_abcdefg',
		MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: 'How to request a refund?' } }],
		CloudCustomData: 'your cloud custom data',
		IsContactUser: false,
		SatisfactionSelected: 5,
		...extra,
	};
}

/** A valid, signed callback for `event`. */
export function validRequest(event = 'ChatBot.UserSendMsg', query: QueryInput = {}): WebhookRequest {
	const body = sampleBody(event);
	return { rawBody: Buffer.from(JSON.stringify(body)), bodyData: body, query: callbackQuery(query) };
}

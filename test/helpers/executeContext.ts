/**
 * A real-enough IExecuteFunctions for running the action node's execute() in jest: parameters
 * per item, and `helpers.httpRequest` as n8n-core 2.41 builds it, n8n's own outbound HTTP
 * client (`@n8n/backend-network`) hitting a real server and throwing its raw errors. There is
 * deliberately no httpRequestWithAuthentication: the node signs its own requests.
 */
import { OutboundHttp } from '@n8n/backend-network';
import { Container } from '@n8n/di';
import type {
	ICredentialDataDecryptedObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	INode,
	INodeExecutionData,
} from 'n8n-workflow';

export type Parameters = Record<string, unknown>;

export interface ExecuteContextOptions {
	/** Node parameters, the same for every item, or per item. */
	parameters: Parameters | ((itemIndex: number) => Parameters);
	items?: INodeExecutionData[];
	credentials: ICredentialDataDecryptedObject;
	continueOnFail?: boolean;
	/** The workflow's time zone (IANA); default UTC. */
	timezone?: string;
	/** Caps the node's request timeout, so a test can make an answer too late without waiting 30 s. */
	requestTimeoutMs?: number;
	/** Runs before each request is sent, e.g. to hold one back so requests would overtake each other. */
	beforeRequest?: (request: IHttpRequestOptions) => Promise<void>;
}

export interface RecordedRequest {
	url: string;
	qs: Record<string, unknown>;
	body: unknown;
}

export function createExecuteContext(options: ExecuteContextOptions): IExecuteFunctions & {
	requests: RecordedRequest[];
} {
	const node: INode = {
		id: 'test-node',
		name: 'Tencent Cloud Desk',
		type: 'n8n-nodes-tencent-desk.tencentCloudDesk',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const items = options.items ?? [{ json: {} }];
	const requests: RecordedRequest[] = [];
	const parametersFor = (itemIndex: number): Parameters =>
		typeof options.parameters === 'function' ? options.parameters(itemIndex) : options.parameters;

	const context = {
		requests,
		getNode: () => node,
		getInputData: () => items,
		continueOnFail: () => options.continueOnFail ?? false,
		// n8n's default when GENERIC_TIMEZONE is unset is America/New_York; tests pin UTC unless they choose.
		getTimezone: () => options.timezone ?? 'UTC',
		getCredentials: async () => ({ ...options.credentials }),
		getNodeParameter(name: string, itemIndex: number, fallback?: unknown) {
			const value = parametersFor(itemIndex)[name];
			if (value === undefined) {
				if (arguments.length >= 3) return fallback;
				throw new Error(`Test forgot parameter "${name}"`);
			}
			return value;
		},
		helpers: {
			async httpRequest(request: IHttpRequestOptions) {
				requests.push({ url: request.url, qs: { ...request.qs }, body: request.body });
				await options.beforeRequest?.(request);
				const cap = options.requestTimeoutMs;
				const capped = cap === undefined ? request : { ...request, timeout: Math.min(request.timeout ?? cap, cap) };
				return await Container.get(OutboundHttp).requests().request(capped);
			},
		},
	};
	return context as unknown as IExecuteFunctions & { requests: RecordedRequest[] };
}

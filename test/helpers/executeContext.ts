/**
 * A real-enough IExecuteFunctions for running the action node's execute() in jest: parameters
 * per item, the credential's own `authenticate`, and n8n's own outbound HTTP client
 * (`@n8n/backend-network`, what httpRequestWithAuthentication uses inside n8n) hitting a real
 * server. Errors are wrapped as n8n-core does, so the node sees what it would see in n8n.
 */
import { OutboundHttp } from '@n8n/backend-network';
import { Container } from '@n8n/di';
import type {
	ICredentialDataDecryptedObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	INode,
	INodeExecutionData,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { TencentCloudDeskApi } from '../../credentials/TencentCloudDeskApi.credentials';

export type Parameters = Record<string, unknown>;

export interface ExecuteContextOptions {
	/** Node parameters, the same for every item, or per item. */
	parameters: Parameters | ((itemIndex: number) => Parameters);
	items?: INodeExecutionData[];
	credentials: ICredentialDataDecryptedObject;
	continueOnFail?: boolean;
}

export interface RecordedRequest {
	url: string;
	qs: Record<string, unknown>;
	body: unknown;
}

export function createExecuteContext(options: ExecuteContextOptions): IExecuteFunctions & {
	requests: RecordedRequest[];
} {
	const credentialType = new TencentCloudDeskApi();
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
			async httpRequestWithAuthentication(_type: string, request: IHttpRequestOptions) {
				try {
					const signed = await credentialType.authenticate({ ...options.credentials }, request);
					requests.push({ url: signed.url, qs: { ...signed.qs }, body: signed.body });
					return await Container.get(OutboundHttp).requests().request(signed);
				} catch (error) {
					throw new NodeApiError(node, error as JsonObject);
				}
			},
		},
	};
	return context as unknown as IExecuteFunctions & { requests: RecordedRequest[] };
}

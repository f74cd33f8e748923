/**
 * A real-enough IPollFunctions for running the Session Record Trigger's poll() in jest: parameters,
 * the mode (manual = "Fetch Test Event"), the node's static data kept across polls as n8n keeps it in
 * memory, and `helpers.httpRequest` as n8n-core 2.41 builds it (n8n's own outbound HTTP client).
 */
import { OutboundHttp } from '@n8n/backend-network';
import { Container } from '@n8n/di';
import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestOptions, INode, IPollFunctions } from 'n8n-workflow';

import type { RecordedRequest } from './executeContext';

export interface PollContextOptions {
	parameters: Record<string, unknown>;
	credentials: ICredentialDataDecryptedObject;
	mode?: 'trigger' | 'manual';
	/** The node's static data; pass the same object to later polls to carry the cursor over. */
	staticData?: IDataObject;
	/** Make request number `index` (0-based) fail as a dropped connection would: n8n stopping mid-poll. */
	failRequest?: (index: number) => boolean;
}

export function createPollContext(options: PollContextOptions): IPollFunctions & { requests: RecordedRequest[]; staticData: IDataObject } {
	const node: INode = {
		id: 'test-poll-node',
		name: 'Tencent Cloud Desk Session Record Trigger',
		type: 'n8n-nodes-tencent-desk.tencentCloudDeskSessionRecordTrigger',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const requests: RecordedRequest[] = [];
	const staticData = options.staticData ?? {};
	const context = {
		requests,
		staticData,
		getNode: () => node,
		getMode: () => options.mode ?? 'trigger',
		getWorkflowStaticData: (type: string) => {
			if (type !== 'node') throw new Error(`the trigger should keep its state per node, asked for "${type}"`);
			return staticData;
		},
		getCredentials: async () => ({ ...options.credentials }),
		getNodeParameter(name: string, fallback?: unknown) {
			const value = options.parameters[name];
			if (value === undefined) {
				if (arguments.length >= 2) return fallback;
				throw new Error(`Test forgot parameter "${name}"`);
			}
			return value;
		},
		helpers: {
			async httpRequest(request: IHttpRequestOptions) {
				if (options.failRequest?.(requests.length)) throw Object.assign(new Error('socket hang up'), { code: 'ECONNREFUSED' });
				requests.push({ url: request.url, qs: { ...request.qs }, body: request.body });
				return await Container.get(OutboundHttp).requests().request(request);
			},
		},
	};
	return context as unknown as IPollFunctions & { requests: RecordedRequest[]; staticData: IDataObject };
}

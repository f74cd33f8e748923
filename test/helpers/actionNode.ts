/** Runs the action node's execute() against a simulator, as n8n would, for the integration tests. */
import type { ICredentialDataDecryptedObject, INodeExecutionData } from 'n8n-workflow';

import { TencentCloudDesk } from '../../nodes/TencentCloudDesk/TencentCloudDesk.node';
import type { DeskSimulator } from '../../dev/simulator';
import { simulatorCredentials } from '../../dev/simulator/n8nCredential';
import type { ExecuteContextOptions, Parameters } from './executeContext';
import { createExecuteContext, type RecordedRequest } from './executeContext';

export interface RunExtras {
	items?: INodeExecutionData[];
	credentials?: Partial<ICredentialDataDecryptedObject>;
	continueOnFail?: boolean;
	/** The workflow's time zone; default UTC. */
	timezone?: string;
	requestTimeoutMs?: ExecuteContextOptions['requestTimeoutMs'];
	beforeRequest?: ExecuteContextOptions['beforeRequest'];
}

export type NodeError = Error & { description?: string; context?: { itemIndex?: number } };

type Context = ReturnType<typeof createExecuteContext>;

export interface ActionNodeRunner {
	node: TencentCloudDesk;
	run(
		parameters: Parameters | ((itemIndex: number) => Parameters),
		extra?: RunExtras,
	): Promise<{ output: INodeExecutionData[]; context: Context }>;
	runExpectingError(
		parameters: Parameters,
		credentials?: Partial<ICredentialDataDecryptedObject>,
	): Promise<{ error: NodeError; signatures: string[]; context: { requests: RecordedRequest[] } }>;
}

export function actionNodeRunner(simulator: () => DeskSimulator): ActionNodeRunner {
	const node = new TencentCloudDesk();

	async function run(parameters: Parameters | ((itemIndex: number) => Parameters), extra: RunExtras = {}) {
		const context = createExecuteContext({
			parameters,
			items: extra.items,
			credentials: simulatorCredentials(simulator(), extra.credentials),
			continueOnFail: extra.continueOnFail,
			timezone: extra.timezone,
			requestTimeoutMs: extra.requestTimeoutMs,
			beforeRequest: extra.beforeRequest,
		});
		const output = await node.execute.call(context);
		return { output: output[0], context };
	}

	async function runExpectingError(parameters: Parameters, credentials?: Partial<ICredentialDataDecryptedObject>) {
		const context = createExecuteContext({ parameters, credentials: simulatorCredentials(simulator(), credentials) });
		const error = await node.execute.call(context).then(
			() => undefined,
			(thrown: unknown) => thrown as NodeError,
		);
		if (!error) throw new Error('expected the node to fail');
		const signatures = context.requests.map((request) => String(request.qs.usersig));
		return { error, signatures, context };
	}

	return { node, run, runExpectingError };
}

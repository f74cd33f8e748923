/**
 * A stand-in for n8n's webhook endpoint around the Desk trigger: a plain HTTP server on
 * 127.0.0.1 that, per request, keeps the raw body and the query, calls the node's `webhook()`
 * with a hand-made IWebhookFunctions, and answers the way n8n does with responseMode
 * 'onReceived': `webhookResponse` → HTTP 200 with it as JSON; `noWebhookResponse` → whatever
 * the node wrote to `res`. Items are recorded per output, and the outputs themselves come from
 * n8n-workflow's own evaluation of the node's `outputs` expression.
 */
import http from 'http';
import type { AddressInfo } from 'net';

import type { IDataObject, INodeExecutionData, IWebhookResponseData } from 'n8n-workflow';

import { createWebhookContext, trigger, type WebhookSetup } from './webhookContext';
import { evaluateNodeOutputs, outputNames, type EvaluatedOutputs } from './webhookOutputs';

export interface WebhookServerOptions extends WebhookSetup {
	/** After webhook() ran: replace the HTTP answer, e.g. lose an ack so that the sender retries. */
	overrideAnswer?: (index: number) => { status: number; body: string } | undefined;
}

export interface HandledRequest {
	index: number;
	query: Record<string, string | string[]>;
	rawBody: Buffer;
	result?: IWebhookResponseData;
	/** What webhook() threw, if it did (n8n would answer 500). */
	error?: string;
	status: number;
	responseText: string;
}

export interface WebhookServer {
	readonly url: string;
	readonly handled: HandledRequest[];
	/** The node's outputs as n8n computes them from the parameters. */
	readonly outputs: EvaluatedOutputs['outputs'];
	readonly outputNames: Array<string | undefined>;
	/** Every item the workflow would have received, per output index. */
	readonly items: INodeExecutionData[][];
	itemsOn(displayName: string): INodeExecutionData[];
	itemCount(): number;
	close(): Promise<void>;
}

/** Repeated query keys become arrays, as express's query parser makes them. */
function parseQuery(url: URL): Record<string, string | string[]> {
	const query: Record<string, string | string[]> = {};
	for (const [name, value] of url.searchParams) {
		const previous = query[name];
		query[name] = previous === undefined ? value : Array.isArray(previous) ? [...previous, value] : [previous, value];
	}
	return query;
}

function parsedBody(raw: Buffer): IDataObject {
	try {
		const parsed: unknown = JSON.parse(raw.toString('utf8'));
		return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as IDataObject) : {};
	} catch {
		return {};
	}
}

export async function startWebhookServer(options: WebhookServerOptions = {}): Promise<WebhookServer> {
	const evaluated = evaluateNodeOutputs(options.parameters ?? {});
	if (evaluated.warnings.length > 0) throw new Error(`n8n could not compute the outputs: ${evaluated.warnings.join('; ')}`);
	const names = outputNames(evaluated.outputs);
	const items: INodeExecutionData[][] = evaluated.outputs.map(() => []);
	const handled: HandledRequest[] = [];

	const handle = async (req: http.IncomingMessage, res: http.ServerResponse, rawBody: Buffer): Promise<void> => {
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		const query = parseQuery(url);
		const entry: HandledRequest = { index: handled.length, query, rawBody, status: 0, responseText: '' };
		handled.push(entry);
		const { context, response } = createWebhookContext({ rawBody, bodyData: parsedBody(rawBody), query }, options);
		let status = 200;
		let text = '';
		try {
			const result = await trigger.webhook.call(context);
			entry.result = result;
			if (result.noWebhookResponse) {
				if (!response.answered) throw new Error('noWebhookResponse, but the node wrote nothing to res');
				status = response.statusCode;
				text = JSON.stringify(response.body);
			} else if (result.webhookResponse !== undefined) {
				text = JSON.stringify(result.webhookResponse);
			}
			result.workflowData?.forEach((outputItems, index) => {
				if (!items[index]) throw new Error(`item on output ${index}, but n8n shows ${items.length} outputs`);
				items[index].push(...outputItems);
			});
		} catch (error) {
			entry.error = (error as Error).message;
			status = 500;
			text = JSON.stringify({ message: 'Error in workflow' });
		}
		const override = options.overrideAnswer?.(entry.index);
		if (override) ({ status, body: text } = override);
		entry.status = status;
		entry.responseText = text;
		res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' }).end(text);
	};

	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			void handle(req, res, Buffer.concat(chunks));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;

	return {
		url: `http://127.0.0.1:${port}/webhook/tencent-desk`,
		handled,
		outputs: evaluated.outputs,
		outputNames: names,
		items,
		itemsOn(displayName: string) {
			const index = names.indexOf(displayName);
			if (index === -1) throw new Error(`No output named ${displayName} (outputs: ${names.join(', ')})`);
			return items[index];
		},
		itemCount: () => items.reduce((sum, outputItems) => sum + outputItems.length, 0),
		close: () =>
			new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
}

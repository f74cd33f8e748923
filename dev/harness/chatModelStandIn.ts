/**
 * A stand-in for an OpenAI-compatible chat model, so n8n's AI Agent can be run for real without a model:
 * n8n's OpenAI Chat Model node talks to it over HTTP exactly as to OpenAI (`POST /v1/chat/completions`, and
 * `GET /v1/models` for the model picker and the credential test). It records every request, so a test can read
 * the tools n8n offered (names, descriptions, JSON schemas) and the tool results it sent back, and it answers
 * with whatever `script` decides from the conversation so far: a tool call, or a final text.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'http';
import type { AddressInfo } from 'net';

export const STAND_IN_MODEL = 'stand-in-model';

export interface ChatToolCall {
	id: string;
	type: 'function';
	function: { name: string; arguments: string };
}

export interface ChatMessage {
	role: 'system' | 'user' | 'assistant' | 'tool' | 'developer';
	content: string | null | Array<{ type: string; text?: string }>;
	tool_calls?: ChatToolCall[];
	tool_call_id?: string;
	name?: string;
}

export interface ChatTool {
	type: 'function';
	function: { name: string; description?: string; parameters?: Record<string, unknown> };
}

export interface ChatCompletionRequest {
	model: string;
	messages: ChatMessage[];
	tools?: ChatTool[];
	stream?: boolean;
	[key: string]: unknown;
}

/** What the model answers: call tools (in one assistant turn), or say something and finish. */
export type ChatModelReply = { toolCalls: Array<{ name: string; arguments: Record<string, unknown> }> } | { content: string };

export type ChatModelScript = (request: ChatCompletionRequest, turn: number) => ChatModelReply;

export interface ChatModelStandIn {
	/** The base URL to put in n8n's OpenAI credential (`…/v1`). */
	url: string;
	/** Every chat completion request, in order. */
	requests: ChatCompletionRequest[];
	/** Decides each answer; replace it per test. Default: answers "OK" without calling tools. */
	script: ChatModelScript;
	close(): Promise<void>;
}

/** The text of a message, whether sent as a string or as content parts. */
export function messageText(message: ChatMessage): string {
	if (typeof message.content === 'string') return message.content;
	return (message.content ?? []).map((part) => part.text ?? '').join('');
}

/** The tool results in the request (role `tool`), by the name of the tool call each answers. */
export function toolResults(request: ChatCompletionRequest): Array<{ name: string; content: string }> {
	const names = new Map<string, string>();
	for (const message of request.messages) {
		for (const call of message.tool_calls ?? []) names.set(call.id, call.function.name);
	}
	return request.messages
		.filter((message) => message.role === 'tool')
		.map((message) => ({ name: names.get(message.tool_call_id ?? '') ?? '', content: messageText(message) }));
}

export async function startChatModelStandIn(script?: ChatModelScript): Promise<ChatModelStandIn> {
	const standIn: ChatModelStandIn = {
		url: '',
		requests: [],
		script: script ?? (() => ({ content: 'OK' })),
		close: async () => undefined,
	};
	let calls = 0;

	const server = createServer((request, response) => {
		void handle(request, response).catch((error: unknown) => {
			// A script that throws is a test bug: answer like OpenAI does on a server error, so n8n reports it.
			if (!response.headersSent) {
				sendJson(response, 500, { error: { message: String((error as Error).message ?? error), type: 'server_error' } });
			}
		});
	});

	async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
		const path = (request.url ?? '/').split('?')[0].replace(/\/+$/, '');
		if (request.method === 'GET' && path === '/v1/models') {
			sendJson(response, 200, { object: 'list', data: [{ id: STAND_IN_MODEL, object: 'model', created: 0, owned_by: 'stand-in' }] });
			return;
		}
		if (request.method !== 'POST' || path !== '/v1/chat/completions') {
			sendJson(response, 404, { error: { message: `${request.method} ${path} is not served by the stand-in`, type: 'invalid_request_error' } });
			return;
		}
		const body = JSON.parse(await readBody(request)) as ChatCompletionRequest;
		standIn.requests.push(body);
		const reply = standIn.script(body, calls);
		const id = `chatcmpl-standin-${++calls}`;
		const message =
			'toolCalls' in reply
				? {
						role: 'assistant' as const,
						content: null,
						tool_calls: reply.toolCalls.map((call, index) => ({
							id: `call_${calls}_${index}`,
							type: 'function' as const,
							function: { name: call.name, arguments: JSON.stringify(call.arguments) },
						})),
					}
				: { role: 'assistant' as const, content: reply.content };
		const finishReason = 'toolCalls' in reply ? 'tool_calls' : 'stop';
		const usage = { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 };
		if (body.stream) {
			sendStream(response, id, body.model, message, finishReason, usage);
			return;
		}
		sendJson(response, 200, {
			id,
			object: 'chat.completion',
			created: Math.floor(Date.now() / 1000),
			model: body.model,
			choices: [{ index: 0, message, finish_reason: finishReason, logprobs: null }],
			usage,
		});
	}

	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	standIn.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
	standIn.close = () =>
		new Promise<void>((resolve) => {
			server.closeAllConnections();
			server.close(() => resolve());
		});
	return standIn;
}

function readBody(request: IncomingMessage): Promise<string> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		request.on('error', reject);
	});
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
	response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

/** The same answer as server-sent events, for a client that asked for `stream: true`: one delta, then the finish. */
function sendStream(
	response: ServerResponse,
	id: string,
	model: string,
	message: { role: 'assistant'; content: string | null; tool_calls?: ChatToolCall[] },
	finishReason: string,
	usage: Record<string, number>,
): void {
	const created = Math.floor(Date.now() / 1000);
	const chunk = (choices: unknown[], extra: Record<string, unknown> = {}) =>
		`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, choices, ...extra })}\n\n`;
	const delta = {
		role: 'assistant',
		content: message.content ?? '',
		...(message.tool_calls ? { tool_calls: message.tool_calls.map((call, index) => ({ index, ...call })) } : {}),
	};
	response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
	response.write(chunk([{ index: 0, delta, finish_reason: null }]));
	response.write(chunk([{ index: 0, delta: {}, finish_reason: finishReason }]));
	response.write(chunk([], { usage }));
	response.end('data: [DONE]\n\n');
}

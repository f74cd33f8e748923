/**
 * A real Node HTTP server on 127.0.0.1 (port 0) whose every request is answered through
 * guardAnswer, plus a real client: the test writes to the guarded response the way n8n (Express)
 * does, and gets back what the client received and every outcome the guard reported.
 */
import http from 'http';
import type { AddressInfo } from 'net';

import type { DecisionAnswer } from '../../nodes/shared/decisionAnswers';
import type { DecisionKind } from '../../nodes/shared/decisionCallbacks';
import {
	guardAnswer,
	type AnswerGuard,
	type GuardableResponse,
	type GuardOutcome,
} from '../../nodes/TencentCloudDeskDecisionTrigger/answerGuard';

export interface Reply {
	status: number;
	headers: http.IncomingHttpHeaders;
	text: string;
	elapsedMs: number;
}

export interface Exchange {
	reply: Reply;
	outcomes: GuardOutcome[];
	/** Each onReleased call: whether n8n's reply came after Desk had its answer. */
	released: boolean[];
	guard: AnswerGuard;
	/** Anything the handler threw or recorded: a throw in a request handler would not fail a test. */
	errors: unknown[];
}

export type GuardedHandler = (res: http.ServerResponse, guard: AnswerGuard, errors: unknown[]) => void;

export interface ExchangeOptions {
	kind: DecisionKind;
	deadlineMs: number;
	fallback: DecisionAnswer;
	/** How long to wait after the reply arrived, for late writes and timers (default 20 ms). */
	waitAfterMs?: number;
}

export interface GuardedServer {
	exchange(handler: GuardedHandler, options: ExchangeOptions): Promise<Exchange>;
	close(): Promise<void>;
}

export async function startGuardedServer(): Promise<GuardedServer> {
	let onRequest: ((req: http.IncomingMessage, res: http.ServerResponse) => void) | undefined;
	const server = http.createServer((req, res) => onRequest?.(req, res));
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;

	async function exchange(handler: GuardedHandler, options: ExchangeOptions): Promise<Exchange> {
		const outcomes: GuardOutcome[] = [];
		const released: boolean[] = [];
		const errors: unknown[] = [];
		let guard: AnswerGuard | undefined;
		// As in n8n, the guard goes on once the callback's body has been read.
		onRequest = (req, res) => {
			req.resume();
			req.on('end', () => {
				guard = guardAnswer(res as unknown as GuardableResponse, {
					kind: options.kind,
					deadlineMs: options.deadlineMs,
					fallback: () => options.fallback,
					onOutcome: (outcome) => outcomes.push(outcome),
					onReleased: (late) => released.push(late),
				});
				try {
					handler(res, guard, errors);
				} catch (error) {
					errors.push(error);
				}
			});
		};
		const started = Date.now();
		const reply = await new Promise<Reply>((resolve, reject) => {
			const request = http.request(
				{ host: '127.0.0.1', port, method: 'POST', path: '/webhook?SdkAppid=1', agent: false, headers: { 'content-type': 'application/json' } },
				(response) => {
					const chunks: Buffer[] = [];
					response.on('data', (chunk: Buffer) => chunks.push(chunk));
					response.on('end', () =>
						resolve({
							status: response.statusCode ?? 0,
							headers: response.headers,
							text: Buffer.concat(chunks).toString('utf8'),
							elapsedMs: Date.now() - started,
						}),
					);
				},
			);
			request.on('error', reject);
			request.end('{"SessionId":"s-1"}');
		});
		await new Promise((resolve) => setTimeout(resolve, options.waitAfterMs ?? 20));
		if (!guard) throw new Error('the request handler never ran');
		return { reply, outcomes, released, guard, errors };
	}

	return {
		exchange,
		async close() {
			server.closeAllConnections();
			await new Promise((resolve) => server.close(resolve));
		},
	};
}

/** What Express's res.status(code).json(body) does, by hand. */
export function expressJson(res: http.ServerResponse, status: number, body: unknown): void {
	res.statusCode = status;
	res.setHeader('Content-Type', 'application/json; charset=utf-8');
	const text = JSON.stringify(body);
	res.setHeader('Content-Length', Buffer.byteLength(text));
	res.setHeader('ETag', 'W/"1-abc"');
	res.end(text, 'utf8');
}

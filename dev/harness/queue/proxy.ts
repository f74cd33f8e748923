/**
 * The load balancer in front of the webhook processors: a small HTTP reverse proxy on 127.0.0.1.
 * - `round-robin`: each request goes to the next backend in turn (what a default nginx/ALB does).
 * - `request-id`: requests with the same `RequestID` query value always go to the same backend
 *   (nginx: `hash $arg_RequestID consistent;`), so Desk's retries meet the same in-memory duplicate filter.
 * Every request is recorded (which backend, which RequestID, what status), so tests can compare what n8n
 * did with where each delivery went.
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type ProxyStrategy = 'round-robin' | 'request-id';

export interface ProxyDelivery {
	/** `RequestID` query value ('' when absent). */
	requestId: string;
	/** Index of the backend in `backends` at the time of the request. */
	backend: number;
	/** Backend's HTTP status, or null when the backend could not be reached (the proxy answered 502). */
	status: number | null;
	/** Sends to the backend (more than 1 when a reused keep-alive socket was reset before anything reached n8n). */
	attempts: number;
}

export interface WebhookProxy {
	url: string;
	port: number;
	backends: string[];
	strategy: ProxyStrategy;
	deliveries: ProxyDelivery[];
	/** Requests per backend index. */
	countsByBackend(): number[];
	addBackend(baseUrl: string): void;
	setStrategy(strategy: ProxyStrategy): void;
	resetDeliveries(): void;
	close(): Promise<void>;
}

export async function startWebhookProxy(backends: string[] = [], strategy: ProxyStrategy = 'round-robin'): Promise<WebhookProxy> {
	const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
	const state = { backends: [...backends], strategy, next: 0 };
	const deliveries: ProxyDelivery[] = [];

	const pick = (requestId: string): number => {
		if (state.backends.length === 0) return -1;
		if (state.strategy === 'request-id' && requestId) {
			return createHash('sha1').update(requestId).digest().readUInt32BE(0) % state.backends.length;
		}
		const index = state.next % state.backends.length;
		state.next = (state.next + 1) % state.backends.length;
		return index;
	};

	const server = http.createServer((request, response) => {
		const url = new URL(request.url ?? '/', 'http://proxy');
		const requestId = url.searchParams.get('RequestID') ?? '';
		const backend = pick(requestId);
		const delivery: ProxyDelivery = { requestId, backend, status: null, attempts: 0 };
		deliveries.push(delivery);
		if (backend === -1) {
			response.writeHead(503, { 'content-type': 'text/plain' }).end('no backend');
			return;
		}
		const target = new URL(request.url ?? '/', state.backends[backend]);
		const headers = { ...request.headers, host: target.host, 'x-forwarded-for': request.socket.remoteAddress ?? '127.0.0.1' };
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			const body = Buffer.concat(chunks);
			// A kept-alive upstream socket the backend closed just as we reused it fails with ECONNRESET before any
			// answer: nothing reached n8n, so sending again is safe (Node's documented pattern, `req.reusedSocket`).
			const forward = (attempt: number) => {
				delivery.attempts = attempt;
				const upstream = http.request(target, { method: request.method, headers, agent }, (answer) => {
					delivery.status = answer.statusCode ?? null;
					response.writeHead(answer.statusCode ?? 502, answer.headers);
					answer.pipe(response);
				});
				upstream.on('error', (error: NodeJS.ErrnoException) => {
					if (upstream.reusedSocket && error.code === 'ECONNRESET' && attempt < 3 && !response.headersSent) {
						forward(attempt + 1);
						return;
					}
					if (!response.headersSent) response.writeHead(502, { 'content-type': 'text/plain' });
					response.end(`proxy: ${error.message}`);
				});
				upstream.end(body);
			};
			forward(1);
		});
	});
	server.keepAliveTimeout = 60_000;
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const port = (server.address() as AddressInfo).port;
	return {
		url: `http://127.0.0.1:${port}`,
		port,
		get backends() {
			return [...state.backends];
		},
		get strategy() {
			return state.strategy;
		},
		deliveries,
		countsByBackend: () => {
			const counts = state.backends.map(() => 0);
			for (const delivery of deliveries) if (delivery.backend >= 0) counts[delivery.backend]++;
			return counts;
		},
		addBackend: (baseUrl) => {
			state.backends.push(baseUrl);
		},
		setStrategy: (next) => {
			state.strategy = next;
			state.next = 0;
		},
		resetDeliveries: () => {
			deliveries.length = 0;
			state.next = 0;
		},
		close: () =>
			new Promise<void>((resolve) => {
				agent.destroy();
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}

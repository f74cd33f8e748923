/**
 * A stand-in for the customer's own systems the examples look things up in: a CRM
 * (`GET /customers/:id` → `{ id, tier }`) and an order database (`GET /orders/:id` → `{ id, status, eta }`).
 * Unknown ids answer 404. Records every request; `delayMs` makes it slow on purpose. Any POST (e.g. an example
 * saving what it worked out about a session) is recorded with its JSON body and answered `{ "ok": true }`.
 */
import { createServer } from 'http';
import type { AddressInfo } from 'net';
import { setTimeout as delay } from 'timers/promises';

export interface ShopStandIn {
	url: string;
	customers: Map<string, { tier: string }>;
	orders: Map<string, { status: string; eta: string }>;
	requests: string[];
	/** Every POST: its path and parsed JSON body (the raw text when it is not JSON). */
	posts: Array<{ path: string; body: unknown }>;
	/** Added before every answer (default 0). */
	delayMs: number;
	close(): Promise<void>;
}

export async function startShopStandIn(): Promise<ShopStandIn> {
	const standIn: ShopStandIn = {
		url: '',
		customers: new Map(),
		orders: new Map(),
		requests: [],
		posts: [],
		delayMs: 0,
		close: async () => undefined,
	};
	const server = createServer((request, response) => {
		const path = request.url ?? '/';
		standIn.requests.push(path);
		if (request.method === 'POST') {
			const chunks: Buffer[] = [];
			request.on('data', (chunk: Buffer) => chunks.push(chunk));
			request.on('end', () => {
				const text = Buffer.concat(chunks).toString('utf8');
				let body: unknown = text;
				try {
					body = JSON.parse(text);
				} catch {
					// kept as text: the test then sees exactly what was sent
				}
				standIn.posts.push({ path, body });
				void delay(standIn.delayMs).then(() => response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'));
			});
			return;
		}
		const [, collection, rawId] = /^\/(customers|orders)\/([^/?]+)/.exec(path) ?? [];
		const id = rawId === undefined ? '' : decodeURIComponent(rawId);
		const found = collection === 'customers' ? standIn.customers.get(id) : collection === 'orders' ? standIn.orders.get(id) : undefined;
		void delay(standIn.delayMs).then(() => {
			const [status, body] = found ? [200, JSON.stringify({ id, ...found })] : [404, '{"error":"not found"}'];
			response.writeHead(status, { 'content-type': 'application/json' }).end(body);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	standIn.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	standIn.close = () =>
		new Promise<void>((resolve) => {
			server.closeAllConnections();
			server.close(() => resolve());
		});
	return standIn;
}

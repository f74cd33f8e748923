/**
 * A stand-in for the customer's own systems the examples look things up in: a CRM
 * (`GET /customers/:id` → `{ id, tier }`) and an order database (`GET /orders/:id` → `{ id, status, eta }`).
 * Unknown ids answer 404. Records every request; `delayMs` makes it slow on purpose.
 */
import { createServer } from 'http';
import type { AddressInfo } from 'net';
import { setTimeout as delay } from 'timers/promises';

export interface ShopStandIn {
	url: string;
	customers: Map<string, { tier: string }>;
	orders: Map<string, { status: string; eta: string }>;
	requests: string[];
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
		delayMs: 0,
		close: async () => undefined,
	};
	const server = createServer((request, response) => {
		const path = request.url ?? '/';
		standIn.requests.push(path);
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

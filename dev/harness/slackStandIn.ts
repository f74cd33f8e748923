/** A local stand-in for a Slack incoming webhook: records every message posted to it. */
import { createServer } from 'http';
import type { AddressInfo } from 'net';

export interface SlackStandIn {
	url: string;
	messages: Array<{ text: string; [key: string]: unknown }>;
	close(): Promise<void>;
}

export async function startSlackStandIn(onMessage?: (text: string) => void): Promise<SlackStandIn> {
	const messages: SlackStandIn['messages'] = [];
	const server = createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			try {
				const message = JSON.parse(Buffer.concat(chunks).toString('utf8'));
				messages.push(message);
				onMessage?.(String(message.text));
				response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
			} catch {
				response.writeHead(400, { 'content-type': 'text/plain' }).end('invalid_payload');
			}
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/services/T000/B000/XXXX`,
		messages,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}

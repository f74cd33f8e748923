/**
 * The listening socket. Tracks connections so close() ends keep-alive ones at once: a client's
 * idle pooled socket must not keep jest (or the CLI) alive.
 */
import http, { type IncomingMessage, type ServerResponse } from 'http';
import type { Socket } from 'net';

export interface RunningServer {
	port: number;
	/** Base URL, e.g. http://127.0.0.1:8990 (no trailing slash). */
	url: string;
	close(): Promise<void>;
}

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export async function listen(handler: RequestHandler, port: number, host: string): Promise<RunningServer> {
	const sockets = new Set<Socket>();
	const server = http.createServer((req, res) => {
		handler(req, res).catch((error: Error) => {
			if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
			res.end(`Simulator error: ${error.message}`);
		});
	});
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => {
			server.off('error', reject);
			resolve();
		});
	});
	const address = server.address();
	if (address === null || typeof address === 'string') throw new Error('Simulator did not get a TCP port');
	const urlHost = host.includes(':') ? `[${host}]` : host;
	let closing: Promise<void> | undefined;
	return {
		port: address.port,
		url: `http://${urlHost}:${address.port}`,
		close() {
			closing ??= new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
				for (const socket of sockets) socket.destroy();
			});
			return closing;
		},
	};
}

/** Small request/response helpers over Node's http module. */
import type { IncomingMessage, ServerResponse } from 'http';

export const MAX_BODY_BYTES = 4 * 1024 * 1024;

export interface ReadBody {
	text: string;
	/** Over MAX_BODY_BYTES: the rest was drained, not kept. */
	tooLarge: boolean;
}

/** The whole body as UTF-8; always drains the request so keep-alive connections stay usable. */
export function readBody(req: IncomingMessage, maxBytes = MAX_BODY_BYTES): Promise<ReadBody> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size <= maxBytes) chunks.push(chunk);
		});
		req.on('end', () => resolve({ text: Buffer.concat(chunks).toString('utf8'), tooLarge: size > maxBytes }));
		req.on('error', reject);
	});
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
	if (res.headersSent || res.destroyed) return;
	const text = JSON.stringify(body);
	res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
	res.end(text);
}

export function sendText(res: ServerResponse, status: number, text: string): void {
	if (res.headersSent || res.destroyed) return;
	res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
	res.end(text);
}

/** The text a gateway in front of Tencent answers with when it fails. */
export function gatewayErrorText(status: number): string {
	return status === 502 ? '502 Bad Gateway' : `${status} Simulated HTTP error`;
}

/** Small JSON-over-HTTP helper on top of global fetch (Node >= 18), with bounded time per request. */

export class HttpError extends Error {
	constructor(
		readonly method: string,
		readonly url: string,
		readonly status: number,
		readonly body: string,
	) {
		super(`${method} ${url} → HTTP ${status}: ${body.slice(0, 2000)}`);
		this.name = 'HttpError';
	}
}

export interface HttpResponse {
	status: number;
	headers: Headers;
	text: string;
	/** The body parsed as JSON, or undefined when it is not JSON. */
	json: unknown;
	/** `set-cookie` headers, one per cookie. */
	setCookies: string[];
}

export interface HttpRequest {
	method?: string;
	headers?: Record<string, string>;
	/** Objects are sent as JSON; strings and Buffers as they are. */
	body?: unknown;
	timeoutMs?: number;
}

export async function httpRequest(url: string, request: HttpRequest = {}): Promise<HttpResponse> {
	const method = request.method ?? 'GET';
	const headers: Record<string, string> = { ...request.headers };
	let body: string | Buffer | undefined;
	if (typeof request.body === 'string' || Buffer.isBuffer(request.body)) {
		body = request.body;
	} else if (request.body !== undefined) {
		body = JSON.stringify(request.body);
		if (!Object.keys(headers).some((key) => key.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json';
	}
	const response = await fetch(url, {
		method,
		headers,
		body,
		redirect: 'manual',
		signal: AbortSignal.timeout(request.timeoutMs ?? 30_000),
	});
	const text = await response.text();
	let json: unknown;
	try {
		json = text ? JSON.parse(text) : undefined;
	} catch {
		json = undefined;
	}
	const setCookies = typeof response.headers.getSetCookie === 'function' ? response.headers.getSetCookie() : [];
	return { status: response.status, headers: response.headers, text, json, setCookies };
}

/** Like httpRequest, but throws HttpError unless the status is 2xx. */
export async function httpOk(url: string, request: HttpRequest = {}): Promise<HttpResponse> {
	const response = await httpRequest(url, request);
	if (response.status < 200 || response.status >= 300) {
		throw new HttpError(request.method ?? 'GET', url, response.status, response.text);
	}
	return response;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

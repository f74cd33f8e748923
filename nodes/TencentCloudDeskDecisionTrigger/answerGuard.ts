/**
 * Makes sure Desk always receives an answer it can read, in time. n8n writes the HTTP reply of a
 * `responseNode` webhook itself: the workflow's answer when the answer step runs, but also
 * `500 {"message":"Error in workflow"}` (n8n 2.x) or an empty 200 when the workflow failed or
 * ended without answering. None of those is a Desk answer, so the guard sits on this request's
 * reply: a valid answer passes unchanged; anything else, or nothing before the deadline, is
 * replaced by the trigger's fallback answer; whatever n8n writes after that is dropped.
 *
 * The deadline is this request's socket idle timeout (the HTTP server's own per-connection
 * timer), not a JavaScript timer: nodes may not set timers, and this one ends with the request.
 */
import type { DecisionKind } from '../shared/decisionCallbacks';
import { answerProblem, type DecisionAnswer } from '../shared/decisionAnswers';

/** The parts of Node's http.ServerResponse the guard uses (n8n hands over an Express response). */
export interface GuardableResponse {
	statusCode: number;
	readonly headersSent: boolean;
	setHeader(name: string, value: number | string | readonly string[]): unknown;
	/** Node ≥ 18.15; throws once headers are sent, so it is guarded like setHeader. */
	setHeaders?(headers: unknown): unknown;
	removeHeader(name: string): void;
	getHeaderNames(): string[];
	writeHead(...args: unknown[]): unknown;
	write(...args: unknown[]): boolean;
	end(...args: unknown[]): unknown;
	setTimeout(ms: number, callback: () => void): unknown;
}

export type GuardOutcome =
	| { answeredBy: 'workflow' }
	| { answeredBy: 'fallback'; reason: string }
	/** A repeated delivery given the answer the first one got. */
	| { answeredBy: 'replay' };

export interface AnswerGuard {
	/** Answer now with the fallback (the "answer at once" mode, or load shedding). */
	answerWithFallback(reason: string): void;
	/** Answer now with an answer Desk already got for this callback (a repeated delivery). */
	replay(answerText: string): void;
	/** How the request was answered, once it was. */
	readonly outcome: GuardOutcome | undefined;
}

export interface GuardSettings {
	kind: DecisionKind;
	/** Milliseconds from now until the fallback is sent if nothing valid was. */
	deadlineMs: number;
	/** Builds the fallback answer; called only when the fallback is sent (at most once), not per request. */
	fallback: () => DecisionAnswer;
	/** Called once, when Desk's answer is on its way, with the answer's text. */
	onOutcome?: (outcome: GuardOutcome, answerText: string) => void;
	/**
	 * Called once, when n8n is done with the reply: it wrote the workflow's answer, or its own reply
	 * after a failed or finished run (dropped when the fallback went out first). Not called for a
	 * request n8n never writes to (an answer given at once).
	 */
	onReleased?: (late: boolean) => void;
}

type Method = (...args: unknown[]) => unknown;

export function guardAnswer(res: GuardableResponse, settings: GuardSettings): AnswerGuard {
	const original = {
		setHeader: res.setHeader.bind(res) as Method,
		writeHead: res.writeHead.bind(res) as Method,
		write: res.write.bind(res) as Method,
		end: res.end.bind(res) as Method,
		removeHeader: res.removeHeader.bind(res) as Method,
	};
	let outcome: GuardOutcome | undefined;
	// While true, calls go straight through: Node's own end() calls writeHead() on this object.
	let passThrough = false;
	const written: Buffer[] = [];

	const through = <T>(call: () => T): T => {
		passThrough = true;
		try {
			return call();
		} finally {
			passThrough = false;
		}
	};

	const settle = (result: GuardOutcome, text: string) => {
		outcome = result;
		settings.onOutcome?.(result, text);
	};

	let released = false;
	const release = () => {
		if (released) return;
		released = true;
		settings.onReleased?.(outcome !== undefined);
	};

	const sendOwn = (result: GuardOutcome, text: string) => {
		if (outcome) return;
		settle(result, text);
		through(() => {
			if (!res.headersSent) {
				for (const name of res.getHeaderNames()) res.removeHeader(name);
				res.statusCode = 200;
				original.setHeader('Content-Type', 'application/json; charset=utf-8');
				original.setHeader('Content-Length', Buffer.byteLength(text));
			}
			original.end(text);
		});
	};
	const sendFallback = (reason: string) => {
		if (!outcome) sendOwn({ answeredBy: 'fallback', reason }, JSON.stringify(settings.fallback()));
	};

	const override = (name: keyof typeof original, replacement: Method) => {
		(res as unknown as Record<string, Method>)[name] = (...args: unknown[]) =>
			passThrough ? original[name](...args) : replacement(...args);
	};

	override('setHeader', (...args) => (outcome ? res : original.setHeader(...args)));
	if (typeof res.setHeaders === 'function') {
		const setHeaders = res.setHeaders.bind(res) as Method;
		res.setHeaders = (...args: unknown[]) => (outcome && !passThrough ? res : setHeaders(...args));
	}
	override('removeHeader', (...args) => (outcome ? undefined : original.removeHeader(...args)));
	// Headers are written with the body, once the body is judged: kept as set headers until then.
	override('writeHead', (statusCode, ...rest) => {
		if (outcome) return res;
		if (typeof statusCode === 'number') res.statusCode = statusCode;
		const headers = rest.find((arg) => typeof arg === 'object' && arg !== null);
		if (headers && !Array.isArray(headers)) {
			for (const [name, value] of Object.entries(headers)) if (value !== undefined) original.setHeader(name, value);
		}
		return res;
	});
	override('write', (chunk, encoding) => {
		if (!outcome && chunk !== undefined && chunk !== null) written.push(toBuffer(chunk, encoding));
		return true;
	});
	override('end', (...args) => {
		const callback = args.find((arg) => typeof arg === 'function') as (() => void) | undefined;
		if (outcome) {
			// A late reply (the workflow's answer, or n8n's own after a failed run): Desk has its answer.
			release();
			callback?.();
			return res;
		}
		release();
		const [chunk, encoding] = args;
		if (chunk !== undefined && chunk !== null && typeof chunk !== 'function') written.push(toBuffer(chunk, encoding));
		const text = Buffer.concat(written).toString('utf8');
		const problem = res.statusCode === 200 ? answerProblem(settings.kind, parseJson(text)) : `HTTP ${res.statusCode}`;
		if (problem) {
			sendFallback(text ? `the workflow's reply was not a valid answer (${problem})` : 'the workflow ended without answering');
			callback?.();
			return res;
		}
		settle({ answeredBy: 'workflow' }, text);
		through(() => {
			if (!res.headersSent) original.setHeader('Content-Length', Buffer.byteLength(text));
			original.end(text, callback);
		});
		return res;
	});

	const deadlineMs = Math.max(1, Math.round(settings.deadlineMs));
	res.setTimeout(deadlineMs, () => sendFallback(`no answer within ${deadlineMs} ms`));

	return {
		answerWithFallback: sendFallback,
		replay: (answerText) => sendOwn({ answeredBy: 'replay' }, answerText),
		get outcome() {
			return outcome;
		},
	};
}

function toBuffer(chunk: unknown, encoding: unknown): Buffer {
	if (Buffer.isBuffer(chunk)) return chunk;
	if (chunk instanceof Uint8Array) return Buffer.from(chunk);
	return Buffer.from(String(chunk), typeof encoding === 'string' && Buffer.isEncoding(encoding) ? encoding : 'utf8');
}

function parseJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}

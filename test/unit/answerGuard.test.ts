/**
 * guardAnswer on a real Node HTTP server and a real client: the guard sits on the request's
 * response, then the test writes to it the way n8n (Express) does. Desk must always get HTTP 200
 * with a readable answer: the workflow's when it is valid, else the fallback, exactly once.
 */
import type http from 'http';

import { failureAnswer, routeAnswer, variablesAnswer, type DecisionAnswer } from '../../nodes/shared/decisionAnswers';
import type { DecisionKind } from '../../nodes/shared/decisionCallbacks';
import { expressJson, startGuardedServer, type Exchange, type GuardedHandler, type GuardedServer } from '../helpers/guardedExchange';

const FALLBACK = routeAnswer({ agentGroupId: 6521 });
const FALLBACK_TEXT = JSON.stringify(FALLBACK);
const VALID = routeAnswer({ agentGroupId: 7, agentIds: ['svc1@tencent.com'] });
/** Long enough that only the tests about the deadline ever reach it. */
const FAR_DEADLINE = 5000;

let server: GuardedServer;
beforeAll(async () => {
	server = await startGuardedServer();
});
afterAll(async () => {
	await server.close();
});

function exchange(
	handler: GuardedHandler,
	options: { kind?: DecisionKind; deadlineMs?: number; fallback?: DecisionAnswer; waitAfterMs?: number } = {},
): Promise<Exchange> {
	return server.exchange(handler, {
		kind: options.kind ?? 'assignHuman',
		deadlineMs: options.deadlineMs ?? FAR_DEADLINE,
		fallback: options.fallback ?? FALLBACK,
		waitAfterMs: options.waitAfterMs,
	});
}

function expectFallback(result: Exchange, reason: string | RegExp): void {
	expect(result.reply.status).toBe(200);
	expect(result.reply.text).toBe(FALLBACK_TEXT);
	expect(result.reply.headers['content-type']).toBe('application/json; charset=utf-8');
	expect(Number(result.reply.headers['content-length'])).toBe(Buffer.byteLength(FALLBACK_TEXT));
	expect(result.outcomes).toHaveLength(1);
	const [outcome] = result.outcomes;
	expect(outcome.answeredBy).toBe('fallback');
	expect(outcome.answeredBy === 'fallback' ? outcome.reason : '').toMatch(reason);
	expect(result.guard.outcome).toEqual(outcome);
}

describe('a valid answer from the workflow', () => {
	it('reaches Desk unchanged, with the workflow’s headers', async () => {
		const result = await exchange((res) => {
			res.statusCode = 200;
			res.setHeader('Content-Type', 'application/json; charset=utf-8');
			res.setHeader('X-From-Workflow', 'yes');
			res.end(JSON.stringify(VALID));
		});
		expect(result.reply.status).toBe(200);
		expect(result.reply.text).toBe(JSON.stringify(VALID));
		expect(result.reply.headers['content-type']).toBe('application/json; charset=utf-8');
		expect(result.reply.headers['x-from-workflow']).toBe('yes');
		expect(Number(result.reply.headers['content-length'])).toBe(Buffer.byteLength(JSON.stringify(VALID)));
		expect(result.outcomes).toEqual([{ answeredBy: 'workflow' }]);
		expect(result.guard.outcome).toEqual({ answeredBy: 'workflow' });
	});

	it('passes when written in write() chunks, including a Buffer, then end()', async () => {
		const text = JSON.stringify(variablesAnswer({ orderStatus: 'shipped', 名前: '値' }));
		const bytes = Buffer.from(text);
		const result = await exchange(
			(res) => {
				res.statusCode = 200;
				res.setHeader('Content-Type', 'application/json');
				// Split inside a multi-byte character: the guard must judge the bytes, not each chunk.
				const cut = bytes.indexOf(Buffer.from('値')) + 1;
				res.write(text.slice(0, 10)); // {"ActionSt: ASCII, so 10 characters are 10 bytes
				res.write(bytes.subarray(10, cut));
				res.write(bytes.subarray(cut));
				res.end();
			},
			{ kind: 'apiCall' },
		);
		expect(result.reply.status).toBe(200);
		expect(result.reply.text).toBe(text);
		expect(result.outcomes).toEqual([{ answeredBy: 'workflow' }]);
	});

	it('passes with writeHead(200) before end()', async () => {
		const result = await exchange((res) => {
			res.writeHead(200);
			res.end(JSON.stringify(VALID));
		});
		expect(result.reply.text).toBe(JSON.stringify(VALID));
		expect(result.outcomes).toEqual([{ answeredBy: 'workflow' }]);
	});

	it('is reported once, even when the deadline passes after it', async () => {
		const result = await exchange((res) => expressJson(res, 200, VALID), { deadlineMs: 100, waitAfterMs: 300 });
		expect(result.reply.text).toBe(JSON.stringify(VALID));
		expect(result.outcomes).toEqual([{ answeredBy: 'workflow' }]);
	});
});

describe('what n8n writes when the workflow does not answer validly', () => {
	it('replaces n8n’s 500 {"message":"Error in workflow"} with HTTP 200 and the fallback, dropping n8n’s headers', async () => {
		const result = await exchange((res) => expressJson(res, 500, { message: 'Error in workflow' }));
		expectFallback(result, /HTTP 500/);
		expect(result.reply.headers.etag).toBeUndefined();
	});

	it('replaces an empty 200 with the fallback', async () => {
		const result = await exchange((res) => {
			res.statusCode = 200;
			res.end();
		});
		expectFallback(result, 'the workflow ended without answering');
	});

	it('replaces a 200 that is not JSON', async () => {
		const result = await exchange((res) => {
			res.setHeader('Content-Type', 'text/plain');
			res.end('Workflow was started');
		});
		expectFallback(result, /^the workflow's reply was not a valid answer \(the answer is not a JSON object\)$/);
	});

	it.each<[string, DecisionKind, unknown, string]>([
		['AgentGroupId as text', 'assignHuman', { ...VALID, AgentGroupId: '7' }, 'AgentGroupId must be a number'],
		['no group and no agents', 'assignHuman', { ActionStatus: 'OK', ErrorInfo: '', ErrorCode: 0 }, 'Name a skill group'],
		['a Body value that is a number', 'apiCall', { ActionStatus: 'OK', ErrorInfo: '', ErrorCode: 0, Body: { n: 1 } }, 'Body.n must be text'],
		['OK with ErrorCode 1', 'beforeContact', { ActionStatus: 'OK', ErrorInfo: '', ErrorCode: 1 }, 'ActionStatus "OK" goes with ErrorCode 0'],
		['n8n’s success message', 'beforeContact', { message: 'Workflow was started' }, 'ActionStatus must be'],
	])('replaces an answer with %s', async (_name, kind, body, problem) => {
		const result = await exchange((res) => expressJson(res, 200, body), { kind });
		expectFallback(result, problem);
	});

	it('replaces a valid answer sent with another status', async () => {
		const result = await exchange((res) => {
			res.writeHead(202, { 'Content-Type': 'application/json' });
			res.end(JSON.stringify(VALID));
		});
		expectFallback(result, /HTTP 202/);
	});

	it('accepts a FAIL answer from the workflow as valid', async () => {
		const result = await exchange((res) => expressJson(res, 200, failureAnswer('Routing left to Desk')));
		expect(result.reply.text).toBe(JSON.stringify(failureAnswer('Routing left to Desk')));
		expect(result.outcomes).toEqual([{ answeredBy: 'workflow' }]);
	});
});

describe('the deadline', () => {
	it('sends the fallback when nothing was written, not before the deadline', async () => {
		const result = await exchange(() => undefined, { deadlineMs: 150 });
		expectFallback(result, /no answer within 150 ms/);
		expect(result.reply.elapsedMs).toBeGreaterThanOrEqual(100);
	});

	it('sends the fallback when only part of an answer was written', async () => {
		const result = await exchange(
			(res) => {
				res.statusCode = 200;
				res.write('{"ActionStatus":"OK",');
			},
			{ deadlineMs: 150 },
		);
		expectFallback(result, /no answer within 150 ms/);
	});
});

describe('after the fallback was sent', () => {
	/** What Express does for res.status(code).json(body) once the headers are out: it would throw ERR_HTTP_HEADERS_SENT. */
	function lateWrites(res: http.ServerResponse, errors: unknown[]): void {
		try {
			res.statusCode = 200;
			res.setHeader('Content-Type', 'application/json');
			res.writeHead(200, { 'X-Late': 'yes' });
			res.write('{"late":');
			res.end(JSON.stringify(VALID));
			res.end();
		} catch (error) {
			errors.push(error);
		}
	}

	it('drops the workflow’s late answer after the deadline, without throwing', async () => {
		const result = await exchange(
			(res, guard, errors) => {
				res.on('finish', () => setImmediate(() => lateWrites(res, errors)));
				if (guard.outcome !== undefined) errors.push(new Error('answered before anything was written'));
			},
			{ deadlineMs: 120, waitAfterMs: 50 },
		);
		expectFallback(result, /no answer within 120 ms/);
		expect(result.errors).toEqual([]);
		expect(result.reply.headers['x-late']).toBeUndefined();
	});

	it('answerWithFallback answers at once, and the workflow’s answer after it is dropped', async () => {
		const result = await exchange((res, guard, errors) => {
			guard.answerWithFallback('the trigger answers at once');
			// Checked here, not with expect(): a throw in the request handler would not fail the test.
			if (!res.headersSent) errors.push(new Error('the fallback was not sent at once'));
			if (guard.outcome?.answeredBy !== 'fallback') errors.push(new Error('no fallback outcome at once'));
			lateWrites(res, errors);
		});
		expectFallback(result, 'the trigger answers at once');
		expect(result.errors).toEqual([]);
		expect(result.reply.elapsedMs).toBeLessThan(FAR_DEADLINE);
	});

	it('reports one outcome: a second fallback, a late answer and the deadline change nothing', async () => {
		const result = await exchange(
			(res, guard, errors) => {
				guard.answerWithFallback('first');
				guard.answerWithFallback('second');
				lateWrites(res, errors);
			},
			{ deadlineMs: 100, waitAfterMs: 300 },
		);
		expectFallback(result, /^first$/);
		expect(result.errors).toEqual([]);
	});

	it('drops everything after a rejected answer, too', async () => {
		const result = await exchange((res, _guard, errors) => {
			expressJson(res, 500, { message: 'Error in workflow' });
			lateWrites(res, errors);
		});
		expectFallback(result, /HTTP 500/);
		expect(result.errors).toEqual([]);
	});
});

describe('the fallback answer itself', () => {
	it.each<[DecisionKind, DecisionAnswer]>([
		['apiCall', variablesAnswer({ orderStatus: 'unknown' })],
		['beforeContact', failureAnswer('No answer from the business server')],
	])('is sent exactly as built, for %s', async (kind, fallback) => {
		const result = await exchange((res) => expressJson(res, 500, { message: 'Error in workflow' }), { kind, fallback });
		expect(result.reply.status).toBe(200);
		expect(result.reply.text).toBe(JSON.stringify(fallback));
	});
});

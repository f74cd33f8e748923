/**
 * guardAnswer at the edges of Node's response API, on a real server: headers given to writeHead, the
 * callback given to end(), a late removeHeader, and a chunk written with another encoding.
 */
import { routeAnswer } from '../../nodes/shared/decisionAnswers';
import { startGuardedServer, type GuardedHandler, type GuardedServer } from '../helpers/guardedExchange';

const FALLBACK = routeAnswer({ agentGroupId: 6521 });
const VALID_TEXT = JSON.stringify(routeAnswer({ agentGroupId: 7 }));

let server: GuardedServer;
beforeAll(async () => {
	server = await startGuardedServer();
});
afterAll(async () => {
	await server.close();
});

const exchange = (handler: GuardedHandler, deadlineMs = 5000) =>
	server.exchange(handler, { kind: 'assignHuman', deadlineMs, fallback: FALLBACK });

it('keeps the headers given to writeHead with a valid answer', async () => {
	const result = await exchange((res) => {
		res.writeHead(200, { 'Content-Type': 'application/json', 'X-A': 'b' });
		res.end(VALID_TEXT);
	});
	expect(result.reply.text).toBe(VALID_TEXT);
	expect(result.reply.headers['x-a']).toBe('b');
	expect(result.reply.headers['content-type']).toBe('application/json');
});

it('calls the callback given to end(), for a valid answer and for one replaced by the fallback', async () => {
	const called: string[] = [];
	await exchange((res) => {
		res.end(VALID_TEXT, () => called.push('valid'));
	});
	await exchange((res) => {
		res.statusCode = 500;
		res.end('{"message":"Error in workflow"}', () => called.push('replaced'));
	});
	expect(called.sort()).toEqual(['replaced', 'valid']);
});

it('drops a removeHeader that comes after the fallback was sent, without throwing', async () => {
	const result = await exchange((res, guard, errors) => {
		guard.answerWithFallback('at once');
		try {
			res.removeHeader('ETag');
		} catch (error) {
			errors.push(error);
		}
	});
	expect(result.errors).toEqual([]);
	expect(JSON.parse(result.reply.text)).toEqual(FALLBACK);
});

it('drops a late answer written the way n8n 2.x writes it (setHeaders with a Map, then end), without throwing', async () => {
	// n8n's WebhookResponseHeaders.applyToResponse calls res.setHeaders(), which Node refuses once headers were sent:
	// "Cannot set headers after they are sent to the client" in n8n's log for every answer that came too late.
	const result = await exchange((res, guard, errors) => {
		guard.answerWithFallback('no answer within 1500 ms');
		try {
			res.setHeaders(new Map([['content-type', 'application/json; charset=utf-8']]));
			res.statusCode = 200;
			res.end(VALID_TEXT);
		} catch (error) {
			errors.push(error);
		}
	});
	expect(result.errors).toEqual([]);
	expect(JSON.parse(result.reply.text)).toEqual(FALLBACK);
	// n8n is done with the reply, after Desk had its answer: the trigger stops counting the decision.
	expect(result.released).toEqual([true]);
});

it('releases once, not late, when the workflow answers; never when nothing but the guard wrote', async () => {
	expect((await exchange((res) => res.end(VALID_TEXT))).released).toEqual([false]);
	expect((await exchange((_res, guard) => guard.answerWithFallback('at once'))).released).toEqual([]);
});

it('replays an earlier answer as it was, and ignores a second answer', async () => {
	const result = await exchange((res, guard) => {
		guard.replay(VALID_TEXT);
		guard.answerWithFallback('too late');
		res.end('{"message":"Error in workflow"}');
	});
	expect(result.reply.text).toBe(VALID_TEXT);
	expect(result.outcomes).toEqual([{ answeredBy: 'replay' }]);
});

it('passes setHeaders through before Desk has its answer', async () => {
	const result = await exchange((res) => {
		res.setHeaders(new Map([['x-from-workflow', 'yes']]));
		res.end(VALID_TEXT);
	});
	expect(result.reply.text).toBe(VALID_TEXT);
	expect(result.reply.headers['x-from-workflow']).toBe('yes');
});

it('reads a chunk in the encoding it was written with', async () => {
	const result = await exchange((res) => {
		res.write(Buffer.from(VALID_TEXT).toString('base64'), 'base64');
		res.end();
	});
	expect(result.reply.text).toBe(VALID_TEXT);
	expect(result.outcomes).toEqual([{ answeredBy: 'workflow' }]);
});

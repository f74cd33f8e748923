/**
 * Writes keep their order and are never doubled, through execute() against the simulator over real
 * HTTP: Send Message items for one session arrive in item order with Concurrency 5 even when the
 * first request is the slowest; items for different sessions still overlap; Send Stream Message
 * chunks join in item order; and a send_msg whose answer comes too late (the message was delivered)
 * is not sent again, while a read in the same situation is retried.
 */
import type { IHttpRequestOptions } from 'n8n-workflow';

import { session, useDeskOperations } from '../helpers/deskOperations';
import type { NodeError } from '../helpers/actionNode';

jest.setTimeout(60_000);

const desk = useDeskOperations();
const { run } = desk;

const SEND_MSG = 'desk_http_svc/send_msg';
const CONCURRENCY_5 = { options: { concurrency: 5 } };

/** A live chatbot session with no messages yet. */
function newSession(clientUserId: string): string {
	const created = desk.simulator.sessions.create({ clientUserId });
	desk.simulator.sessions.advance(created.sessionId, 'SessionBegin');
	return created.sessionId;
}

/** The text messages of a session, oldest first, as Desk keeps them. */
async function textsIn(sessionId: string): Promise<string[]> {
	const { output } = await run(session('getMessages', { sessionId, returnAll: true }));
	return output.map((item) => String(item.json.messageText));
}

const textOf = (request: IHttpRequestOptions): string =>
	(request.body as { MsgBody?: Array<{ MsgContent: { Text?: string } }> }).MsgBody?.[0].MsgContent.Text ?? '';

/** Holds each request back longer the earlier its item: without ordering, later items would overtake. */
const earlierIsSlower =
	(count: number, numberOf: (request: IHttpRequestOptions) => number) =>
	async (request: IHttpRequestOptions): Promise<void> => {
		const index = numberOf(request);
		if (index >= 0) await new Promise((resolve) => setTimeout(resolve, (count - index) * 40));
	};

describe('Send Message with Concurrency 5', () => {
	it('delivers five messages to one session in item order, although the first request is the slowest', async () => {
		const sessionId = newSession('order_user');
		const texts = ['1: hello', '2: your order shipped', '3: tracking 123', '4: anything else?', '5: bye'];
		const { output } = await run((itemIndex) => session('sendMessage', { sessionId, messageType: 'text', text: texts[itemIndex], ...CONCURRENCY_5 }), {
			items: texts.map(() => ({ json: {} })),
			beforeRequest: earlierIsSlower(texts.length, (request) => texts.indexOf(textOf(request))),
		});
		expect(output.map((item) => item.json.sent)).toEqual([true, true, true, true, true]);
		expect(await textsIn(sessionId)).toEqual(texts);
	});

	it('still sends to different sessions at the same time, each in item order', async () => {
		const sessions = [newSession('overlap_a'), newSession('overlap_b'), newSession('overlap_c')];
		// Items alternate between the sessions: a, b, c, a, b, c.
		const items = Array.from({ length: 6 }, (_, index) => ({ sessionId: sessions[index % 3], text: `message ${index}` }));
		let inFlight = 0;
		let most = 0;
		desk.simulator.faults.setLatency(150);
		const started = Date.now();
		await run((itemIndex) => session('sendMessage', { ...items[itemIndex], messageType: 'text', ...CONCURRENCY_5 }), {
			items: items.map(() => ({ json: {} })),
			beforeRequest: async () => {
				most = Math.max(most, ++inFlight);
				// Counted down when the answer is in: the next request of a session starts only after it.
				setTimeout(() => inFlight--, 150);
			},
		});
		const took = Date.now() - started;
		desk.simulator.faults.setLatency(0);
		expect(most).toBe(3);
		// Two rounds of three at once, not six one after another.
		expect(took).toBeLessThan(6 * 150);
		for (const [index, sessionId] of sessions.entries()) {
			expect(await textsIn(sessionId)).toEqual([`message ${index}`, `message ${index + 3}`]);
		}
	});
});

describe('Send Stream Message with Concurrency 5', () => {
	it('joins the chunks in item order into one message', async () => {
		const sessionId = newSession('stream_user');
		const first = (await run(session('sendStreamMessage', { sessionId, chunk: 'Your ', msgKey: '', finish: false }))).output[0].json;
		const chunks = ['order ', 'has ', 'shipped ', 'today', '.'];
		const { output } = await run(
			(itemIndex) =>
				session('sendStreamMessage', { sessionId, chunk: chunks[itemIndex], msgKey: first.MsgKey, finish: itemIndex === chunks.length - 1, ...CONCURRENCY_5 }),
			{
				items: chunks.map(() => ({ json: {} })),
				beforeRequest: earlierIsSlower(chunks.length, (request) => chunks.indexOf(String((request.body as { Chunk: string }).Chunk))),
			},
		);
		expect(output.at(-1)?.json).toMatchObject({ MsgKey: first.MsgKey, finished: true });
		expect(await textsIn(sessionId)).toEqual(['Your order has shipped today.']);
	});
});

describe('a write whose answer comes too late', () => {
	it('is not sent again: the customer gets the message exactly once, and the item says it may have been sent', async () => {
		const sessionId = newSession('late_user');
		// Desk delivers the message, then answers after the node's timeout.
		desk.simulator.faults.answerLateNext(1, 1500, SEND_MSG);
		const { output, context } = await run(
			(itemIndex) => session('sendMessage', { sessionId, messageType: 'text', text: `message ${itemIndex}`, ...CONCURRENCY_5 }),
			{ items: [{ json: {} }, { json: {} }, { json: {} }], continueOnFail: true, requestTimeoutMs: 300 },
		);
		expect(context.requests.filter((request) => request.url.endsWith(SEND_MSG))).toHaveLength(3);
		expect(output[0].json.error).toBe('Tencent Cloud Desk did not confirm this write, and it may have been applied');
		expect(output[0].json.description).toMatch(/^Network error ECONNABORTED from v4\/desk_http_svc\/send_msg\. .*Get Messages/);
		expect(output.slice(1).map((item) => item.json.sent)).toEqual([true, true]);
		expect(await textsIn(sessionId)).toEqual(['message 0', 'message 1', 'message 2']);
	});

	it('fails the node without continueOnFail, after exactly one delivery', async () => {
		const sessionId = newSession('late_user_2');
		desk.simulator.faults.answerLateNext(1, 1500, SEND_MSG);
		const failure = await run(session('sendMessage', { sessionId, messageType: 'text', text: 'only once' }), { requestTimeoutMs: 300 }).then(
			() => undefined,
			(error: NodeError) => error,
		);
		expect(failure?.message).toBe('Tencent Cloud Desk did not confirm this write, and it may have been applied');
		expect(await textsIn(sessionId)).toEqual(['only once']);
	});

	it('is retried when it is a read, which cannot apply twice', async () => {
		const sessionId = newSession('late_read');
		desk.simulator.faults.answerLateNext(1, 1500, 'desk_http_svc/get_session_state');
		const { output, context } = await run(session('getState', { lookupBy: 'sessionId', sessionId }), { requestTimeoutMs: 300 });
		expect(context.requests).toHaveLength(2);
		expect(output[0].json).toMatchObject({ SessionId: sessionId, CurrentState: 'Chatbot' });
	});
});

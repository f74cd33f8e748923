/**
 * The action node's Session operations besides Get State and Transfer, through execute() against the
 * simulator over real HTTP: Get Messages (paging with Return All), Send Message, End and End Queuing,
 * each documented error, and continueOnFail.
 */
import { SEED_SESSION_IDS } from '../../dev/simulator';
import { session, useDeskOperations } from '../helpers/deskOperations';

jest.setTimeout(60_000);

const desk = useDeskOperations();
const { run, runExpectingError } = desk;

/** A live chatbot session holding `count` customer messages, for paging. */
function sessionWithMessages(count: number): string {
	const created = desk.simulator.sessions.create({ clientUserId: 'paging_user' });
	desk.simulator.sessions.advance(created.sessionId, 'SessionBegin');
	for (let index = 0; index < count; index++) {
		desk.simulator.sessions.advance(created.sessionId, { event: 'ChatBot.UserSendMsg', text: `message ${index}` });
	}
	return created.sessionId;
}

describe('Session → Get Messages', () => {
	it('reads the conversation oldest first, with text and ISO time', async () => {
		const { output } = await run(session('getMessages', { sessionId: SEED_SESSION_IDS.agent, returnAll: true }));
		expect(output.length).toBeGreaterThanOrEqual(3);
		const times = output.map((item) => item.json.Timestamp as number);
		expect([...times].sort((a, b) => a - b)).toEqual(times);
		expect(output[0].json).toMatchObject({ SessionId: SEED_SESSION_IDS.agent, FromAccountRole: 'User' });
		expect(output[0].json.messageText).toBe('How to request a refund?');
		expect(output[0].json.time).toBe(new Date(times[0]).toISOString());
		expect(output.every((item) => item.pairedItem && (item.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	it('pages through 230 messages with Return All (3 requests of 100)', async () => {
		const sessionId = sessionWithMessages(230);
		const { output, context } = await run(session('getMessages', { sessionId, returnAll: true }));
		expect(output).toHaveLength(230);
		expect(output[229].json.messageText).toBe('message 229');
		expect(context.requests.map((request) => (request.body as { Offset: number }).Offset)).toEqual([0, 100, 200]);
	});

	it('gives the latest messages with Newest First and a Limit', async () => {
		const sessionId = sessionWithMessages(30);
		const { output, context } = await run(
			session('getMessages', { sessionId, returnAll: false, limit: 5, options: { order: 'newestFirst' } }),
		);
		expect(output.map((item) => item.json.messageText)).toEqual([
			'message 29',
			'message 28',
			'message 27',
			'message 26',
			'message 25',
		]);
		expect(context.requests).toHaveLength(1);
	});

	it('fails on an unknown session with 141005', async () => {
		const { error } = await runExpectingError(session('getMessages', { sessionId: 'no-such-session', returnAll: true }));
		expect(error.message).toBe('Tencent Cloud Desk error 141005: The session does not exist or has ended');
	});
});

describe('Session → Send Message', () => {
	it('sends text that then shows in the conversation, with a fresh MsgRandom each time', async () => {
		const text = 'All our agents are busy. Expected wait: about 5 minutes.';
		const { output, context } = await run(
			session('sendMessage', { sessionId: SEED_SESSION_IDS.queuing, messageType: 'text', text }),
			{ items: [{ json: {} }, { json: {} }] },
		);
		expect(output).toHaveLength(2);
		expect(output[0].json).toMatchObject({ SessionId: SEED_SESSION_IDS.queuing, sent: true });
		const randoms = context.requests.map((request) => (request.body as { MsgRandom: number }).MsgRandom);
		expect(new Set(randoms).size).toBe(2);
		for (const random of randoms) expect(random).toBeGreaterThanOrEqual(0);
		expect(context.requests[0].body).toMatchObject({ MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: text } }] });

		const messages = await run(
			session('getMessages', { sessionId: SEED_SESSION_IDS.queuing, returnAll: true, options: { order: 'newestFirst' } }),
		);
		expect(messages.output.slice(0, 2).map((item) => item.json.messageText)).toEqual([text, text]);
	});

	it('sends a card as TIMCustomElem with Data as a string', async () => {
		const { context } = await run(
			session('sendMessage', {
				sessionId: SEED_SESSION_IDS.agent,
				messageType: 'custom',
				customData: { businessID: 'order_card', orderId: 42 },
				customDescription: 'Your order',
				options: { cloudCustomData: 'ticket-7', customExt: 'v1' },
			}),
		);
		expect(context.requests[0].body).toMatchObject({
			CloudCustomData: 'ticket-7',
			MsgBody: [
				{
					MsgType: 'TIMCustomElem',
					MsgContent: { Data: '{"businessID":"order_card","orderId":42}', Desc: 'Your order', Ext: 'v1' },
				},
			],
		});
	});

	it('refuses empty text before calling Tencent', async () => {
		const { error, context } = await runExpectingError(
			session('sendMessage', { sessionId: SEED_SESSION_IDS.agent, messageType: 'text', text: '  ' }),
		);
		expect(error.message).toBe('Text is empty');
		expect(context.requests).toHaveLength(0);
	});

	it('fails on an ended session with 141005', async () => {
		const { error } = await runExpectingError(
			session('sendMessage', { sessionId: SEED_SESSION_IDS.ended, messageType: 'text', text: 'hello' }),
		);
		expect(error.message).toContain('141005');
	});
});

describe('Session → End and End Queuing', () => {
	it('ends a live session, then reports it as ended (141005), or as data when asked', async () => {
		const { output } = await run(session('end', { sessionId: SEED_SESSION_IDS.agentSecond }));
		expect(output[0].json).toEqual({ SessionId: SEED_SESSION_IDS.agentSecond, ended: true });
		const again = await runExpectingError(session('end', { sessionId: SEED_SESSION_IDS.agentSecond }));
		expect(again.error.message).toContain('141005');
		// The fix names End's own option, not Get State's.
		expect(again.error.description).toMatch(/^Check the Session ID, or turn on “Return Already Ended as Data” under Options\./);
		const asData = await run(session('end', { sessionId: SEED_SESSION_IDS.agentSecond, options: { returnAlreadyEndedAsData: true } }));
		expect(asData.output[0].json).toMatchObject({ ended: false, errorCode: 141005 });
	});

	it('ends queuing with Tencent’s SessionID spelling', async () => {
		const { output, context } = await run(session('endQueuing', { sessionId: SEED_SESSION_IDS.queuingSecond }));
		expect(output[0].json).toEqual({ SessionId: SEED_SESSION_IDS.queuingSecond, queuingEnded: true });
		expect(context.requests[0].body).toEqual({ SessionID: SEED_SESSION_IDS.queuingSecond });
		expect(desk.simulator.sessions.get(SEED_SESSION_IDS.queuingSecond)?.phase).toMatch(/^End/);
	});

	it('refuses a session that is not queuing (141027), or returns it as data', async () => {
		const { error } = await runExpectingError(session('endQueuing', { sessionId: SEED_SESSION_IDS.chatbot }));
		expect(error.message).toBe('Tencent Cloud Desk error 141027: The session is not queuing');
		const { output } = await run(
			session('endQueuing', { sessionId: SEED_SESSION_IDS.chatbot, options: { returnNotQueuingAsData: true } }),
		);
		expect(output[0].json).toMatchObject({ queuingEnded: false, errorCode: 141027 });
	});

	it('keeps going with continueOnFail: one error item per failed session, in order', async () => {
		const ids = [SEED_SESSION_IDS.queuing, 'no-such-session', SEED_SESSION_IDS.chatbot];
		const { output } = await run((itemIndex) => session('endQueuing', { sessionId: ids[itemIndex] }), {
			items: ids.map(() => ({ json: {} })),
			continueOnFail: true,
		});
		expect(output.map((item) => item.json.queuingEnded ?? item.json.error)).toEqual([
			true,
			'Tencent Cloud Desk error 141005: The session does not exist or has ended',
			'Tencent Cloud Desk error 141027: The session is not queuing',
		]);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(output[2].json).toMatchObject({ errorCode: 141027, errorMeaning: 'The session is not queuing' });
		expect(output[2].json.description).toContain('“Return Not Queuing as Data”');
	});
});

describe('the fix of 141005 names what each operation has', () => {
	it.each([
		['getState', { lookupBy: 'sessionId', options: {} }, 'Return Not-Found as Data'],
		['end', { options: {} }, 'Return Already Ended as Data'],
		['endQueuing', { options: {} }, 'Return Not Queuing as Data'],
		['getMessages', { returnAll: true }, undefined],
		['sendMessage', { messageType: 'text', text: 'hello' }, undefined],
	])('%s', async (operation, parameters, option) => {
		const { error } = await runExpectingError(session(operation, { sessionId: 'no-such-session', ...parameters }));
		expect(error.message).toBe('Tencent Cloud Desk error 141005: The session does not exist or has ended');
		if (option) expect(error.description).toContain(`Check the Session ID, or turn on “${option}” under Options.`);
		else expect(error.description).not.toMatch(/turn on|as Data/);
	});
});

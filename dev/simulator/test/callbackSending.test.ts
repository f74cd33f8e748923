/**
 * The simulator's single callbacks, received by a real local HTTP server: a session advanced step by step
 * (each callback agreeing with get_session_state), and sendCallback for forged callbacks: overridden or
 * omitted query values, raw bodies, no token, bounded retries, refused connections and timeouts.
 */
import { SESSION_EVENT_COMMAND } from '../../../nodes/shared/events';
import { InvalidTransitionError } from '..';
import { CallbackReceiver, sessionState, useSimulator } from './helpers';

const receiver = new CallbackReceiver();
const desk = useSimulator(() => ({ faults: { rateLimitPerSecond: 0 } }), receiver);

beforeEach(() => receiver.reset());

describe('step by step', () => {
	it('keeps get_session_state consistent with each callback, including the silent WaitingForAgentAnswering', async () => {
		const session = desk.sim.sessions.create({ clientUserId: 'stepper' });
		const expected: Array<[string, string | undefined, string, string]> = [
			['SessionBegin', undefined, 'Chatbot', ''],
			['TransferringToHuman', undefined, 'Chatbot', ''],
			['TransferringToHumanWait', undefined, 'Queuing', ''],
			['WaitingForAgentAnswering', 'carol@example.com', 'WaitingForAgentAnswering', 'carol@example.com'],
			['TransferToHumanSuccess', undefined, 'Agent', 'carol@example.com'],
			['AgentForward', 'dave@example.com', 'Agent', 'dave@example.com'],
		];
		for (const [event, agentId, state, agent] of expected) {
			const { callback } = await desk.sim.advanceSession(session.sessionId, { event, agentId }, receiver.url);
			expect(callback === undefined).toBe(event === 'WaitingForAgentAnswering');
			expect(await sessionState(desk.sim, session.sessionId)).toMatchObject({ CurrentState: state, AgentId: agent });
		}
		expect(receiver.bodies().map((b) => b.Event)).toEqual(['SessionBegin', 'TransferringToHuman', 'TransferringToHumanWait', 'TransferToHumanSuccess', 'AgentForward']);
		expect(receiver.bodies()[4]).toMatchObject({ AgentId: 'dave@example.com', ForwardFromAgentId: 'carol@example.com' });
		await expect(desk.sim.advanceSession(session.sessionId, 'SessionPendingAutoFinishEnd', receiver.url)).rejects.toThrow(InvalidTransitionError);
		expect(receiver.received).toHaveLength(5);
	});

	it('refuses an invalid script before sending anything', async () => {
		await expect(desk.sim.playScript(['SessionBegin', 'Human.AgentSendMsg'], receiver.url)).rejects.toThrow(InvalidTransitionError);
		await expect(desk.sim.playScript('noSuchScript' as never, receiver.url)).rejects.toThrow(/Unknown script/);
		expect(receiver.received).toHaveLength(0);
	});
});

describe('sendCallback (forging)', () => {
	const payload = { CallbackCommand: SESSION_EVENT_COMMAND, SessionId: 's-1', Event: 'SessionBegin', EventTime: 1, ChannelType: 'SDK' };

	it('matches the documented Sign vector for an overridden RequestTime', async () => {
		const result = await desk.sim.sendCallback({ url: receiver.url, token: 'xxxxyyyy' }, payload, { query: { RequestTime: '1669872112' } });
		expect(receiver.received[0].query.Sign).toBe('17773bc39a671d7b9aa835458704d2a6db81360a5940292b587d6d760d484061');
		expect(result.query.RequestTime).toBe('1669872112');
	});

	it('overrides and omits query values, and sends raw bodies as-is', async () => {
		await desk.sim.sendCallback(receiver.url, '{"Event": "SessionBegin",', {
			query: { SdkAppid: '999', Sign: 'forged', RequestID: null, CallbackCommand: 'Desk.Other', Extra: '1' },
		});
		const [received] = receiver.received;
		expect(received.body).toBe('{"Event": "SessionBegin",');
		expect(received.query).toMatchObject({ SdkAppid: '999', Sign: 'forged', CallbackCommand: 'Desk.Other', Extra: '1' });
		expect(received.query).not.toHaveProperty('RequestID');
		expect(received.query.RequestTime).toMatch(/^\d+$/);
	});

	it('sends no RequestTime/Sign without a token', async () => {
		await desk.sim.sendCallback({ url: receiver.url, token: '' }, payload);
		expect(receiver.received[0].query).not.toHaveProperty('Sign');
		expect(receiver.received[0].query).not.toHaveProperty('RequestTime');
		expect(receiver.received[0].query.RequestID).toBeDefined();
	});

	it('retries non-200 acks with the same RequestID, bounded', async () => {
		receiver.reply = (index) => (index < 2 ? { status: 500, body: 'boom' } : { status: 200, body: 'ok' });
		const retried = await desk.sim.sendCallback(receiver.url, payload, { retryOnFailure: 3, retryDelayMs: 0 });
		expect(retried.ok).toBe(true);
		expect(retried.attempts.map((a) => a.status)).toEqual([500, 500, 200]);
		expect(retried.attempts[0].responseText).toBe('boom');
		expect(new Set(receiver.received.map((r) => r.query.RequestID))).toEqual(new Set([retried.requestId]));

		receiver.reset();
		receiver.reply = () => ({ status: 503, body: 'down' });
		const gaveUp = await desk.sim.sendCallback(receiver.url, payload, { retryOnFailure: 2, retryDelayMs: 0 });
		expect(gaveUp).toMatchObject({ ok: false, status: 503, responseText: 'down' });
		expect(gaveUp.attempts).toHaveLength(3);

		receiver.reset();
		receiver.reply = () => ({ status: 500, body: '' });
		expect((await desk.sim.sendCallback(receiver.url, payload)).attempts).toHaveLength(1);
		expect((await desk.sim.sendCallback(receiver.url, payload, { retryOnFailure: 1000, retryDelayMs: 0 })).attempts.length).toBeLessThanOrEqual(11);
	});

	it('records refused connections and timeouts as failed acks', async () => {
		const refused = await desk.sim.sendCallback('http://127.0.0.1:1/hook', payload);
		expect(refused).toMatchObject({ ok: false, status: null });
		expect(refused.error).toBeTruthy();
		receiver.reply = () => 'hang';
		const timedOut = await desk.sim.sendCallback(receiver.url, payload, { timeoutMs: 150 });
		expect(timedOut).toMatchObject({ ok: false, status: null, error: expect.stringContaining('150') });
	});
});

/**
 * The action node's Get State, run through execute() against the simulator over real HTTP.
 */
import type { IHttpRequestOptions } from 'n8n-workflow';

import { signedQuery } from '../../nodes/shared/signedQuery';
import type { DeskSimulator } from '../../dev/simulator';
import { SEED_CLIENT_USER_IDS, SEED_SESSION_IDS, startDeskSimulator } from '../../dev/simulator';
import type { Parameters } from '../helpers/executeContext';
import { createExecuteContext } from '../helpers/executeContext';
import { simulatorCredentials } from '../../dev/simulator/n8nCredential';
import { actionNodeRunner } from '../helpers/actionNode';

jest.setTimeout(30_000);

let simulator: DeskSimulator;

beforeAll(async () => {
	simulator = await startDeskSimulator();
});
afterAll(async () => {
	await simulator.close();
});
beforeEach(() => {
	simulator.faults.reset();
	simulator.stateSpelling = 'en';
	simulator.resetStats();
});

const bySession = (sessionId: string, options: Parameters = {}): Parameters => ({
	resource: 'session',
	operation: 'getState',
	lookupBy: 'sessionId',
	sessionId,
	options,
});

const { node, run, runExpectingError } = actionNodeRunner(() => simulator);

function expectNoSecrets(error: Error & { description?: string }, signatures: string[]) {
	const visible = [error.message, error.description ?? '', JSON.stringify(error), String(error.stack)].join('\n');
	expect(visible).not.toContain(simulator.app.secretKey);
	for (const signature of signatures) expect(visible).not.toContain(signature);
}

describe('Get State', () => {
	it('reads a session by Session ID, with the agent', async () => {
		const { output, context } = await run(bySession(SEED_SESSION_IDS.agent));
		expect(output).toHaveLength(1);
		expect(output[0].json).toMatchObject({
			SessionId: SEED_SESSION_IDS.agent,
			CurrentState: 'Agent',
			found: true,
		});
		expect(output[0].json.AgentId).toMatch(/@/);
		expect(output[0].pairedItem).toEqual({ item: 0 });
		// Signed like Tencent expects: every query field present, random a uint32.
		const { qs } = context.requests[0];
		expect(Object.keys(qs).sort()).toEqual(['contenttype', 'identifier', 'random', 'sdkappid', 'usersig']);
		expect(Number(qs.random)).toBeGreaterThanOrEqual(0);
		expect(Number(qs.random)).toBeLessThanOrEqual(0xffffffff);
	});

	it('reads a session by User ID and Customer Service Account', async () => {
		const session = simulator.sessions.get(SEED_SESSION_IDS.chatbot);
		const { output } = await run({
			resource: 'session',
			operation: 'getState',
			lookupBy: 'user',
			clientUserId: SEED_CLIENT_USER_IDS.chatbot,
			customerServiceId: session?.customerServiceId,
			options: {},
		});
		expect(output[0].json).toMatchObject({
			SessionId: SEED_SESSION_IDS.chatbot,
			CurrentState: 'Chatbot',
			AgentId: '',
			ClientUserId: SEED_CLIENT_USER_IDS.chatbot,
		});
	});

	it('outputs one spelling whichever one Tencent uses', async () => {
		const english = await run(bySession(SEED_SESSION_IDS.queuing));
		simulator.stateSpelling = 'zh';
		const chinese = await run(bySession(SEED_SESSION_IDS.queuing));
		expect(english.output[0].json).toMatchObject({ CurrentState: 'Queuing', CurrentStateAsSent: 'Queuing' });
		expect(chinese.output[0].json).toMatchObject({ CurrentState: 'Queuing', CurrentStateAsSent: 'Queueing' });
	});

	it('fails on an unknown session with 141005, its meaning and the fix', async () => {
		const { error } = await runExpectingError(bySession('no-such-session'));
		expect(error.message).toBe('Tencent Cloud Desk error 141005: The session does not exist or has ended');
		expect(error.description).toContain('Check the Session ID, or turn on “Return Not-Found as Data” under Options.');
	});

	it('returns not-found as data when asked', async () => {
		const { output } = await run(bySession(SEED_SESSION_IDS.ended, { returnNotFoundAsData: true }));
		expect(output[0].json).toEqual({
			SessionId: SEED_SESSION_IDS.ended,
			CurrentState: 'NotInSession',
			AgentId: '',
			found: false,
		});
	});

	it('names the Secret Key when it is wrong, and leaks neither key nor UserSig', async () => {
		const { error, signatures } = await runExpectingError(bySession(SEED_SESSION_IDS.agent), {
			secretKey: 'f'.repeat(64),
		});
		expect(error.message).toBe('Tencent Cloud Desk error 70003: Secret Key does not match this SDKAppID');
		expect(signatures).toHaveLength(1); // credential errors are not retried
		expectNoSecrets(error, signatures);
		expect(JSON.stringify(error)).not.toContain('f'.repeat(64));
	});

	it('names the SDKAppID and the admin when they are wrong', async () => {
		const unknownApp = await runExpectingError(bySession(SEED_SESSION_IDS.agent), { sdkAppId: 1499999999 });
		expect(unknownApp.error.message).toContain('60006');
		expect(unknownApp.error.description).toContain('SDKAppID');
		const notAdmin = await runExpectingError(bySession(SEED_SESSION_IDS.agent), { identifier: 'user1' });
		expect(notAdmin.error.message).toContain('60010');
		expect(notAdmin.error.description).toContain('App admin');
	});

	it('reports an expired UserSig (clock far behind) after one fresh retry', async () => {
		const credentials = simulatorCredentials(simulator);
		const context = createExecuteContext({ parameters: bySession(SEED_SESSION_IDS.agent), credentials });
		// Re-sign as a machine whose clock is two hours behind; the simulator keeps the real clock.
		const send = context.helpers.httpRequest;
		context.helpers.httpRequest = (async (request: IHttpRequestOptions) => {
			const skewed = signedQuery(credentials, Math.floor(Date.now() / 1000) - 2 * 3600);
			return await send.call(context, { ...request, qs: { ...request.qs, ...skewed } });
		}) as typeof send;
		const error = (await node.execute.call(context).catch((thrown: Error) => thrown)) as Error & { description: string };
		expect(error.message).toBe('Tencent Cloud Desk error 70001: The UserSig has expired');
		expect(error.description).toContain('clock');
		expect(context.requests).toHaveLength(2);
	});

	it('retries an injected 141002 and then succeeds', async () => {
		simulator.faults.failNext(2, 141002);
		const { output, context } = await run(bySession(SEED_SESSION_IDS.agent));
		expect(output[0].json.CurrentState).toBe('Agent');
		expect(context.requests).toHaveLength(3);
	});

	it('retries HTTP 502 and then succeeds', async () => {
		simulator.faults.failNext(1, 502);
		const { output, context } = await run(bySession(SEED_SESSION_IDS.agent));
		expect(output[0].json.CurrentState).toBe('Agent');
		expect(context.requests).toHaveLength(2);
	});

	it('gives up on a persistent 141002 with a clear message', async () => {
		simulator.faults.setInternalErrorRate(1);
		const { error, signatures } = await runExpectingError(bySession(SEED_SESSION_IDS.agent, { maxRetries: 2 }));
		expect(error.message).toBe('Tencent Cloud Desk error 141002: Desk internal error');
		expect(error.description).toContain('retried');
		expect(signatures).toHaveLength(3);
	});

	it('says where it could not connect when the server is down', async () => {
		const stopped = await startDeskSimulator({ seed: false });
		const url = stopped.url;
		await stopped.close();
		const { error, signatures } = await runExpectingError(bySession(SEED_SESSION_IDS.agent), { baseUrl: url });
		expect(error.message).toBe(`Could not reach Tencent Cloud Desk at ${url}`);
		expect(error.description).toContain('ECONNREFUSED');
		expect(error.description).toContain('Base URL');
		// n8n's raw network error carries the signed URL: it must not travel on.
		expect(signatures.length).toBeGreaterThan(0);
		expectNoSecrets(error, signatures);
	});

	it('reads the credential once per execution, not once per item', async () => {
		const items = [SEED_SESSION_IDS.agent, SEED_SESSION_IDS.chatbot, SEED_SESSION_IDS.queuing].map((sessionId) => ({
			json: { sessionId },
		}));
		const context = createExecuteContext({
			parameters: (itemIndex) => bySession(String(items[itemIndex].json.sessionId)),
			items,
			credentials: simulatorCredentials(simulator),
		});
		const getCredentials = jest.spyOn(context, 'getCredentials');
		const output = await node.execute.call(context);
		expect(output[0].map((item) => item.json.found)).toEqual([true, true, true]);
		expect(getCredentials).toHaveBeenCalledTimes(1);
		expect(new Set(context.requests.map(({ qs }) => qs.random)).size).toBe(3); // each request signed afresh
	});

	it('rejects an empty Session ID before calling Tencent', async () => {
		const { error, signatures } = await runExpectingError(bySession('  '));
		expect(error.message).toBe('Session ID is empty');
		expect(signatures).toHaveLength(0);
	});

	it('turns failures into error items with continueOnFail', async () => {
		const ids = [SEED_SESSION_IDS.agent, 'missing-1', SEED_SESSION_IDS.chatbot];
		const { output } = await run((i) => bySession(ids[i]), {
			items: ids.map(() => ({ json: {} })),
			continueOnFail: true,
		});
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(output[0].json.CurrentState).toBe('Agent');
		// One shape with the "… as Data" items: n8n's error and description, then Desk's code, meaning and words.
		expect(output[1].json).toEqual({
			error: 'Tencent Cloud Desk error 141005: The session does not exist or has ended',
			description: expect.stringContaining('Return Not-Found as Data'),
			errorCode: 141005,
			errorMeaning: 'The session does not exist or has ended',
			errorInfo: expect.any(String),
		});
		expect(output[2].json.CurrentState).toBe('Chatbot');
	});

	it('keeps order and pairedItem for 200 items run concurrently', async () => {
		const sessions = Array.from({ length: 200 }, (_, i) =>
			simulator.sessions.create({ clientUserId: `bulk-user-${i}` }),
		);
		simulator.faults.setLatency(5);
		const { output } = await run((i) => bySession(sessions[i].sessionId, { concurrency: 8, requestsPerSecond: 0 }), {
			items: sessions.map(() => ({ json: {} })),
		});
		expect(output).toHaveLength(200);
		output.forEach((item, i) => {
			expect(item.json.SessionId).toBe(sessions[i].sessionId);
			expect(item.pairedItem).toEqual({ item: i });
		});
	});
});

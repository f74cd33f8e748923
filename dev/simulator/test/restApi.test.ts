/**
 * The simulator's REST side over real HTTP: get_session_state and account_check answers, every
 * validation error in Tencent's order, state spellings, and UserSigs from the official package.
 */
import { DESK_ERRORS } from '../../../nodes/shared/errorCodes';
import { generateUserSig, type UserSigFields } from '../../../nodes/shared/userSig';
import {
	DEFAULT_ADMIN_IDENTIFIER,
	DEFAULT_CUSTOMER_SERVICE_ID,
	DEFAULT_SDK_APP_ID,
	DEFAULT_SECRET_KEY,
	InvalidTransitionError,
	SEED_CLIENT_USER_IDS,
	SEED_SESSION_IDS,
	startDeskSimulator,
	type DeskSimulator,
} from '..';

// The official generator is untyped JavaScript.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Api: OfficialSigApi } = require('tls-sig-api-v2') as {
	Api: new (sdkAppId: number, key: string) => { genUserSig(identifier: string, expire: number): string };
};

const GET_STATE = 'desk_http_svc/get_session_state';
const ACCOUNT_CHECK = 'im_open_login_svc/account_check';
const PLAIN_APP = { sdkAppId: 1400000002, secretKey: 'f'.repeat(64), desk: false };
const OTHER_DESK_APP = { sdkAppId: 1400000003, secretKey: 'e'.repeat(64) };

let sim: DeskSimulator;

beforeAll(async () => {
	sim = await startDeskSimulator({ apps: [PLAIN_APP, OTHER_DESK_APP], faults: { rateLimitPerSecond: 0 } });
});

afterAll(async () => {
	await sim.close();
});

function nowSeconds(): number {
	return Math.floor(Date.now() / 1000);
}

function sig(fields: Partial<UserSigFields> = {}, key = DEFAULT_SECRET_KEY): string {
	return generateUserSig(
		{ sdkAppId: DEFAULT_SDK_APP_ID, identifier: DEFAULT_ADMIN_IDENTIFIER, time: nowSeconds(), expire: 3600, ...fields },
		key,
	);
}

interface CallOptions {
	/** Query values to replace; null leaves one out. */
	query?: Record<string, string | null>;
	method?: string;
	/** Raw body text; default JSON of `body`. */
	raw?: string;
}

async function call(command: string, body: unknown = {}, options: CallOptions = {}) {
	const query: Record<string, string | null> = {
		sdkappid: String(DEFAULT_SDK_APP_ID),
		identifier: DEFAULT_ADMIN_IDENTIFIER,
		usersig: sig(),
		random: String(Math.floor(Math.random() * 4294967295)),
		contenttype: 'json',
		...options.query,
	};
	const url = new URL(`${sim.url}/v4/${command}`);
	for (const [name, value] of Object.entries(query)) if (value !== null) url.searchParams.set(name, value);
	const method = options.method ?? 'POST';
	const response = await fetch(url, {
		method,
		headers: { 'Content-Type': 'application/json' },
		body: method === 'GET' || method === 'HEAD' ? undefined : (options.raw ?? JSON.stringify(body)),
	});
	const text = await response.text();
	return { status: response.status, text, json: JSON.parse(text) as Record<string, unknown> };
}

function expectFail(answer: { status: number; json: Record<string, unknown> }, code: number, detail?: string | RegExp) {
	expect(answer.status).toBe(200);
	expect(answer.json.ActionStatus).toBe('FAIL');
	expect(answer.json.ErrorCode).toBe(code);
	const info = answer.json.ErrorInfo as string;
	expect(info.startsWith(DESK_ERRORS[code]?.meaning ?? 'Request failed')).toBe(true);
	if (detail) expect(info).toMatch(detail);
}

describe('get_session_state', () => {
	it('answers by SessionId with the agent of an Agent session', async () => {
		const { status, json } = await call(GET_STATE, { SessionId: SEED_SESSION_IDS.agent });
		expect(status).toBe(200);
		expect(json).toEqual({
			ActionStatus: 'OK',
			ErrorInfo: '',
			ErrorCode: 0,
			SessionId: SEED_SESSION_IDS.agent,
			CurrentState: 'Agent',
			AgentId: 'alice@example.com',
		});
	});

	it('answers by ClientUserId + CustomerServiceId', async () => {
		const { json } = await call(GET_STATE, { ClientUserId: SEED_CLIENT_USER_IDS.chatbot, CustomerServiceId: DEFAULT_CUSTOMER_SERVICE_ID });
		expect(json).toMatchObject({ ErrorCode: 0, SessionId: SEED_SESSION_IDS.chatbot, CurrentState: 'Chatbot', AgentId: '' });
	});

	it.each([
		[SEED_SESSION_IDS.queuing, 'Queuing', ''],
		[SEED_SESSION_IDS.waitingForAgent, 'WaitingForAgentAnswering', 'bob@example.com'],
		[SEED_SESSION_IDS.notInSession, 'Not in session', ''],
	])('reports seeded session %s as %s (English spelling by default)', async (sessionId, state, agentId) => {
		const { json } = await call(GET_STATE, { SessionId: sessionId });
		expect(json).toMatchObject({ ErrorCode: 0, CurrentState: state, AgentId: agentId });
	});

	it('speaks the Chinese page spelling when asked', async () => {
		sim.stateSpelling = 'zh';
		try {
			expect((await call(GET_STATE, { SessionId: SEED_SESSION_IDS.queuing })).json.CurrentState).toBe('Queueing');
			expect((await call(GET_STATE, { SessionId: SEED_SESSION_IDS.notInSession })).json.CurrentState).toBe('NotInSession');
			expect((await call(GET_STATE, { SessionId: SEED_SESSION_IDS.agent })).json.CurrentState).toBe('Agent');
		} finally {
			sim.stateSpelling = 'en';
		}
	});

	it.each([
		[{}, /SessionId, or ClientUserId with CustomerServiceId/],
		[{ SessionId: 42 }, /SessionId must be/],
		[{ SessionId: '' }, /SessionId must be/],
		[{ ClientUserId: 'user1' }, /CustomerServiceId is required/],
		[{ CustomerServiceId: DEFAULT_CUSTOMER_SERVICE_ID }, /ClientUserId is required/],
		[{ ClientUserId: ['user1'], CustomerServiceId: DEFAULT_CUSTOMER_SERVICE_ID }, /ClientUserId must be/],
	])('141004 names the parameter for %j', async (body, detail) => {
		expectFail(await call(GET_STATE, body), 141004, detail);
	});

	it('141005 for an unknown session, an ended one, or one of another app', async () => {
		expectFail(await call(GET_STATE, { SessionId: '00000000-0000-4000-8000-000000000000' }), 141005);
		expectFail(await call(GET_STATE, { SessionId: SEED_SESSION_IDS.ended }), 141005);
		expectFail(await call(GET_STATE, { ClientUserId: SEED_CLIENT_USER_IDS.ended, CustomerServiceId: DEFAULT_CUSTOMER_SERVICE_ID }), 141005);
		const foreign = sim.sessions.create({ sdkAppId: OTHER_DESK_APP.sdkAppId });
		sim.sessions.advance(foreign.sessionId, 'SessionBegin');
		expectFail(await call(GET_STATE, { SessionId: foreign.sessionId }), 141005);
	});

	it('follows sessions.advance, and rejects invalid transitions', async () => {
		const session = sim.sessions.create({ clientUserId: 'state_follower' });
		expect(() => sim.sessions.advance(session.sessionId, 'TransferToHumanSuccess')).toThrow(InvalidTransitionError);
		const states: unknown[] = [];
		for (const step of ['SessionBegin', 'TransferringToHuman', 'TransferringToHumanWait', 'TransferToHumanSuccess']) {
			sim.sessions.advance(session.sessionId, step);
			states.push((await call(GET_STATE, { SessionId: session.sessionId })).json.CurrentState);
		}
		expect(states).toEqual(['Chatbot', 'Chatbot', 'Queuing', 'Agent']);
		sim.sessions.advance(session.sessionId, 'SessionAgentEnd');
		expectFail(await call(GET_STATE, { SessionId: session.sessionId }), 141005);
	});
});

describe('request validation', () => {
	it.each(['GET', 'PUT', 'DELETE'])('60002 for %s', async (method) => {
		expectFail(await call(GET_STATE, undefined, { method }), 60002, /POST/);
	});

	it.each(['sdkappid', 'identifier', 'usersig', 'random', 'contenttype'])('60002 without %s', async (name) => {
		expectFail(await call(GET_STATE, { SessionId: SEED_SESSION_IDS.agent }, { query: { [name]: null } }), 60002, name);
	});

	it.each([
		['random', '4294967296'],
		['random', '-1'],
		['random', '1.5'],
		['random', 'abc'],
		['contenttype', 'xml'],
		['sdkappid', 'abc'],
	])('60002 when %s is %s', async (name, value) => {
		expectFail(await call(GET_STATE, { SessionId: SEED_SESSION_IDS.agent }, { query: { [name]: value } }), 60002, name);
	});

	it('accepts random at both uint32 bounds', async () => {
		for (const random of ['0', '4294967295']) {
			expect((await call(GET_STATE, { SessionId: SEED_SESSION_IDS.agent }, { query: { random } })).json.ErrorCode).toBe(0);
		}
	});

	it('60002 names an unknown command or service, after authentication', async () => {
		expectFail(await call('desk_http_svc/no_such_command'), 60002, 'desk_http_svc/no_such_command');
		expectFail(await call('no_such_svc/get_session_state'), 60002, 'no_such_svc/get_session_state');
		expectFail(await call('desk_http_svc/no_such_command', {}, { query: { usersig: 'garbage' } }), 70005);
	});

	it('60006 for an unknown SDKAppID (before the body is read)', async () => {
		expectFail(await call(GET_STATE, {}, { query: { sdkappid: '1400009999', usersig: sig({ sdkAppId: 1400009999 }) } }), 60006, '1400009999');
		expectFail(await call(GET_STATE, {}, { query: { sdkappid: '1400009999' }, raw: 'nope' }), 60006);
	});

	it.each([
		['not JSON', '{"SessionId":'],
		['an array', '[1,2]'],
		['a string', '"x"'],
		['empty', ''],
	])('60003 when the body is %s (before the UserSig is checked)', async (_what, raw) => {
		expectFail(await call(GET_STATE, undefined, { raw }), 60003);
		expectFail(await call(GET_STATE, undefined, { raw, query: { usersig: 'garbage' } }), 60003);
	});

	it.each(['garbage', 'abc!def', 'eJwrSS0u0U1KzAGABs4B_g__', sig().slice(0, 40)])('70005 for the undecodable UserSig %s', async (usersig) => {
		expectFail(await call(GET_STATE, { SessionId: SEED_SESSION_IDS.agent }, { query: { usersig } }), 70005);
	});

	it('70014 when the UserSig is for another SDKAppID', async () => {
		expectFail(await call(GET_STATE, {}, { query: { usersig: sig({ sdkAppId: OTHER_DESK_APP.sdkAppId }) } }), 70014, String(OTHER_DESK_APP.sdkAppId));
	});

	it('70013 when the UserSig is for another identifier', async () => {
		expectFail(await call(GET_STATE, {}, { query: { usersig: sig({ identifier: 'someone_else' }) } }), 70013, 'someone_else');
	});

	it('70001 when the UserSig expired (checked before the key)', async () => {
		const expired = { time: nowSeconds() - 7200, expire: 3600 };
		expectFail(await call(GET_STATE, {}, { query: { usersig: sig(expired) } }), 70001);
		expectFail(await call(GET_STATE, {}, { query: { usersig: sig(expired, 'a'.repeat(64)) } }), 70001);
	});

	it('70003 for a wrong secret key, without leaking key or UserSig', async () => {
		const usersig = sig({}, 'a'.repeat(64));
		const answer = await call(GET_STATE, { SessionId: SEED_SESSION_IDS.agent }, { query: { usersig } });
		expectFail(answer, 70003);
		expect(answer.text).not.toContain(DEFAULT_SECRET_KEY);
		expect(answer.text).not.toContain('a'.repeat(64));
		expect(answer.text).not.toContain(usersig);
	});

	it('60010 when the identifier is not an App admin', async () => {
		const answer = await call(GET_STATE, { SessionId: SEED_SESSION_IDS.agent }, { query: { identifier: 'user1', usersig: sig({ identifier: 'user1' }) } });
		expectFail(answer, 60010, 'user1');
	});

	it('141000 for Desk commands of a non-Desk app, which still answers IM commands', async () => {
		const query = { sdkappid: String(PLAIN_APP.sdkAppId), usersig: sig({ sdkAppId: PLAIN_APP.sdkAppId }, PLAIN_APP.secretKey) };
		expectFail(await call(GET_STATE, { SessionId: SEED_SESSION_IDS.agent }, { query }), 141000);
		expect((await call(ACCOUNT_CHECK, { CheckItem: [{ UserID: DEFAULT_ADMIN_IDENTIFIER }] }, { query })).json.ErrorCode).toBe(0);
	});
});

describe('UserSig from the official tls-sig-api-v2 package', () => {
	it('is accepted (compressed deflate, not only stored blocks)', async () => {
		const usersig = new OfficialSigApi(DEFAULT_SDK_APP_ID, DEFAULT_SECRET_KEY).genUserSig(DEFAULT_ADMIN_IDENTIFIER, 86400);
		// zlib.deflateSync at the default level emits a compressed block (BTYPE 01/10), never stored.
		const bytes = Buffer.from(usersig.replace(/\*/g, '+').replace(/-/g, '/').replace(/_/g, '='), 'base64');
		expect(bytes[2] & 0b110).not.toBe(0);
		const { json } = await call(GET_STATE, { SessionId: SEED_SESSION_IDS.agent }, { query: { usersig } });
		expect(json).toMatchObject({ ActionStatus: 'OK', ErrorCode: 0, CurrentState: 'Agent' });
	});

	it('with another key is 70003', async () => {
		const usersig = new OfficialSigApi(DEFAULT_SDK_APP_ID, 'b'.repeat(64)).genUserSig(DEFAULT_ADMIN_IDENTIFIER, 86400);
		expectFail(await call(GET_STATE, { SessionId: SEED_SESSION_IDS.agent }, { query: { usersig } }), 70003);
	});
});

describe('account_check', () => {
	it('reports admins, the customer-service account and session users as imported', async () => {
		const { json } = await call(ACCOUNT_CHECK, {
			CheckItem: [{ UserID: DEFAULT_ADMIN_IDENTIFIER }, { UserID: 'nobody_here' }, { UserID: SEED_CLIENT_USER_IDS.agent }, { UserID: DEFAULT_CUSTOMER_SERVICE_ID }],
		});
		expect(json).toMatchObject({ ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' });
		expect(json.ResultItem).toEqual([
			{ UserID: DEFAULT_ADMIN_IDENTIFIER, ResultCode: 0, ResultInfo: '', AccountStatus: 'Imported' },
			{ UserID: 'nobody_here', ResultCode: 0, ResultInfo: '', AccountStatus: 'NotImported' },
			{ UserID: SEED_CLIENT_USER_IDS.agent, ResultCode: 0, ResultInfo: '', AccountStatus: 'Imported' },
			{ UserID: DEFAULT_CUSTOMER_SERVICE_ID, ResultCode: 0, ResultInfo: '', AccountStatus: 'Imported' },
		]);
	});

	it.each([{}, { CheckItem: [] }, { CheckItem: [{ UserID: 7 }] }, { CheckItem: 'x' }])('rejects %j', async (body) => {
		expectFail(await call(ACCOUNT_CHECK, body), 70402, 'CheckItem');
	});

	it('runs the same authentication first', async () => {
		expectFail(await call(ACCOUNT_CHECK, { CheckItem: [{ UserID: 'x' }] }, { query: { usersig: sig({}, 'c'.repeat(64)) } }), 70003);
	});
});

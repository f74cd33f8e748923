/**
 * Fault injection and stats over real HTTP: failNext, omitField, the 141002 and HTTP 502 shares, the
 * per-SDKAppID rate limit (141009 / 60011), latency, late answers to requests already carried out,
 * and the counters benchmarks read.
 */
import { generateUserSig } from '../../../nodes/shared/userSig';
import { DEFAULT_ADMIN_IDENTIFIER, DEFAULT_SDK_APP_ID, DEFAULT_SECRET_KEY, SEED_SESSION_IDS, startDeskSimulator, type DeskSimulator } from '..';

const GET_STATE = 'desk_http_svc/get_session_state';
const ACCOUNT_CHECK = 'im_open_login_svc/account_check';

let sim: DeskSimulator;
let usersig: string;

beforeAll(async () => {
	sim = await startDeskSimulator();
	usersig = generateUserSig(
		{ sdkAppId: DEFAULT_SDK_APP_ID, identifier: DEFAULT_ADMIN_IDENTIFIER, time: Math.floor(Date.now() / 1000), expire: 3600 },
		DEFAULT_SECRET_KEY,
	);
});

afterAll(async () => {
	await sim.close();
});

beforeEach(() => {
	sim.faults.reset();
	sim.faults.setRateLimit(0); // only the rate-limit tests turn it on
	sim.resetStats();
});

function restUrl(base: string, command: string): string {
	return `${base}/v4/${command}?sdkappid=${DEFAULT_SDK_APP_ID}&identifier=${DEFAULT_ADMIN_IDENTIFIER}&usersig=${usersig}&random=${Math.floor(Math.random() * 1e9)}&contenttype=json`;
}

async function call(command = GET_STATE, body: unknown = { SessionId: SEED_SESSION_IDS.agent }, base = sim.url) {
	const response = await fetch(restUrl(base, command), { method: 'POST', body: JSON.stringify(body) });
	const text = await response.text();
	let json: Record<string, unknown> | undefined;
	try {
		json = JSON.parse(text);
	} catch {
		json = undefined;
	}
	return { status: response.status, text, contentType: response.headers.get('content-type'), json };
}

/** A burst whose requests all land in the same instant, however slow the machine: the window sees them together. */
async function codes(count: number, command = GET_STATE): Promise<Array<number | string>> {
	const now = Date.now();
	const frozen = jest.spyOn(Date, 'now').mockReturnValue(now);
	const body = command === GET_STATE ? undefined : { CheckItem: [{ UserID: 'x' }] };
	const answers = await Promise.all(Array.from({ length: count }, () => call(command, body))).finally(() =>
		frozen.mockRestore(),
	);
	return answers.map((answer) => (answer.json ? (answer.json.ErrorCode as number) : `http${answer.status}`));
}

describe('failNext', () => {
	it('fails exactly the next K requests with the given code, then answers normally', async () => {
		sim.faults.failNext(2, 141002);
		expect(sim.faults.get().forcedFailuresPending).toBe(2);
		const answers = [await call(), await call(), await call()];
		expect(answers.map((a) => a.json?.ErrorCode)).toEqual([141002, 141002, 0]);
		expect(answers[0].status).toBe(200);
		expect(answers[0].json).toMatchObject({ ActionStatus: 'FAIL', ErrorInfo: expect.stringContaining('Desk internal error') });
		expect(sim.faults.get().forcedFailuresPending).toBe(0);
	});

	it('queues several requests and HTTP statuses (code < 1000)', async () => {
		sim.faults.failNext(1, 502);
		sim.faults.failNext(1, 70001);
		const first = await call();
		expect(first.status).toBe(502);
		expect(first.contentType).toMatch(/^text\/plain/);
		expect(first.text).toBe('502 Bad Gateway');
		expect((await call()).json?.ErrorCode).toBe(70001);
		expect((await call()).json?.ErrorCode).toBe(0);
	});

	it('rejects nonsense', () => {
		expect(() => sim.faults.failNext(-1, 141002)).toThrow(RangeError);
		expect(() => sim.faults.failNext(1, 700)).toThrow(RangeError);
		expect(() => sim.faults.set({ internalErrorRate: 1.5 })).toThrow(RangeError);
		expect(() => sim.faults.set({ latencyMs: -5 })).toThrow(RangeError);
		expect(sim.faults.get().internalErrorRate).toBe(0);
	});
});

describe('answerLateNext', () => {
	const SEND_MSG = 'desk_http_svc/send_msg';
	const message = (Text: string) => ({ SessionId: SEED_SESSION_IDS.queuing, MsgRandom: 7, MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text } }] });
	const texts = async () => {
		const history = await call('desk_http_svc/describe_chat_messages', { SessionId: SEED_SESSION_IDS.queuing, Limit: 100, Order: 1 });
		return (history.json?.Messages as Array<{ MsgBody: Array<{ MsgContent: { Text?: string } }> }>).map((m) => m.MsgBody[0].MsgContent.Text);
	};

	it('carries out the request, then holds its answer back: a client that gives up meanwhile cannot tell it was done', async () => {
		sim.faults.answerLateNext(1, 600, SEND_MSG);
		expect(sim.faults.get().lateAnswersPending).toBe(1);
		const started = Date.now();
		const late = fetch(restUrl(sim.url, SEND_MSG), { method: 'POST', body: JSON.stringify(message('sent, answer lost')), signal: AbortSignal.timeout(150) });
		await expect(late).rejects.toThrow();
		expect(Date.now() - started).toBeLessThan(600);
		expect(await texts()).toContain('sent, answer lost');
		// Only the named command, and only the next one, is late.
		expect((await call()).json?.ErrorCode).toBe(0);
		const next = Date.now();
		expect((await call(SEND_MSG, message('on time'))).json?.ErrorCode).toBe(0);
		expect(Date.now() - next).toBeLessThan(500);
		expect(sim.faults.get().lateAnswersPending).toBe(0);
	});

	it('answers a patient client in full after the delay', async () => {
		sim.faults.answerLateNext(1, 200);
		const started = Date.now();
		expect((await call()).json).toMatchObject({ ErrorCode: 0, CurrentState: expect.any(String) });
		expect(Date.now() - started).toBeGreaterThanOrEqual(190);
	});

	it('is set over the control API and rejects nonsense', async () => {
		const set = await fetch(`${sim.url}/_simulator/faults`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ answerLateNext: { count: 2, delayMs: 50, command: SEND_MSG } }),
		});
		expect(await set.json()).toMatchObject({ lateAnswersPending: 2 });
		expect(() => sim.faults.answerLateNext(-1, 10)).toThrow(RangeError);
		expect(() => sim.faults.answerLateNext(1, -10)).toThrow(RangeError);
		expect(() => sim.faults.answerLateNext(1, 10, 'send_msg')).toThrow(RangeError);
		sim.faults.reset();
		expect(sim.faults.get().lateAnswersPending).toBe(0);
	});
});

describe('omitField', () => {
	const TRACE = 'desk_http_svc/describe_member_status_trace';
	const traceBody = () => ({ BeginTime: Math.floor(Date.now() / 1000) - 30 * 86_400, EndTime: Math.floor(Date.now() / 1000), Order: 1, MemberID: 'alice@example.com' });
	const statusList = async () => (await call(TRACE, traceBody())).json?.StatusList as Array<Record<string, unknown>>;

	it('leaves the field out of every record of the next answers to that command only, then answers in full', async () => {
		sim.faults.omitField('describe_member_status_trace', 'Timestamp', 2);
		expect((await call()).json?.ErrorCode).toBe(0);
		for (let answer = 0; answer < 2; answer++) {
			const records = await statusList();
			expect(records.length).toBeGreaterThan(0);
			expect(records.every((record) => !('Timestamp' in record) && typeof record.Status === 'string')).toBe(true);
		}
		expect((await statusList()).every((record) => typeof record.Timestamp === 'number')).toBe(true);
	});

	it('is set through POST /_simulator/faults, and reset clears it', async () => {
		const set = await fetch(`${sim.url}/_simulator/faults`, {
			method: 'POST',
			body: JSON.stringify({ omitField: { command: 'describe_member_status_trace', field: 'Status' } }),
		});
		expect(set.status).toBe(200);
		expect((await statusList()).every((record) => !('Status' in record))).toBe(true);
		sim.faults.omitField('describe_member_status_trace', 'Status');
		sim.faults.reset();
		expect((await statusList()).every((record) => 'Status' in record)).toBe(true);
		const bad = await fetch(`${sim.url}/_simulator/faults`, { method: 'POST', body: JSON.stringify({ omitField: { field: 'Status' } }) });
		expect(bad.status).toBe(400);
		expect(() => sim.faults.omitField('x', 'y', 0)).toThrow(RangeError);
	});
});

describe('random faults', () => {
	it('answers 141002 for the configured share of Desk requests only', async () => {
		sim.faults.setInternalErrorRate(1);
		expect(await codes(5)).toEqual([141002, 141002, 141002, 141002, 141002]);
		expect(await codes(2, ACCOUNT_CHECK)).toEqual([0, 0]);
		sim.faults.setInternalErrorRate(0);
		expect(await codes(3)).toEqual([0, 0, 0]);
	});

	it('uses the share with the random source (half of them at 0.5)', async () => {
		let flip = 0;
		const seeded = await startDeskSimulator({ random: () => (flip++ % 2 === 0 ? 0.25 : 0.75), faults: { internalErrorRate: 0.5, rateLimitPerSecond: 0 } });
		try {
			const answers: unknown[] = [];
			for (let i = 0; i < 10; i++) answers.push((await call(GET_STATE, undefined, seeded.url)).json?.ErrorCode);
			expect(answers.filter((code) => code === 141002)).toHaveLength(5);
			expect(answers.filter((code) => code === 0)).toHaveLength(5);
		} finally {
			await seeded.close();
		}
	});

	it('answers HTTP 502 with a plain-text body for the configured share', async () => {
		sim.faults.setHttp502Rate(1);
		const answer = await call();
		expect(answer.status).toBe(502);
		expect(answer.json).toBeUndefined();
		expect(answer.text).toBe('502 Bad Gateway');
		expect(sim.stats().byHttpStatus).toEqual({ 502: 1 });
	});

	it('adds latency', async () => {
		sim.faults.setLatency(150);
		const started = Date.now();
		expect((await call()).json?.ErrorCode).toBe(0);
		expect(Date.now() - started).toBeGreaterThanOrEqual(140);
	});
});

describe('rate limit', () => {
	it('answers 141009 above N requests per second per SDKAppID, and recovers after the window', async () => {
		sim.faults.setRateLimit(5);
		const burst = await codes(12);
		expect(burst.filter((code) => code === 0)).toHaveLength(5);
		expect(burst.filter((code) => code === 141009)).toHaveLength(7);
		expect(sim.stats().peakRequestsPerSecond).toBeGreaterThanOrEqual(12);
		await new Promise((resolve) => setTimeout(resolve, 1100));
		expect((await call()).json?.ErrorCode).toBe(0);
	});

	it('answers 60011 for IM commands over the limit', async () => {
		sim.faults.setRateLimit(2);
		const burst = await codes(4, ACCOUNT_CHECK);
		expect(burst.filter((code) => code === 60011)).toHaveLength(2);
	});

	it('defaults to 200/s like Tencent', async () => {
		sim.faults.reset();
		expect(sim.faults.get().rateLimitPerSecond).toBe(200);
		const burst = await codes(230);
		expect(burst.filter((code) => code === 0)).toHaveLength(200);
		expect(burst.filter((code) => code === 141009)).toHaveLength(30);
	});
});

describe('stats', () => {
	it('counts requests per command and per ErrorCode, and the peak rate', async () => {
		await call();
		await call(GET_STATE, { SessionId: 'missing' });
		await call(ACCOUNT_CHECK, { CheckItem: [{ UserID: 'x' }] });
		await fetch(`${sim.url}/v4/desk_http_svc/get_session_state`);
		const stats = sim.stats();
		expect(stats.totalRequests).toBe(4);
		expect(stats.byCommand).toEqual({ [GET_STATE]: 3, [ACCOUNT_CHECK]: 1 });
		expect(stats.byErrorCode).toEqual({ 0: 2, 141005: 1, 60002: 1 });
		expect(stats.byHttpStatus).toEqual({ 200: 4 });
		expect(stats.peakRequestsPerSecond).toBeGreaterThanOrEqual(1);
		expect(stats.peakRequestsPerSecondByApp[String(DEFAULT_SDK_APP_ID)]).toBeGreaterThanOrEqual(1);
		sim.resetStats();
		expect(sim.stats()).toMatchObject({ totalRequests: 0, byCommand: {}, peakRequestsPerSecond: 0 });
	});
});

describe('control API', () => {
	it('sets faults, reads stats, and reports bad input as HTTP 400', async () => {
		const post = (path: string, body: unknown) =>
			fetch(`${sim.url}/_simulator/${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
		const set = await post('faults', { latencyMs: 5, failNext: { count: 1, code: 141009 } });
		expect(set.status).toBe(200);
		expect(await set.json()).toMatchObject({ latencyMs: 5, forcedFailuresPending: 1 });
		expect((await call()).json?.ErrorCode).toBe(141009);
		const stats = (await (await fetch(`${sim.url}/_simulator/stats`)).json()) as { byErrorCode: Record<string, number> };
		expect(stats.byErrorCode).toEqual({ 141009: 1 });
		expect((await post('faults', { http502Rate: 3 })).status).toBe(400);
		expect((await post('faults', { reset: true })).status).toBe(200);
		expect(sim.faults.get()).toMatchObject({ latencyMs: 0, http502Rate: 0, rateLimitPerSecond: 200 });
		expect((await fetch(`${sim.url}/_simulator/nope`)).status).toBe(404);
	});

	it('is not counted as REST traffic and ignores REST faults', async () => {
		sim.faults.setHttp502Rate(1);
		expect((await fetch(`${sim.url}/_simulator/health`)).status).toBe(200);
		expect(sim.stats().totalRequests).toBe(0);
	});
});

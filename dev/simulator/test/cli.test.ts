/**
 * `npm run simulator` as a separate process: prints what to paste into n8n, is driven through
 * the control API (play, sessions), and stops cleanly on SIGTERM.
 *
 * The CLI runs in one Node process with tsx as its loader (`node --import tsx`), not under the
 * `tsx` command: that command runs the script in a child process and, on a SIGTERM sent to it
 * alone, gives the child 30 ms to acknowledge the signal before it SIGKILLs it and exits 143, so a
 * loaded machine (a child whose event loop is busy for longer) failed the SIGTERM test.
 */
import { spawn, type ChildProcess } from 'child_process';
import http from 'http';

import { DEFAULT_ADMIN_IDENTIFIER, DEFAULT_CALLBACK_TOKEN, DEFAULT_SDK_APP_ID, DEFAULT_SECRET_KEY, SEED_SESSION_IDS } from '..';
import { REPO_ROOT } from '../../paths';

const ROOT = REPO_ROOT;

let child: ChildProcess;
let output = '';
let baseUrl = '';
const hookBodies: string[] = [];
const hook = http.createServer((req, res) => {
	const chunks: Buffer[] = [];
	req.on('data', (chunk: Buffer) => chunks.push(chunk));
	req.on('end', () => {
		hookBodies.push(Buffer.concat(chunks).toString('utf8'));
		res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0}');
	});
});

beforeAll(async () => {
	await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
	const hookUrl = `http://127.0.0.1:${(hook.address() as { port: number }).port}/hook`;
	child = spawn(process.execPath, ['--import', 'tsx', 'dev/simulator/cli.ts', '--port', '0', '--callback-url', hookUrl], {
		cwd: ROOT,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
	child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const deadline = Date.now() + 20_000;
	while (!/Control API index/.test(output)) {
		if (Date.now() > deadline || child.exitCode !== null) throw new Error(`CLI did not start:\n${output}`);
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
	baseUrl = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1] ?? '';
}, 30_000);

afterAll(async () => {
	if (child.exitCode === null) child.kill('SIGKILL');
	await new Promise<void>((resolve) => {
		hook.close(() => resolve());
		hook.closeAllConnections();
	});
});

it('prints the base URL and every credential value', () => {
	expect(baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
	for (const value of ['Custom', `Base URL          ${baseUrl}`, String(DEFAULT_SDK_APP_ID), DEFAULT_ADMIN_IDENTIFIER, DEFAULT_SECRET_KEY, DEFAULT_CALLBACK_TOKEN]) {
		expect(output).toContain(value);
	}
	expect(output).toContain('/_simulator/play');
	expect(output).toContain(SEED_SESSION_IDS.agent);
});

it('plays a script through the control API to the configured callback URL', async () => {
	const response = await fetch(`${baseUrl}/_simulator/play`, { method: 'POST', body: JSON.stringify({ script: 'happyPath' }) });
	const { results } = (await response.json()) as { results: Array<{ ok: boolean; event: string }> };
	expect(results.length).toBeGreaterThan(10);
	expect(results.every((r) => r.ok)).toBe(true);
	expect(hookBodies.map((body) => JSON.parse(body).Event)).toEqual(results.map((r) => r.event));
});

it('creates and advances sessions through the control API', async () => {
	const post = (route: string, body: unknown) => fetch(`${baseUrl}/_simulator/${route}`, { method: 'POST', body: JSON.stringify(body) });
	const { session } = (await (await post('sessions', { clientUserId: 'cli_user', channelType: 'Web' })).json()) as { session: { sessionId: string } };
	const advanced = await post(`sessions/${session.sessionId}/advance`, { event: 'SessionBegin' });
	expect(advanced.status).toBe(200);
	expect(await advanced.json()).toMatchObject({ session: { phase: 'Chatbot', channelType: 'Web' }, callback: { ok: true, event: 'SessionBegin' } });
	expect((await post(`sessions/${session.sessionId}/advance`, { event: 'SessionEnd' })).status).toBe(409);
	const fetched = (await (await fetch(`${baseUrl}/_simulator/sessions/${session.sessionId}`)).json()) as { session: { phase: string } };
	expect(fetched.session.phase).toBe('Chatbot');
});

it('stops cleanly on SIGTERM', async () => {
	const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
	child.kill('SIGTERM');
	expect(await exited).toBe(0);
	// Its own handler stopped it (a kill would also end the process, but not print this).
	expect(output).toContain('SIGTERM: stopping');
	await expect(fetch(`${baseUrl}/_simulator/health`)).rejects.toThrow();
}, 20_000);

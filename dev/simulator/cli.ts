/**
 * `npm run simulator [-- --port 8990 --callback-url http://localhost:5678/webhook/… --token t]`:
 * starts the simulator, prints what to paste into n8n's credential, stops on Ctrl-C / SIGTERM.
 */
import { parseArgs } from 'util';

import { isStateSpelling } from './currentState';
import { DEFAULT_CLI_PORT, DEFAULT_HOST, SEED_SESSION_IDS } from './defaults';
import { startDeskSimulator } from './deskSimulator';
import { isScriptName, SCRIPTS } from './scripts';
import type { CallbackResult } from './types';

const USAGE = `Usage: npm run simulator -- [options]
  --port <n>             port (default ${DEFAULT_CLI_PORT}; 0 = any free port)
  --host <ip>            interface (default ${DEFAULT_HOST})
  --callback-url <url>   where callbacks go (the n8n Trigger's webhook URL)
  --token <token>        callback token ('' = send no Sign)
  --play <script>        play this script once at start (needs --callback-url)
  --state-spelling <en|zh>
  --latency <ms>         add latency to every REST answer
  --rate-limit <n>       requests/s per SDKAppID before 141009 (0 = off)
  --no-seed              start without the seed sessions
  --help`;

async function main(): Promise<void> {
	const { values } = parseArgs({
		options: {
			port: { type: 'string' },
			host: { type: 'string' },
			'callback-url': { type: 'string' },
			token: { type: 'string' },
			play: { type: 'string' },
			'state-spelling': { type: 'string' },
			latency: { type: 'string' },
			'rate-limit': { type: 'string' },
			'no-seed': { type: 'boolean' },
			help: { type: 'boolean' },
		},
	});
	if (values.help) {
		console.log(USAGE);
		return;
	}
	const spelling = values['state-spelling'];
	if (spelling !== undefined && !isStateSpelling(spelling)) throw new Error('--state-spelling must be en or zh');
	if (values.play !== undefined && !isScriptName(values.play)) {
		throw new Error(`--play: unknown script (known: ${Object.keys(SCRIPTS).join(', ')})`);
	}

	const sim = await startDeskSimulator({
		port: numberFlag('port', values.port) ?? DEFAULT_CLI_PORT,
		host: values.host,
		callbackUrl: values['callback-url'],
		app: values.token === undefined ? {} : { callbackToken: values.token },
		stateSpelling: spelling,
		seed: !values['no-seed'],
		faults: {
			...(values.latency !== undefined && { latencyMs: numberFlag('latency', values.latency) }),
			...(values['rate-limit'] !== undefined && { rateLimitPerSecond: numberFlag('rate-limit', values['rate-limit']) }),
		},
	});
	const { app } = sim;
	console.log(`Tencent Cloud Desk simulator listening on ${sim.url}

n8n credential "Tencent Cloud Desk API":
${[
	['Region', 'Custom (Simulator or Proxy)'],
	['Base URL', sim.url],
	['SDKAppID', String(app.sdkAppId)],
	['Admin Identifier', app.adminIdentifier],
	['Secret Key', app.secretKey],
	['Callback Token', app.callbackToken || '(none)'],
]
	.map(([name, value]) => `  ${name.padEnd(17)} ${value}`)
	.join('\n')}

Seeded sessions (get_session_state by SessionId):
${sim.sessions
	.list()
	.filter((s) => s.phase !== 'Ended' || s.sessionId === SEED_SESSION_IDS.ended)
	.map((s) => `  ${s.sessionId}  ${s.phase.padEnd(24)} ${s.clientUserId}${s.agentId ? `  ${s.agentId}` : ''}`)
	.join('\n')}
  … and ${sim.sessions.list().filter((s) => s.phase === 'Ended' && s.sessionId !== SEED_SESSION_IDS.ended).length} more ended sessions (describe_im_cdr_list); ${sim.agents.length} agents (get_member_list)

Play a script (${Object.keys(SCRIPTS).join(', ')}):
  curl -s -X POST ${sim.url}/_simulator/play -H 'Content-Type: application/json' \\
    -d '{"script":"happyPath","callbackUrl":"${sim.callbackUrl ?? 'http://localhost:5678/webhook/…'}"}'
Control API index: ${sim.url}/_simulator/   Stop: Ctrl-C`);

	let stopping = false;
	const stop = (signal: string) => {
		if (stopping) return;
		stopping = true;
		console.log(`\n${signal}: stopping`);
		sim.close().then(
			() => process.exit(0),
			() => process.exit(1),
		);
	};
	process.on('SIGINT', () => stop('SIGINT'));
	process.on('SIGTERM', () => stop('SIGTERM'));

	if (values.play !== undefined) {
		const results = await sim.playScript(values.play, undefined, { onResult: printAck });
		console.log(`${values.play}: ${results.filter((r) => r.ok).length}/${results.length} callbacks acknowledged with HTTP 200`);
	}
}

function printAck(result: CallbackResult): void {
	const ack = result.status === null ? `failed (${result.error})` : `HTTP ${result.status} ${result.responseText.slice(0, 80)}`;
	console.log(`  ${result.event ?? '?'} → ${ack} in ${result.latencyMs} ms`);
}

function numberFlag(name: string, value: string | undefined): number | undefined {
	if (value === undefined) return undefined;
	const number = Number(value);
	if (value.trim() === '' || !Number.isFinite(number) || number < 0) throw new Error(`--${name} must be a number >= 0`);
	return number;
}

main().catch((error: Error) => {
	console.error(`simulator: ${error.message}`);
	process.exit(1);
});

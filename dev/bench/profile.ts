/**
 * Where does a callback's CPU time go inside n8n? Boots n8n with `--cpu-prof` (main process), sends
 * callbacks to one side, stops n8n (the profile is written at exit) and summarizes the samples taken
 * while the load ran.
 *
 *   npx tsx bench/profile.ts [ours|bare|diy] [legacy|default|tuned] [count]
 *   npx tsx bench/profile.ts [action-ours|action-diy] [legacy|default|tuned] [items]   (Get State, no rate limit)
 *   npx tsx bench/profile.ts [decisions-ours|decisions-n8n] [legacy|default|tuned] [count] [rate]
 *     (section 7's VIP routing, one side: `count` signed ChatBot.OnAssignHuman callbacks open loop at `rate`/s,
 *     default DECISION_PROFILE_RATE, after section 7's warm-up; CPU per decision)
 *
 * Prints the summary and writes it next to the raw profile under bench/out/profiles/.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'fs';
import { join } from 'path';

import { startShopStandIn } from '../harness/shopStandIn';
import { startDeskSimulator, type DeskSimulator } from '../simulator';
import { createSessions, runActionScenario } from './action';
import { runCallbackScenario } from './callbacks';
import { benchConfig } from './config';
import { deployDecisionTargets } from './decisionRun';
import { measureDecisionSetting, prepareShop } from './decisions';
import { ENGINE_SETTINGS, packForBench, startBenchInstance, type BenchInstance, type EngineSetting } from './n8nSetup';
import { callersOf, formatProfile, summarizeProfile } from './profileSummary';
import { bareWebhookWorkflow, diyActionWorkflow, diyCallbackWorkflow, ourActionWorkflow, ourTriggerWorkflow, type BenchWorkflow } from './workflows';

const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);

const SIDES = ['ours', 'bare', 'diy', 'action-ours', 'action-diy', 'decisions-ours', 'decisions-n8n'];

/**
 * The decisions mode's default open-loop rate: below both sides' sustained rate with the profiler on, on a shared
 * 2-core machine, so neither sheds, falls back or queues (at 15/s, load average 7, ours fell back on half the
 * callbacks: that profiles the overload, not the work). Pick a rate where both sides answer every callback.
 */
const DECISION_PROFILE_RATE = 8;

/**
 * What the decisions mode names (frameMatcher specs): n8n's per-request and per-node work, and ours. `webhook@…`
 * and `execute@…` pick one node's function out of every node's same-named one; `*@…answerGuard` is the guard's
 * unnamed closures (the reply overrides n8n calls).
 */
const DECISION_FUNCTIONS = [
	'executeWebhook',
	'runWebhook',
	'acquireIsolate',
	'getNodeParameter',
	'getParentNodes',
	'getWorkflowDataProxy',
	'sendResponse',
	'getCredentials',
	'webhook@/nodes/node_modules/n8n-nodes-tencent-desk/',
	'webhook@n8n-nodes-base/dist/nodes/Webhook/',
	'execute@TencentCloudDeskDecisionAnswer',
	'execute@RespondToWebhook',
	'execute@HttpRequest',
	'execute@nodes/If/',
	'*@TencentCloudDeskDecisionTrigger/answerGuard',
	'runNode',
	// n8n's check of every node's parameters at each execution start: a resource locator's ID regex runs in
	// safeRegex (a vm script with a timeout, so a watchdog thread per test). The VIP example has three.
	'checkReadyForExecution',
	'test@safe-regex',
];

/** The cpuprofile n8n's main process (pid) wrote at exit. */
function profileOf(outDir: string, pid: number | undefined): string {
	const file = readdirSync(outDir).find((name) => name.endsWith('.cpuprofile') && name.includes(`.${pid}.`));
	if (!file) throw new Error(`no profile for pid ${pid} in ${outDir}: ${readdirSync(outDir).join(', ')}`);
	return join(outDir, file);
}

/**
 * Section 7's VIP routing work, one side, profiled: the same workflow (vipWorkflows.ts), CRM stand-in, signed
 * callbacks, warm-up and open-loop measurement (decisions.ts), at one rate. Per decision: busy CPU, by area, and
 * under the functions that differ between the sides.
 */
async function profileDecisions(
	simulator: DeskSimulator,
	instance: BenchInstance,
	setting: EngineSetting,
	load: { side: 'ours' | 'n8n'; count: number; ratePerSecond: number },
	outDir: string,
): Promise<string> {
	const { side, count, ratePerSecond } = load;
	const shop = await startShopStandIn();
	try {
		prepareShop(shop);
		const targets = await deployDecisionTargets(instance, shop, setting.key, [side]);
		const window = { startUs: 0, endUs: 0 };
		const config = { ...benchConfig('full'), decisionRates: [{ ratePerSecond, count }] };
		const { runs } = await measureDecisionSetting(simulator, targets, {
			config,
			search: false,
			log: (line) => process.stdout.write(`${line}\n`),
			loadWindow: { onLoadStart: () => (window.startUs = monotonicUs()), onLoadEnd: () => (window.endUs = monotonicUs()) },
		});
		const run = runs[0];
		await instance.stop();
		const profileFile = profileOf(outDir, instance.n8n.pid);
		// For further questions to the same profile (callersOf with another name, over the same window).
		writeFileSync(join(outDir, 'window.json'), `${JSON.stringify({ ...window, count })}\n`);
		const per = (ms: number) => `${((ms * 1000) / count).toFixed(0)} µs per decision`;
		const callers = DECISION_FUNCTIONS.map((fn) => {
			const list = callersOf(profileFile, fn, window).slice(0, 4);
			return list.length === 0 ? `Callers of ${fn}(): none sampled` : [`Callers of ${fn}():`, ...list.map(({ chain, ms }) => `  ${ms.toFixed(0).padStart(7)} ms (${per(ms)})  ${chain}`)].join('\n');
		});
		const { answeredBy } = run;
		return (
			`n8n main process CPU profile: decisions-${side}, ${setting.label}, ${count} callbacks open loop at ${ratePerSecond}/s (after ${config.decisionWarmup} one at a time)\n` +
			`answers: workflow ${answeredBy.workflow}, fallback ${answeredBy.fallback}, other ${answeredBy.other}, failed ${answeredBy.failed}; ` +
			`p50 ${run.p50Ms.toFixed(0)} ms, p99 ${run.p99Ms.toFixed(0)} ms, max ${run.maxMs.toFixed(0)} ms; executions ${JSON.stringify(run.executions)}; ` +
			`load average ${run.loadAverageAfter} right after (start lag max ${run.pacing.maxStartLagMs.toFixed(0)} ms)\n` +
			`${formatProfile(summarizeProfile(profileFile, window, DECISION_FUNCTIONS), count)}\n${callers.join('\n')}\n(profile: ${profileFile})`
		);
	} finally {
		await shop.close();
	}
}

async function main(): Promise<void> {
	const [side = 'ours', engine = 'legacy', countArg = '500'] = process.argv.slice(2);
	if (!SIDES.includes(side) || !(engine === 'legacy' || engine === 'default' || engine === 'tuned')) {
		throw new Error(`usage: tsx bench/profile.ts [${SIDES.join('|')}] [legacy|default|tuned] [count]`);
	}
	const count = Number(side.startsWith('decisions-') && process.argv[4] === undefined ? '300' : countArg);
	const outDir = join(__dirname, 'out', 'profiles', `${side}-${engine}-${Date.now()}`);
	mkdirSync(outDir, { recursive: true });
	const simulator = await startDeskSimulator({ seed: false });
	const { tarball } = await packForBench(true);
	const instance = await startBenchInstance(ENGINE_SETTINGS[engine], {
		tarball,
		simulator,
		extraEnv: { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${outDir}` },
		log: (line) => process.stdout.write(`${line}\n`),
	});
	try {
		if (side === 'decisions-ours' || side === 'decisions-n8n') {
			const ratePerSecond = Number(process.argv[5] ?? DECISION_PROFILE_RATE);
			if (!(ratePerSecond > 0)) throw new Error(`rate must be a positive number of callbacks per second, got ${process.argv[5]}`);
			const text = await profileDecisions(simulator, instance, ENGINE_SETTINGS[engine], { side: side === 'decisions-ours' ? 'ours' : 'n8n', count, ratePerSecond }, outDir);
			writeFileSync(join(outDir, 'summary.txt'), `${text}\n`);
			process.stdout.write(`${text}\n`);
			return;
		}
		if (side.startsWith('action-')) {
			const ids = createSessions(simulator, count);
			const app = { sdkAppId: simulator.app.sdkAppId, identifier: simulator.app.adminIdentifier, secretKey: simulator.app.secretKey };
			const deployedAction = await instance.deploy(side === 'action-ours' ? ourActionWorkflow('no limit', { requestsPerSecond: 0 }) : diyActionWorkflow(simulator.url, app));
			await runActionScenario(instance, simulator, side, deployedAction, ids.slice(0, 20), 0);
			const window = { startUs: monotonicUs(), endUs: 0 };
			const run = await runActionScenario(instance, simulator, side, deployedAction, ids, 0);
			window.endUs = monotonicUs();
			await instance.stop();
			const file = readdirSync(outDir).find((name) => name.endsWith('.cpuprofile') && name.includes(`.${instance.n8n.pid}.0.`));
			if (!file) throw new Error(`no profile for pid ${instance.n8n.pid} in ${outDir}`);
			const profileFile = join(outDir, file);
			const callers = ['acquireIsolate', 'getCredentials', 'getNodeParameter', 'httpRequestWithAuthentication'].map((fn) => {
				const list = callersOf(profileFile, fn, window).slice(0, 4);
				return [`Callers of ${fn}():`, ...list.map(({ chain, ms }) => `  ${ms.toFixed(0).padStart(7)} ms (${((ms * 1000) / count).toFixed(0)} µs per item)  ${chain}`)].join('\n');
			});
			const text = `n8n main process CPU profile: ${side}, ${ENGINE_SETTINGS[engine].label}, ${count} items, no rate limit\n` +
				`${run.itemsPerSecond.toFixed(1)} items/s (${JSON.stringify(run.nodeSeconds)})\n` +
				`${formatProfile(summarizeProfile(profileFile, window, ['execute', 'getNodeParameter', 'acquireIsolate', 'getCredentials', 'httpRequestWithAuthentication', 'authenticate', 'generateUserSig']), count)}\n${callers.join('\n')}`;
			writeFileSync(join(outDir, 'summary.txt'), `${text}\n`);
			process.stdout.write(`${text}\n`);
			return;
		}
		const workflow: BenchWorkflow =
			side === 'ours' ? ourTriggerWorkflow() : side === 'bare' ? bareWebhookWorkflow() : diyCallbackWorkflow(String(simulator.app.sdkAppId), simulator.app.callbackToken);
		const deployed = await instance.deploy(workflow);
		let window = { startUs: 0, endUs: 0 };
		const run = await runCallbackScenario(instance, simulator, { side, workflow, count }, 10, deployed, {
			onMeasuredStart: () => (window.startUs = monotonicUs()),
			onMeasuredEnd: () => (window.endUs = monotonicUs()),
		});
		process.stdout.write(`${side} (${engine}): ${run.callbacksPerSecond.toFixed(1)} callbacks/s, p50 ${run.load.p50Ms.toFixed(0)} ms\n`);
		await instance.stop();
		const file = readdirSync(outDir).find((name) => name.endsWith('.cpuprofile') && name.includes(`.${instance.n8n.pid}.`));
		if (!file) throw new Error(`no profile for pid ${instance.n8n.pid} in ${outDir}: ${readdirSync(outDir).join(', ')}`);
		const profileFile = join(outDir, file);
		const callers = ['acquireIsolate', 'getSimpleParameterValue', 'getCredentials'].map((fn) => {
			const list = callersOf(profileFile, fn, window).slice(0, 4);
			return [`Callers of ${fn}():`, ...list.map(({ chain, ms }) => `  ${ms.toFixed(0).padStart(7)} ms (${((ms * 1000) / count).toFixed(0)} µs per callback)  ${chain}`)].join('\n');
		});
		const text = `n8n main process CPU profile: ${side}, ${ENGINE_SETTINGS[engine].label}, ${count} callbacks at concurrency 10\n` +
			`${run.callbacksPerSecond.toFixed(1)} callbacks/s end to end\n` +
			`${formatProfile(summarizeProfile(profileFile, window), count)}\n${callers.join('\n')}`;
		writeFileSync(join(outDir, 'summary.txt'), `${text}\n`);
		process.stdout.write(`${text}\n(profile: ${join(outDir, file)})\n`);
		window = { startUs: 0, endUs: 0 };
	} finally {
		await instance.stop();
		await simulator.close();
	}
}

main().catch((error: unknown) => {
	process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
	process.exitCode = 1;
});

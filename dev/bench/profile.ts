/**
 * Where does a callback's CPU time go inside n8n? Boots n8n with `--cpu-prof` (main process), sends
 * callbacks to one side, stops n8n (the profile is written at exit) and summarizes the samples taken
 * while the load ran.
 *
 *   npx tsx bench/profile.ts [ours|bare|diy] [legacy|default|tuned] [count]
 *   npx tsx bench/profile.ts [action-ours|action-diy] [legacy|default|tuned] [items]   (Get State, no rate limit)
 *
 * Prints the summary and writes it next to the raw profile under bench/out/profiles/.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'fs';
import { join } from 'path';

import { startDeskSimulator } from '../simulator';
import { createSessions, runActionScenario } from './action';
import { runCallbackScenario } from './callbacks';
import { ENGINE_SETTINGS, packForBench, startBenchInstance } from './n8nSetup';
import { callersOf, formatProfile, summarizeProfile } from './profileSummary';
import { bareWebhookWorkflow, diyActionWorkflow, diyCallbackWorkflow, ourActionWorkflow, ourTriggerWorkflow, type BenchWorkflow } from './workflows';

const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);

async function main(): Promise<void> {
	const [side = 'ours', engine = 'legacy', countArg = '500'] = process.argv.slice(2);
	if (!['ours', 'bare', 'diy', 'action-ours', 'action-diy'].includes(side) || !(engine === 'legacy' || engine === 'default' || engine === 'tuned')) {
		throw new Error('usage: tsx bench/profile.ts [ours|bare|diy|action-ours|action-diy] [legacy|default|tuned] [count]');
	}
	const count = Number(countArg);
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

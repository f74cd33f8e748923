/**
 * `npm run bench`: this package against what users would otherwise build, side by side in one run.
 * BENCH_SCALE=full (default, about 12 min on a quiet 2-core machine) or smoke (tiny counts). Prints one table and writes
 * bench/RESULTS.md (full) or bench/out/RESULTS.smoke.md (smoke); BENCH_OUT overrides the path. The raw
 * figures go next to it as JSON.
 *
 * Order: in-process micro-benchmarks (quiet machine) → pack the package once → simulator + its ceiling →
 * n8n like-for-like (legacy engine): callbacks for all three sides, then callback growth → n8n default
 * engine: callbacks for all three sides, then the action node scenarios and action growth → queue mode
 * (its own cluster, once the other n8n instances have stopped; BENCH_QUEUE=off leaves it out).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'fs';
import { dirname, join } from 'path';

import { N8N_VERSION, packPackage } from '../harness';
import { queueModeMissing } from '../harness/queue';
import { startDeskSimulator } from '../simulator';
import { createSessions, runActionScenario } from './action';
import { runCallbackComparison, runCallbackScenario, type CallbackRun } from './callbacks';
import { measureSimulatorCeiling } from './ceilings';
import { benchConfig } from './config';
import { benchHandler, benchUserSig } from './inProcess';
import { finishMachineInfo, machineInfo, otherBusyProcesses } from './machine';
import { COMMON_ENV, ENGINE_SETTINGS, startBenchInstance, type BenchInstance } from './n8nSetup';
import { consoleTable, markdownReport } from './report';
import { runQueueBench } from './queue';
import type { BenchResults } from './results';
import { bareWebhookWorkflow, diyActionWorkflow, diyCallbackWorkflow, ourActionWorkflow, ourTriggerWorkflow } from './workflows';

const log = (line: string) => process.stdout.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);

/** `tsx bench/run.ts --render <results.json>`: write the report again from saved figures (e.g. after editing NOTES.md). */
function render(jsonFile: string): void {
	const results = JSON.parse(readFileSync(jsonFile, 'utf8')) as BenchResults;
	const outFile = jsonFile.replace(/\.json$/, '.md');
	writeFileSync(outFile, markdownReport(results, readNotes()));
	process.stdout.write(`${consoleTable(results)}\n\nWrote ${outFile}\n`);
}

async function main(): Promise<void> {
	if (process.argv[2] === '--render') return render(process.argv[3] ?? join(__dirname, 'RESULTS.json'));
	const config = benchConfig();
	const started = Date.now();
	const machine = machineInfo();
	const outFile = process.env.BENCH_OUT || join(__dirname, config.scale === 'full' ? 'RESULTS.md' : join('out', `RESULTS.${config.scale}.md`));
	const command = config.scale === 'full' ? 'npm run bench' : `BENCH_SCALE=${config.scale} npm run bench`;
	log(`scale ${config.scale}; results → ${outFile}`);
	const otherLoad = new Set<string>();
	const ownPids: number[] = [process.pid];
	const noteLoad = () => otherBusyProcesses(ownPids).forEach((entry) => otherLoad.add(entry.replace(/, [\d.]+% CPU\)$/, ')')));
	noteLoad();

	// 4. In process first, while nothing else of ours runs.
	log('in process: UserSig, trigger handler');
	const userSig = benchUserSig(config.userSigOps, config.rounds);
	const handler = await benchHandler(config.handlerCalls, config.rounds);

	const packDir = join(__dirname, 'out', 'pack');
	mkdirSync(packDir, { recursive: true });
	const tarball = await packPackage({ destDir: packDir, log });
	const simulator = await startDeskSimulator({ seed: false, faults: { rateLimitPerSecond: config.simulatorRateLimit } });
	const instances: BenchInstance[] = [];
	try {
		const maxItems = Math.max(config.actionItems, ...config.actionGrowth);
		const sessionIds = createSessions(simulator, maxItems);

		// 3. The simulator's own ceiling.
		log('ceiling: simulator hit directly');
		const simulatorCeiling = await measureSimulatorCeiling(simulator, sessionIds, config.simulatorCeilingRequests, config.simulatorCeilingConcurrency);

		const callbacks: CallbackRun[] = [];
		const callbackGrowth: CallbackRun[] = [];
		const sdkAppId = String(simulator.app.sdkAppId);
		const token = simulator.app.callbackToken;
		const callbackSides = (count: number) => [
			{ side: 'bare', workflow: bareWebhookWorkflow(), count },
			{ side: 'ours', workflow: ourTriggerWorkflow(), count },
			{ side: 'diy', workflow: diyCallbackWorkflow(sdkAppId, token), count },
		];
		const boot = async (key: 'legacy' | 'default') => {
			log(`booting n8n (${ENGINE_SETTINGS[key].label})`);
			const instance = await startBenchInstance(ENGINE_SETTINGS[key], { tarball, simulator, log });
			instances.push(instance);
			ownPids.push(instance.n8n.pid);
			machine.n8nNode = instance.n8n.runtime.nodeVersion;
			machine.n8nVersion = instance.n8n.runtime.n8nVersion ?? N8N_VERSION;
			return instance;
		};
		const compare = async (instance: BenchInstance, count: number) => {
			log(`callbacks, ${instance.setting.key}: bare, ours, DIY × ${count} each, in ${config.callbackRounds} interleaved rounds`);
			const runs = await runCallbackComparison(instance, simulator, callbackSides(count), config.callbackConcurrency, config.callbackRounds, (line) => log(`  ${line}`));
			for (const run of runs) log(`  ${run.side}: ${run.callbacksPerSecond.toFixed(1)} callbacks/s, p50 ${run.load.p50Ms.toFixed(0)} ms, p99 ${run.load.p99Ms.toFixed(0)} ms`);
			noteLoad();
			return runs;
		};

		// 1 + 5. Like-for-like setting: the three sides, then growth of ours.
		const legacy = await boot('legacy');
		callbacks.push(...(await compare(legacy, config.callbacksLegacyEngine)));
		for (const count of config.callbackGrowth) {
			log(`callback growth, legacy: ours × ${count}`);
			const run = await runCallbackScenario(legacy, simulator, { side: 'ours', workflow: ourTriggerWorkflow(), count }, config.callbackConcurrency);
			log(`  ${run.callbacksPerSecond.toFixed(1)} callbacks/s, p50 ${run.load.p50Ms.toFixed(0)} ms, p99 ${run.load.p99Ms.toFixed(0)} ms`);
			callbackGrowth.push(run);
			noteLoad();
		}
		await legacy.stop();

		// 1. Default engine: the three sides.
		const vm = await boot('default');
		callbacks.push(...(await compare(vm, config.callbacksDefaultEngine)));

		// 2. Action node, default engine.
		const app = { sdkAppId: simulator.app.sdkAppId, identifier: simulator.app.adminIdentifier, secretKey: simulator.app.secretKey };
		const items = sessionIds.slice(0, config.actionItems);
		const actionScenarios = [
			{ side: 'oursDefaults', workflow: ourActionWorkflow('defaults'), limit: config.simulatorRateLimit },
			{ side: 'oursC1', workflow: ourActionWorkflow('concurrency 1', { concurrency: 1 }), limit: config.simulatorRateLimit },
			{ side: 'diy', workflow: diyActionWorkflow(simulator.url, app), limit: config.simulatorRateLimit },
			{ side: 'oursTuned', workflow: ourActionWorkflow('concurrency 10, 190/s', { concurrency: 10, requestsPerSecond: 190 }), limit: config.simulatorRateLimit },
			{ side: 'oursUnlimited', workflow: ourActionWorkflow('no limit', { requestsPerSecond: 0 }), limit: 0 },
			{ side: 'diyUnlimited', workflow: diyActionWorkflow(simulator.url, app), limit: 0 },
		];
		const action = [];
		for (const scenario of actionScenarios) {
			log(`action: ${scenario.side} × ${items.length} items (simulator limit ${scenario.limit || 'off'})`);
			const run = await runActionScenario(vm, simulator, scenario.side, scenario.workflow, items, scenario.limit);
			log(`  ${run.wallSeconds.toFixed(2)} s, ${run.itemsPerSecond.toFixed(1)} items/s, peak ${run.simulator.peakRequestsPerSecond} req/s, ${run.simulator.rateLimited} × 141009`);
			action.push(run);
			noteLoad();
		}
		const actionGrowth = [];
		const growthWorkflow = await vm.deploy(ourActionWorkflow('growth'));
		for (const size of config.actionGrowth) {
			log(`action growth: ours at defaults × ${size} items`);
			const run = await runActionScenario(vm, simulator, 'oursDefaults', growthWorkflow, sessionIds.slice(0, size), config.simulatorRateLimit);
			log(`  ${run.wallSeconds.toFixed(2)} s, ${run.itemsPerSecond.toFixed(1)} items/s`);
			actionGrowth.push(run);
		}
		await vm.stop();

		// 6. Queue mode: a cluster of its own, 1 + 1 processes scaled out to 2 + 2.
		const queueSkipped = process.env.BENCH_QUEUE === 'off' ? 'BENCH_QUEUE=off' : queueModeMissing();
		let queue: BenchResults['queue'];
		if (queueSkipped) {
			log(`queue mode: not run (${queueSkipped})`);
			queue = { skipped: queueSkipped };
		} else {
			log(`queue mode: 1 + 1, then 2 + 2 processes, ${config.queueCallbacks} callbacks each`);
			queue = await runQueueBench({ callbacks: config.queueCallbacks, warmup: config.queueWarmup, concurrency: config.callbackConcurrency, log: true });
			for (const row of queue.rows) {
				log(`  ${row.webhookProcessors} + ${row.workers}: ${row.acksPerSecond} acks/s, p50 ${row.p50AckMs} ms, p99 ${row.p99AckMs} ms, ${row.executionsPerSecond} executions/s`);
			}
		}

		const results: BenchResults = {
			config,
			machine: finishMachineInfo(machine),
			command,
			settings: { engines: [ENGINE_SETTINGS.legacy, ENGINE_SETTINGS.default], commonEnv: COMMON_ENV },
			inProcess: { userSig, handler },
			simulatorCeiling,
			callbacks,
			callbackGrowth,
			action,
			actionGrowth,
			queue,
			otherLoad: [...otherLoad],
			durationSeconds: (Date.now() - started) / 1000,
		};
		mkdirSync(dirname(outFile), { recursive: true });
		writeFileSync(outFile, markdownReport(results, readNotes()));
		writeFileSync(outFile.replace(/\.md$/, '.json'), `${JSON.stringify(results, null, '\t')}\n`);
		process.stdout.write(`\n${consoleTable(results)}\n\nWrote ${outFile} (${(results.durationSeconds / 60).toFixed(1)} min)\n`);
	} finally {
		for (const instance of instances) await instance.stop();
		await simulator.close();
	}
}

/** The hand-written analysis (why each missed target is missed, from the profiles) appended to the report. */
function readNotes(): string {
	try {
		return readFileSync(join(__dirname, 'NOTES.md'), 'utf8');
	} catch {
		return '';
	}
}

main().catch((error: unknown) => {
	process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
	process.exitCode = 1;
});

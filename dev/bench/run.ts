/**
 * `npm run bench`: this package against what users would otherwise build, side by side in one run.
 * BENCH_SCALE=full (default; the report states how long the run took) or smoke (tiny counts). Prints one table and writes
 * bench/RESULTS.md (full) or bench/out/RESULTS.smoke.md (smoke); BENCH_OUT overrides the path. The raw
 * figures go next to it as JSON.
 *
 * Order: in-process micro-benchmarks (quiet machine) → pack the package once → simulator + its ceiling →
 * n8n like-for-like (legacy engine): callbacks for all three sides, then callback growth, then decision
 * callbacks → n8n default engine: callbacks for all three sides, the action node scenarios and action growth,
 * then decision callbacks → queue mode (its own cluster, once the other n8n instances have stopped;
 * BENCH_QUEUE=off leaves it out), then decision callbacks in queue mode (another cluster of its own).
 * Capacity (section 8) runs in each regular instance after its other sections, then in a queue cluster of its own.
 * The load average is watched through each section; the report's prose is generated from it (narrative.ts).
 *
 * BENCH_ONLY=decisions: only the decision callbacks (section 7: the VIP example's routing answer at fixed
 * open-loop rates, legacy and default engines, queue mode unless BENCH_QUEUE=off or it is not installed),
 * a few minutes. The figures replace section 7 of the results already at the output path (same scale), the
 * other sections kept; with none there, a report of section 7 alone is written.
 *
 * BENCH_ONLY=getMany: only section 2b (Get Many over 1,000+ records, ours against HTTP Request pagination + Code),
 * merged the same way (dev/bench/getManyOnly.ts).
 * BENCH_ONLY=capacity: the same for section 8 (capacity.ts: sustained callbacks/s under ack p99 bounds for
 * n8n's Webhook node, a minimal community trigger and ours, legacy and default engines, queue mode).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import { dirname, join } from 'path';

import { N8N_VERSION } from '../harness';
import { queueModeMissing } from '../harness/queue';
import { startShopStandIn } from '../harness/shopStandIn';
import { startDeskSimulator } from '../simulator';
import { createSessions, runActionScenario } from './action';
import { runCallbackComparison, runCallbackScenario, type CallbackRun } from './callbacks';
import { measureSimulatorCeiling } from './ceilings';
import { benchConfig, benchOnly, type BenchConfig } from './config';
import { runGetManySection } from './getMany';
import { getManyConsole, getManyOnly, getManyOnlyReport, isGetManyOnly, type GetManyOnlyResults } from './getManyOnly';
import type { DecisionResults } from './decisions';
import { decisionRecorder } from './decisionRun';
import { benchHandler, benchUserSig } from './inProcess';
import { finishMachineInfo, machineInfo, otherBusyProcesses } from './machine';
import { COMMON_ENV, ENGINE_ORDER, ENGINE_SETTINGS, engineWords, packForBench, startBenchInstance, type BenchInstance, type EngineSetting } from './n8nSetup';
import { capacityOnlyReport, capacitySummaryRows, consoleTable, decisionSummaryRows, decisionsOnlyReport, markdownReport } from './report';
import type { TargetCheck } from './results';
import type { CapacityResults } from './capacity';
import { capacityMinutes, capacityRecorder } from './capacityRun';
import { packMinimalTrigger } from './minimalTrigger/pack';
import { watchLoad, type SectionLoad } from './machine';
import { runQueueBench } from './queue';
import { inQueueClusters, queueSkipReason } from './queueClusters';
import { capacityGoals, decisionGoal, goalChecks, previousRunOf, type BenchResults } from './results';
import { bareWebhookWorkflow, diyActionWorkflow, diyCallbackWorkflow, ourActionWorkflow, ourTriggerWorkflow } from './workflows';

const log = (line: string) => process.stdout.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);

/** `tsx bench/run.ts --render <results.json>`: write the report again from saved figures (e.g. after changing report.ts). */
function render(jsonFile: string): void {
	const results = JSON.parse(readFileSync(jsonFile, 'utf8')) as SavedResults;
	const outFile = jsonFile.replace(/\.json$/, '.md');
	if (isGetManyOnly(results)) {
		writeFileSync(outFile, getManyOnlyReport(results));
		process.stdout.write(`${getManyConsole(results.getMany)}\n\nWrote ${outFile}\n`);
		return;
	}
	if (isCapacityOnly(results)) {
		writeFileSync(outFile, capacityOnlyReport(results.capacity, results.config.scale, results.machine, results.sectionLoad));
		process.stdout.write(`${capacityConsole(results.capacity)}\n\nWrote ${outFile}\n`);
		return;
	}
	if (isDecisionsOnly(results)) {
		writeFileSync(outFile, decisionsOnlyReport(results.decisions, results.config.scale, results.machine));
		process.stdout.write(`${decisionsConsole(results.decisions)}\n\nWrote ${outFile}\n`);
		return;
	}
	writeFileSync(outFile, markdownReport(results));
	process.stdout.write(`${consoleTable(results)}\n\nWrote ${outFile}\n`);
}

/** What BENCH_ONLY=capacity writes when there are no earlier results to merge into. */
interface CapacityOnlyResults {
	only: 'capacity';
	config: BenchConfig;
	machine: BenchResults['machine'];
	capacity: CapacityResults;
	sectionLoad?: SectionLoad[];
}

type SavedResults = BenchResults | DecisionsOnlyResults | CapacityOnlyResults | GetManyOnlyResults;

function isCapacityOnly(results: SavedResults): results is CapacityOnlyResults {
	return 'only' in results && results.only === 'capacity';
}

/** A whole run's results, not one section's alone. */
function isWholeRun(results: SavedResults): results is BenchResults {
	return !('only' in results);
}

/** Section 8's summary rows and goals, for the terminal. */
function capacityConsole(capacity: CapacityResults): string {
	const rows = capacitySummaryRows(capacity);
	const width = (key: 'figure' | 'value') => Math.max(...rows.map((row) => row[key].length));
	return [
		...rows.map((row) => `${row.figure.padEnd(width('figure'))}  ${row.value.padEnd(width('value'))}  ${row.ratio}`),
		'',
		...capacityGoals(capacity).map(checkLine),
	].join('\n');
}

const checkLine = (check: TargetCheck) => `${check.met ? 'MET   ' : 'MISSED'}  ${check.target}: ${check.measured}`;

/** The engine settings a merged report lists: the earlier run's, and any this section added (e.g. tuned). */
function mergedEngines(previous: BenchResults): BenchResults['settings'] {
	const known = new Set(previous.settings.engines.map((engine) => engine.key));
	return { ...previous.settings, engines: [...previous.settings.engines, ...ENGINE_ORDER.filter((key) => !known.has(key)).map((key) => ENGINE_SETTINGS[key])] };
}

/** The results already at the output path (JSON beside the report), if any. */
function savedResults(jsonFile: string): SavedResults | undefined {
	return existsSync(jsonFile) ? (JSON.parse(readFileSync(jsonFile, 'utf8')) as SavedResults) : undefined;
}

/** BENCH_ONLY=capacity: section 8 alone, merged into the results already at the output path when they have the same scale. */
async function capacityOnly(config: BenchConfig, outFile: string, command: string): Promise<void> {
	const runStarted = Date.now();
	const minutes = () => ((Date.now() - runStarted) / 60_000).toFixed(1);
	const machine = machineInfo();
	const { packDir, tarball } = await packForBench(log);
	const minimalTarball = await packMinimalTrigger(packDir);
	const simulator = await startDeskSimulator({ seed: false });
	let instance: BenchInstance | undefined;
	const sections: SectionLoad[] = [];
	try {
		const queue = process.env.BENCH_QUEUE !== 'off';
		const recorder = capacityRecorder(config, simulator, { command, log, queue });
		for (const key of ENGINE_ORDER) {
			log(`booting n8n (${ENGINE_SETTINGS[key].label}), the minimal trigger installed beside ours`);
			instance = await startBenchInstance(ENGINE_SETTINGS[key], { tarball, extraTarballs: [minimalTarball], simulator, log });
			machine.n8nNode = instance.n8n.runtime.nodeVersion;
			machine.n8nVersion = instance.n8n.runtime.n8nVersion ?? N8N_VERSION;
			const watch = watchLoad(`8 capacity, ${engineWords(key)}`, () => []);
			await recorder.inInstance(instance);
			sections.push(watch.stop());
			await instance.stop();
			instance = undefined;
		}
		const skipped = queueSkipReason(queue);
		if (skipped) recorder.skipQueue(skipped);
		else {
			await inQueueClusters({ simulator, tarball, engines: config.queueEngines, extraTarballs: [minimalTarball], log }, async (cluster, setting) => {
				const watch = watchLoad(`8 capacity, queue mode, ${engineWords(setting.key)}`, () => []);
				await recorder.inCluster(cluster, setting);
				sections.push(watch.stop());
			});
		}
		const capacity = recorder.finish(machine.n8nVersion ?? N8N_VERSION);
		const jsonFile = outFile.replace(/\.md$/, '.json');
		const previous = savedResults(jsonFile);
		mkdirSync(dirname(outFile), { recursive: true });
		if (previous && isWholeRun(previous) && previous.config.scale === config.scale) {
			const merged: BenchResults = {
				...previous,
				config: { ...previous.config, ...pickCapacityConfig(config) },
				settings: mergedEngines(previous),
				capacity,
				// This section's load replaces the old run's watch of it; the comparison is with the results replaced.
				sectionLoad: [...(previous.sectionLoad ?? []).filter((section) => !section.section.startsWith('8 capacity')), ...sections],
				previous: previousRunOf(previous),
			};
			writeFileSync(outFile, markdownReport(merged));
			writeFileSync(jsonFile, `${JSON.stringify(merged, null, '\t')}\n`);
			process.stdout.write(`\n${capacityConsole(capacity)}\n\nSection 8 of ${outFile} replaced; the other sections are from the run of ${previous.machine.date} (${minutes()} min)\n`);
		} else {
			const only: CapacityOnlyResults = { only: 'capacity', config, machine: finishMachineInfo(machine), capacity, sectionLoad: sections };
			writeFileSync(outFile, capacityOnlyReport(capacity, config.scale, only.machine, sections));
			writeFileSync(jsonFile, `${JSON.stringify(only, null, '\t')}\n`);
			process.stdout.write(`\n${capacityConsole(capacity)}\n\nWrote ${outFile} (section 8 alone, ${minutes()} min)\n`);
		}
	} finally {
		await instance?.stop();
		await simulator.close();
	}
}

/** The capacity settings of a config (what a BENCH_ONLY=capacity run used, written over an older run's). */
function pickCapacityConfig(config: BenchConfig): Partial<BenchConfig> {
	return Object.fromEntries(Object.entries(config).filter(([key]) => key.startsWith('capacity'))) as Partial<BenchConfig>;
}

/** What BENCH_ONLY=decisions writes when there are no earlier results to merge into. */
interface DecisionsOnlyResults {
	only: 'decisions';
	config: BenchConfig;
	machine: BenchResults['machine'];
	decisions: DecisionResults;
}

function isDecisionsOnly(results: SavedResults): results is DecisionsOnlyResults {
	return 'only' in results && results.only === 'decisions';
}

/** Section 7's summary rows and its goal, for the terminal. */
function decisionsConsole(decisions: DecisionResults): string {
	const rows = decisionSummaryRows(decisions);
	const width = (key: 'figure' | 'value') => Math.max(...rows.map((row) => row[key].length));
	const goal = decisionGoal(decisions);
	return [
		...rows.map((row) => `${row.figure.padEnd(width('figure'))}  ${row.value.padEnd(width('value'))}  ${row.ratio}`),
		'',
		goal ? checkLine(goal) : 'Goal: not measured',
		...goalChecks({ decisions }).map(checkLine),
	].join('\n');
}

/** BENCH_ONLY=decisions: section 7 alone, merged into the results already at the output path when they have the same scale. */
async function decisionsOnly(config: BenchConfig, outFile: string, command: string): Promise<void> {
	const runStarted = Date.now();
	const minutes = () => ((Date.now() - runStarted) / 60_000).toFixed(1);
	const machine = machineInfo();
	const { tarball } = await packForBench(log);
	const simulator = await startDeskSimulator({ seed: false });
	const shop = await startShopStandIn();
	let instance: BenchInstance | undefined;
	try {
		const recorder = decisionRecorder(config, simulator, shop, command, log);
		for (const key of ENGINE_ORDER) {
			log(`booting n8n (${ENGINE_SETTINGS[key].label})`);
			instance = await startBenchInstance(ENGINE_SETTINGS[key], { tarball, simulator, log });
			machine.n8nNode = instance.n8n.runtime.nodeVersion;
			machine.n8nVersion = instance.n8n.runtime.n8nVersion ?? N8N_VERSION;
			await recorder.inInstance(instance);
			await instance.stop();
			instance = undefined;
		}
		const skipped = queueSkipReason(process.env.BENCH_QUEUE !== 'off');
		if (skipped) recorder.skipQueue(skipped);
		else await inQueueClusters({ simulator, tarball, engines: config.queueEngines, log }, (cluster, setting) => recorder.inCluster(cluster, setting));
		const decisions = recorder.finish(machine.n8nVersion ?? N8N_VERSION);
		const jsonFile = outFile.replace(/\.md$/, '.json');
		const previous = savedResults(jsonFile);
		mkdirSync(dirname(outFile), { recursive: true });
		if (previous && isWholeRun(previous) && previous.config.scale === config.scale) {
			const merged: BenchResults = { ...previous, config: { ...previous.config, ...pickDecisionConfig(config) }, settings: mergedEngines(previous), decisions, previous: previousRunOf(previous) };
			writeFileSync(outFile, markdownReport(merged));
			writeFileSync(jsonFile, `${JSON.stringify(merged, null, '\t')}\n`);
			process.stdout.write(`\n${decisionsConsole(decisions)}\n\nSection 7 of ${outFile} replaced; the other sections are from the run of ${previous.machine.date} (${minutes()} min)\n`);
		} else {
			const only: DecisionsOnlyResults = { only: 'decisions', config, machine: finishMachineInfo(machine), decisions };
			writeFileSync(outFile, decisionsOnlyReport(decisions, config.scale, only.machine));
			writeFileSync(jsonFile, `${JSON.stringify(only, null, '\t')}\n`);
			process.stdout.write(`\n${decisionsConsole(decisions)}\n\nWrote ${outFile} (section 7 alone, ${minutes()} min)\n`);
		}
	} finally {
		await instance?.stop();
		await shop.close();
		await simulator.close();
	}
}

/** The decision settings of a config (what a BENCH_ONLY=decisions run used, written over an older run's). */
function pickDecisionConfig(config: BenchConfig): Partial<BenchConfig> {
	return Object.fromEntries(Object.entries(config).filter(([key]) => key.startsWith('decision'))) as Partial<BenchConfig>;
}


async function main(): Promise<void> {
	if (process.argv[2] === '--render') return render(process.argv[3] ?? join(__dirname, 'RESULTS.json'));
	const config = benchConfig();
	const started = Date.now();
	const machine = machineInfo();
	const outFile = process.env.BENCH_OUT || join(__dirname, config.scale === 'full' ? 'RESULTS.md' : join('out', `RESULTS.${config.scale}.md`));
	const only = benchOnly();
	const command = [...(config.scale === 'full' ? [] : [`BENCH_SCALE=${config.scale}`]), ...(only ? [`BENCH_ONLY=${only}`] : []), 'npm run bench'].join(' ');
	log(`scale ${config.scale}${only ? `, only ${only}` : ''}; results → ${outFile}`);
	if (only === 'decisions') return await decisionsOnly(config, outFile, command);
	if (only === 'getMany') return await getManyOnly(config, outFile, command, log);
	const capacityTime = capacityMinutes(config, process.env.BENCH_QUEUE !== 'off');
	log(`section 8 (capacity) takes about ${capacityTime.typical} min of this run, at most ${capacityTime.bound}`);
	if (only === 'capacity') return await capacityOnly(config, outFile, command);
	// The run this one replaces, read before anything is written (the report compares with it).
	const replaced = savedResults(outFile.replace(/\.md$/, '.json'));
	const sections: SectionLoad[] = [];
	/** Runs one section with the load watched through it. */
	const watched = async <T>(section: string, body: () => Promise<T>): Promise<T> => {
		const watch = watchLoad(section, () => ownPids);
		try {
			return await body();
		} finally {
			sections.push(watch.stop());
		}
	};
	const otherLoad = new Set<string>();
	const ownPids: number[] = [process.pid];
	const noteLoad = () => otherBusyProcesses(ownPids).forEach((entry) => otherLoad.add(entry.replace(/, [\d.]+% CPU\)$/, ')')));
	noteLoad();

	// 4. In process first, while nothing else of ours runs.
	log('in process: UserSig, trigger handler');
	const { userSig, handler } = await watched('4 in process', async () => ({
		userSig: benchUserSig(config.userSigOps, config.rounds),
		handler: await benchHandler(config.handlerCalls, config.rounds),
	}));

	const { packDir, tarball } = await packForBench(log);
	const minimalTarball = await packMinimalTrigger(packDir);
	const simulator = await startDeskSimulator({ seed: false, faults: { rateLimitPerSecond: config.simulatorRateLimit } });
	const shop = await startShopStandIn();
	const instances: BenchInstance[] = [];
	try {
		const decisionBench = decisionRecorder(config, simulator, shop, command, log);
		const capacityBench = capacityRecorder(config, simulator, { command, log, queue: process.env.BENCH_QUEUE !== 'off' });
		const maxItems = Math.max(config.actionItems, ...config.actionGrowth);
		const sessionIds = createSessions(simulator, maxItems);

		// 3. The simulator's own ceiling.
		log('ceiling: simulator hit directly');
		const simulatorCeiling = await watched('3 ceilings', () => measureSimulatorCeiling(simulator, sessionIds, config.simulatorCeilingRequests, config.simulatorCeilingConcurrency));

		const callbacks: CallbackRun[] = [];
		const callbackGrowth: CallbackRun[] = [];
		const sdkAppId = String(simulator.app.sdkAppId);
		const token = simulator.app.callbackToken;
		const callbackSides = (count: number) => [
			{ side: 'bare', workflow: bareWebhookWorkflow(), count },
			{ side: 'ours', workflow: ourTriggerWorkflow(), count },
			{ side: 'diy', workflow: diyCallbackWorkflow(sdkAppId, token), count },
		];
		const boot = async (key: EngineSetting['key']) => {
			log(`booting n8n (${ENGINE_SETTINGS[key].label})`);
			const instance = await startBenchInstance(ENGINE_SETTINGS[key], { tarball, extraTarballs: [minimalTarball], simulator, log });
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
		callbacks.push(...(await watched('1 callbacks, legacy engine', () => compare(legacy, config.callbacksLegacyEngine))));
		const growthLoad = watchLoad('5 growth, callbacks', () => ownPids);
		for (const count of config.callbackGrowth) {
			log(`callback growth, legacy: ours × ${count}`);
			const run = await runCallbackScenario(legacy, simulator, { side: 'ours', workflow: ourTriggerWorkflow(), count }, config.callbackConcurrency);
			log(`  ${run.callbacksPerSecond.toFixed(1)} callbacks/s, p50 ${run.load.p50Ms.toFixed(0)} ms, p99 ${run.load.p99Ms.toFixed(0)} ms`);
			callbackGrowth.push(run);
			noteLoad();
		}
		sections.push(growthLoad.stop());
		// 7. Decision callbacks, like-for-like setting.
		await watched('7 decisions, legacy engine', () => decisionBench.inInstance(legacy));
		noteLoad();
		// 8. Capacity, like-for-like setting.
		await watched('8 capacity, legacy engine', () => capacityBench.inInstance(legacy));
		noteLoad();
		await legacy.stop();

		// 1. Default engine: the three sides.
		const vm = await boot('default');
		callbacks.push(...(await watched('1 callbacks, default engine', () => compare(vm, config.callbacksDefaultEngine))));

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
		const actionLoad = watchLoad('2 action node and 5 growth, action', () => ownPids);
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
		sections.push(actionLoad.stop());
		// 2b. Get Many over 1,000+ records, ours against the DIY chain.
		const getMany = await watched('2b Get Many', () => runGetManySection(vm, simulator, config, log));
		// 7. Decision callbacks, default engine.
		await watched('7 decisions, default engine', () => decisionBench.inInstance(vm));
		noteLoad();
		// 8. Capacity, default engine.
		await watched('8 capacity, default engine', () => capacityBench.inInstance(vm));
		noteLoad();
		await vm.stop();

		// 1, 7, 8. The default engine tuned (lazy acquisition, compile cache, a pool): the three sections again.
		const tuned = await boot('tuned');
		callbacks.push(...(await watched(`1 callbacks, ${engineWords('tuned')}`, () => compare(tuned, config.callbacksDefaultEngine))));
		await watched(`7 decisions, ${engineWords('tuned')}`, () => decisionBench.inInstance(tuned));
		noteLoad();
		await watched(`8 capacity, ${engineWords('tuned')}`, () => capacityBench.inInstance(tuned));
		noteLoad();
		await tuned.stop();

		// 6. Queue mode: a cluster of its own, 1 + 1 processes scaled out to 2 + 2.
		const queueSkipped = process.env.BENCH_QUEUE === 'off' ? 'BENCH_QUEUE=off' : queueModeMissing();
		let queue: BenchResults['queue'];
		if (queueSkipped) {
			log(`queue mode: not run (${queueSkipped})`);
			queue = { skipped: queueSkipped };
		} else {
			log(`queue mode: 1 + 1, then 2 + 2 processes, ${config.queueCallbacks} callbacks each`);
			queue = await watched('6 queue mode', () => runQueueBench({ callbacks: config.queueCallbacks, warmup: config.queueWarmup, concurrency: config.callbackConcurrency, log: true }));
			for (const row of queue.rows) {
				log(`  ${row.webhookProcessors} + ${row.workers}: ${row.acksPerSecond} acks/s, p50 ${row.p50AckMs} ms, p99 ${row.p99AckMs} ms, ${row.executionsPerSecond} executions/s`);
			}
		}
		// 7 and 8 in queue mode: a cluster per engine setting, decisions at 1 + 1, then capacity with 1 and 2 webhook processors.
		const skipped = queueSkipReason(process.env.BENCH_QUEUE !== 'off');
		if (skipped) {
			decisionBench.skipQueue(skipped);
			capacityBench.skipQueue(skipped);
		} else {
			await inQueueClusters({ simulator, tarball, engines: config.queueEngines, extraTarballs: [minimalTarball], log }, async (cluster, setting) => {
				ownPids.push(cluster.main.pid, ...cluster.webhookProcessors.map((member) => member.pid), ...cluster.workers.map((member) => member.pid));
				await watched(`7 decisions, queue mode, ${engineWords(setting.key)}`, () => decisionBench.inCluster(cluster, setting));
				await watched(`8 capacity, queue mode, ${engineWords(setting.key)}`, () => capacityBench.inCluster(cluster, setting));
			});
		}

		const results: BenchResults = {
			config,
			machine: finishMachineInfo(machine),
			command,
			settings: { engines: ENGINE_ORDER.map((key) => ENGINE_SETTINGS[key]), commonEnv: COMMON_ENV },
			inProcess: { userSig, handler },
			simulatorCeiling,
			callbacks,
			callbackGrowth,
			action,
			actionGrowth,
			getMany,
			queue,
			decisions: decisionBench.finish(machine.n8nVersion ?? N8N_VERSION),
			capacity: capacityBench.finish(machine.n8nVersion ?? N8N_VERSION),
			sectionLoad: sections,
			...(replaced && isWholeRun(replaced) && { previous: previousRunOf(replaced) }),
			otherLoad: [...otherLoad],
			durationSeconds: (Date.now() - started) / 1000,
		};
		mkdirSync(dirname(outFile), { recursive: true });
		writeFileSync(outFile, markdownReport(results));
		writeFileSync(outFile.replace(/\.md$/, '.json'), `${JSON.stringify(results, null, '\t')}\n`);
		process.stdout.write(`\n${consoleTable(results)}\n\nWrote ${outFile} (${(results.durationSeconds / 60).toFixed(1)} min)\n`);
	} finally {
		for (const instance of instances) await instance.stop();
		await shop.close();
		await simulator.close();
	}
}

main().catch((error: unknown) => {
	process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
	process.exitCode = 1;
});

/**
 * `BENCH_ONLY=getMany npm run bench`: section 2b alone, about a minute and a half at full scale (one n8n boot
 * in the default engine). Its figures replace section 2b of the results already at the output path when those
 * have the same scale (the other sections kept); otherwise a report of section 2b alone is written.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import { dirname } from 'path';

import { N8N_VERSION } from '../harness';
import { startDeskSimulator } from '../simulator';
import type { BenchConfig } from './config';
import { getManySection, getManySummaryRows, getManyTarget, runGetManySection, type GetManyResults } from './getMany';
import { finishMachineInfo, machineInfo, type MachineInfo } from './machine';
import { ENGINE_SETTINGS, packForBench, startBenchInstance, type BenchInstance } from './n8nSetup';
import { markdownReport } from './report';
import { type BenchResults, previousRunOf } from './results';

/** What BENCH_ONLY=getMany writes when there are no earlier results of its scale to merge into. */
export interface GetManyOnlyResults {
	only: 'getMany';
	config: BenchConfig;
	machine: MachineInfo;
	command: string;
	getMany: GetManyResults;
}

export function isGetManyOnly(results: object): results is GetManyOnlyResults {
	return 'only' in results && results.only === 'getMany';
}

/** Section 2b's rows and target, for the terminal. */
export function getManyConsole(getMany: GetManyResults): string {
	const rows = getManySummaryRows(getMany);
	const width = (key: 'figure' | 'value') => Math.max(...rows.map((row) => row[key].length));
	const target = getManyTarget(getMany);
	return [
		...rows.map((row) => `${row.figure.padEnd(width('figure'))}  ${row.value.padEnd(width('value'))}  ${row.ratio}`),
		'',
		target ? `${target.met ? 'MET   ' : 'MISSED'}  ${target.target}: ${target.measured}` : 'Target: not measured',
	].join('\n');
}

export function getManyOnlyReport(results: GetManyOnlyResults): string {
	const { machine, config, command } = results;
	return [
		'# Benchmark results: Get Many only',
		'',
		`\`${command}\` (scale **${config.scale}**) on ${machine.cpu} × ${machine.cores}, ${machine.memoryGiB} GiB, ${machine.os}; n8n ${machine.n8nVersion ?? N8N_VERSION}; this package ${machine.packageVersion} (${machine.gitCommit}). The other sections need a whole run (\`npm run bench\`); a later \`BENCH_ONLY=getMany\` run then replaces this section in its report.`,
		'',
		getManySection(results.getMany, config.scale),
		'',
	].join('\n');
}

export async function getManyOnly(config: BenchConfig, outFile: string, command: string, log: (line: string) => void): Promise<void> {
	const started = Date.now();
	const machine = machineInfo();
	const { tarball } = await packForBench(log);
	const simulator = await startDeskSimulator({ seed: false, faults: { rateLimitPerSecond: config.simulatorRateLimit } });
	let instance: BenchInstance | undefined;
	try {
		log(`booting n8n (${ENGINE_SETTINGS.default.label})`);
		instance = await startBenchInstance(ENGINE_SETTINGS.default, { tarball, simulator, log });
		machine.n8nNode = instance.n8n.runtime.nodeVersion;
		machine.n8nVersion = instance.n8n.runtime.n8nVersion ?? N8N_VERSION;
		const getMany = await runGetManySection(instance, simulator, config, log);
		await instance.stop();
		instance = undefined;

		const jsonFile = outFile.replace(/\.md$/, '.json');
		const previous = existsSync(jsonFile) ? (JSON.parse(readFileSync(jsonFile, 'utf8')) as object) : undefined;
		mkdirSync(dirname(outFile), { recursive: true });
		const minutes = ((Date.now() - started) / 60_000).toFixed(1);
		if (previous && 'callbacks' in previous && (previous as BenchResults).config.scale === config.scale) {
			const full = previous as BenchResults;
			const merged: BenchResults = {
				...full,
				config: { ...full.config, getManyRecords: config.getManyRecords, getManyRounds: config.getManyRounds },
				getMany,
				previous: previousRunOf(full),
			};
			writeFileSync(outFile, markdownReport(merged));
			writeFileSync(jsonFile, `${JSON.stringify(merged, null, '\t')}\n`);
			process.stdout.write(`\n${getManyConsole(getMany)}\n\nSection 2b of ${outFile} replaced; the other sections are from the run of ${full.machine.date} (${minutes} min)\n`);
		} else {
			const only: GetManyOnlyResults = { only: 'getMany', config, machine: finishMachineInfo(machine), command, getMany };
			writeFileSync(outFile, getManyOnlyReport(only));
			writeFileSync(jsonFile, `${JSON.stringify(only, null, '\t')}\n`);
			process.stdout.write(`\n${getManyConsole(getMany)}\n\nWrote ${outFile} (section 2b alone, ${minutes} min)\n`);
		}
	} finally {
		await instance?.stop();
		await simulator.close();
	}
}

/** What the numbers were measured on: machine, versions, load, and the state of the working tree. */
import { execFileSync } from 'child_process';
import { readFileSync } from 'fs';
import os from 'os';
import { join } from 'path';

import { REPO_ROOT } from '../paths';

export interface MachineInfo {
	date: string;
	cpu: string;
	cores: number;
	memoryGiB: number;
	os: string;
	benchNode: string;
	n8nNode?: string;
	n8nVersion?: string;
	packageVersion: string;
	officialLibVersion: string;
	gitCommit: string;
	/** 1-minute load average when the run started and ended (other processes share the machine). */
	loadAverageStart: number;
	loadAverageEnd?: number;
}

function readVersion(path: string): string {
	try {
		return (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version;
	} catch {
		return 'unknown';
	}
}

function gitCommit(repo: string): string {
	try {
		const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repo, encoding: 'utf8' }).trim();
		const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: repo, encoding: 'utf8' }).trim().length > 0;
		return dirty ? `${head} + uncommitted changes` : head;
	} catch {
		return 'unknown';
	}
}

export function machineInfo(): MachineInfo {
	const repo = REPO_ROOT;
	const cpus = os.cpus();
	return {
		date: new Date().toISOString(),
		cpu: cpus[0]?.model ?? 'unknown',
		cores: cpus.length,
		memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
		os: `${os.type()} ${os.release()} (${os.arch()})`,
		benchNode: process.version,
		packageVersion: readVersion(join(repo, 'package.json')),
		officialLibVersion: readVersion(join(repo, 'node_modules', 'tls-sig-api-v2', 'package.json')),
		gitCommit: gitCommit(repo),
		loadAverageStart: Math.round(os.loadavg()[0] * 100) / 100,
	};
}

export function finishMachineInfo(info: MachineInfo): MachineInfo {
	return { ...info, loadAverageEnd: Math.round(os.loadavg()[0] * 100) / 100 };
}

/** Processes other than ours using CPU right now (a shared machine skews absolute numbers). */
export function otherBusyProcesses(ownPids: number[]): string[] {
	try {
		const out = execFileSync('ps', ['-eo', 'pid,pcpu,comm', '--sort=-pcpu'], { encoding: 'utf8' });
		return out
			.split('\n')
			.slice(1)
			.map((line) => line.trim().split(/\s+/))
			.filter(([pid, cpu]) => pid && Number(cpu) >= 20 && !ownPids.includes(Number(pid)))
			.map(([pid, cpu, comm]) => `${comm} (pid ${pid}, ${cpu}% CPU)`)
			.slice(0, 5);
	} catch {
		return [];
	}
}

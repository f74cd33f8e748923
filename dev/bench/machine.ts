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

/**
 * Processes other than ours using CPU right now (a shared machine skews absolute numbers). Ours: the given pids
 * and their process groups (each n8n leads its own, its task runner inside), and every descendant of this process.
 */
export function otherBusyProcesses(ownPids: number[]): string[] {
	try {
		const out = execFileSync('ps', ['-eo', 'pid,ppid,pgid,pcpu,comm', '--sort=-pcpu'], { encoding: 'utf8' });
		const rows = out
			.split('\n')
			.slice(1)
			.map((line) => line.trim().split(/\s+/))
			.filter((fields) => fields.length >= 5)
			.map(([pid, ppid, pgid, cpu, ...comm]) => ({ pid: Number(pid), ppid: Number(ppid), pgid: Number(pgid), cpu: Number(cpu), comm: comm.join(' ') }));
		const parent = new Map(rows.map((row) => [row.pid, row.ppid]));
		const own = new Set([process.pid, ...ownPids]);
		const ours = (pid: number, pgid: number) => {
			if (own.has(pgid)) return true;
			// Bounded walk up the tree: ps may list a process whose parent already exited.
			for (let at: number | undefined = pid, hops = 0; at !== undefined && at > 1 && hops < 64; at = parent.get(at), hops++) if (own.has(at)) return true;
			return false;
		};
		return rows
			.filter((row) => row.cpu >= 20 && !ours(row.pid, row.pgid))
			.map((row) => `${row.comm} (pid ${row.pid}, ${row.cpu}% CPU)`)
			.slice(0, 5);
	} catch {
		return [];
	}
}

/** The 1-minute load average of one section of a run: when it began, its highest sample, when it ended. */
export interface SectionLoad {
	section: string;
	start: number;
	max: number;
	end: number;
	/** Processes not ours seen busy (≥ 20 % CPU) during the section, by name. */
	otherBusy: string[];
	seconds: number;
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/**
 * Watches the load while a section runs (a sample every 2 s, busy processes every 10 s), so the report can
 * say how quiet the machine was for each section instead of assuming it. `ownPids()` is read at each sample
 * (instances boot during a section).
 */
export function watchLoad(section: string, ownPids: () => number[]): { stop(): SectionLoad } {
	const started = Date.now();
	const start = os.loadavg()[0];
	let max = start;
	const busy = new Set<string>();
	const noteBusy = () => otherBusyProcesses(ownPids()).forEach((entry) => busy.add(entry.replace(/ \(pid.*$/, '')));
	noteBusy();
	let ticks = 0;
	const timer = setInterval(() => {
		max = Math.max(max, os.loadavg()[0]);
		if (++ticks % 5 === 0) noteBusy();
	}, 2_000);
	timer.unref();
	return {
		stop() {
			clearInterval(timer);
			const end = os.loadavg()[0];
			noteBusy();
			busy.delete('ps');
			return { section, start: round2(start), max: round2(Math.max(max, end)), end: round2(end), otherBusy: [...busy], seconds: Math.round((Date.now() - started) / 100) / 10 };
		},
	};
}

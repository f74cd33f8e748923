/**
 * Registry of the process groups this harness started, and how to end them.
 * Only PIDs recorded here are ever signalled: nothing is looked up or killed by name.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface Entry {
	pid: number;
	label: string;
	/** What `stopProcessGroup` sends first (SIGTERM; PostgreSQL's fast shutdown is SIGINT). */
	stopSignal: NodeJS.Signals;
}

const registry = new Map<number, Entry>();
/** Throwaway folders (instance folders, pack folders) to delete if the harness process ends before `stop()`. */
const folders = new Set<string>();
let hooksInstalled = false;

/** True while a process with this PID exists (signal 0 probes without signalling). */
export function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/** True while `pid` exists and is not a zombie (an exited process nobody reaped yet). */
export function isRunning(pid: number): boolean {
	if (!isAlive(pid)) return false;
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
	} catch {
		return !existsSync('/proc/self/stat');
	}
}

/**
 * True while any live (non-zombie) process of the group led by `pid` exists. Zombies are skipped because
 * in a container PID 1 may never reap orphans, and a zombie holds no resources.
 */
export function isGroupAlive(pid: number): boolean {
	if (existsSync('/proc/self/stat')) return groupMembers(pid).length > 0;
	try {
		process.kill(-pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

export function signalGroup(pid: number, signal: NodeJS.Signals): void {
	try {
		process.kill(-pid, signal);
	} catch {
		/* group already gone */
	}
}

/** Record a process group leader started by this harness (spawned with `detached: true`). */
export function registerProcess(pid: number, label: string, stopSignal: NodeJS.Signals = 'SIGTERM'): void {
	registry.set(pid, { pid, label, stopSignal });
	installExitHooks();
}

export function unregisterProcess(pid: number): void {
	registry.delete(pid);
}

/** Delete `path` (recursively) on exit/SIGINT/SIGTERM unless unregistered first. */
export function registerFolder(path: string): void {
	folders.add(path);
	installExitHooks();
}

export function unregisterFolder(path: string): void {
	folders.delete(path);
}

/**
 * A fresh folder under the system temp folder, deleted by `remove()`, or on exit/SIGINT/SIGTERM before that;
 * a kept one (`keep`) is never deleted.
 */
export interface TempFolder {
	path: string;
	remove(): Promise<void>;
}

export async function makeTempFolder(prefix: string, keep = false): Promise<TempFolder> {
	const path = await mkdtemp(join(tmpdir(), prefix));
	if (!keep) registerFolder(path);
	return {
		path,
		async remove() {
			if (!keep) await rm(path, { recursive: true, force: true });
			unregisterFolder(path);
		},
	};
}

/** An existing folder handled like `makeTempFolder`'s (a restart reuses its server's folder). */
export function adoptFolder(path: string, keep = false): TempFolder {
	if (!keep) registerFolder(path);
	return {
		path,
		async remove() {
			if (!keep) await rm(path, { recursive: true, force: true });
			unregisterFolder(path);
		},
	};
}

function removeFoldersSync(): void {
	for (const path of folders) {
		try {
			rmSync(path, { recursive: true, force: true });
		} catch {
			/* best effort */
		}
	}
	folders.clear();
}

/** PIDs currently recorded (for diagnostics and tests). */
export function registeredProcesses(): { pid: number; label: string }[] {
	return [...registry.values()].map(({ pid, label }) => ({ pid, label }));
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Signal the process group led by `pid` (its registered stop signal: SIGTERM unless a server wants another,
 * e.g. PostgreSQL's fast shutdown is SIGINT), wait up to `graceMs` for every member to exit, then SIGKILL the
 * group and wait again (bounded). Resolves once the group is gone.
 */
export async function stopProcessGroup(
	pid: number,
	graceMs = 15_000,
	firstSignal: NodeJS.Signals = registry.get(pid)?.stopSignal ?? 'SIGTERM',
): Promise<void> {
	signalGroup(pid, firstSignal);
	const deadline = Date.now() + graceMs;
	while (isGroupAlive(pid) && Date.now() < deadline) await sleep(100);
	if (isGroupAlive(pid)) {
		signalGroup(pid, 'SIGKILL');
		const killDeadline = Date.now() + 5_000;
		while (isGroupAlive(pid) && Date.now() < killDeadline) await sleep(50);
	}
	unregisterProcess(pid);
}

/** Stop every registered group (used by jest `afterAll` and by the exit hooks). */
export async function stopAllProcesses(graceMs = 15_000): Promise<void> {
	await Promise.all([...registry.keys()].map((pid) => stopProcessGroup(pid, graceMs)));
}

/** Synchronous last resort on exit: SIGKILL whatever is still registered. */
export function killAllProcessesSync(): void {
	for (const pid of registry.keys()) signalGroup(pid, 'SIGKILL');
	registry.clear();
}

function installExitHooks(): void {
	if (hooksInstalled) return;
	hooksInstalled = true;
	process.on('exit', () => {
		// No async work is possible here: SIGTERM first for a chance to flush, then SIGKILL.
		for (const pid of registry.keys()) signalGroup(pid, 'SIGTERM');
		killAllProcessesSync();
		removeFoldersSync();
	});
	// A terminal's Ctrl-C reaches the whole process group, and tsx forwards it again: the first signal starts
	// the cleanup, repeats are ignored (with `once`, the second one killed the process before it finished).
	let cleaningUp = false;
	for (const signal of ['SIGINT', 'SIGTERM'] as const) {
		process.on(signal, () => {
			if (cleaningUp) return;
			cleaningUp = true;
			void stopAllProcesses(5_000).finally(() => {
				removeFoldersSync();
				process.exit(signal === 'SIGINT' ? 130 : 143);
			});
		});
	}
}

/**
 * PIDs of every live (non-zombie) process in the group `pgid` (Linux `/proc`), e.g. n8n and its task
 * runner, so a test can check that all of them are gone after `stop()`.
 */
export function groupMembers(pgid: number): number[] {
	const members: number[] = [];
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
			// Fields after the command name (which may contain spaces) start after the last ')'.
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			const state = fields[0];
			if (Number(fields[2]) === pgid && state !== 'Z') members.push(Number(entry));
		} catch {
			/* process ended meanwhile */
		}
	}
	return members;
}

/** A cross-process lock made of `mkdir` (atomic), with stale-lock detection by PID. */
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';

import type { Logger } from './log';
import { isAlive } from './processes';

export interface LockOptions {
	/** Give up waiting after this long. Default 30 minutes (a cold install takes ~4). */
	timeoutMs?: number;
	log?: Logger;
}

interface Owner {
	pid: number;
	host: string;
	since: string;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function readOwner(lockDir: string): Promise<Owner | undefined> {
	try {
		return JSON.parse(await readFile(join(lockDir, 'owner.json'), 'utf8')) as Owner;
	} catch {
		return undefined;
	}
}

/** A lock is stale when its owner died, or when it has no owner file after a short grace period. */
async function isStale(lockDir: string): Promise<boolean> {
	const owner = await readOwner(lockDir);
	if (owner) return owner.host === hostname() && !isAlive(owner.pid);
	try {
		const info = await stat(lockDir);
		return Date.now() - info.mtimeMs > 10_000;
	} catch {
		return false;
	}
}

/**
 * Remove a stale lock without racing another process doing the same: only the holder of `<lock>.break`
 * (itself a mkdir lock) may remove it, and only after checking staleness again. Otherwise two runs could both
 * see the dead owner, and the second would delete the lock the first had just re-created.
 */
async function breakStaleLock(lockDir: string, log?: Logger): Promise<boolean> {
	const breaker = `${lockDir}.break`;
	try {
		await mkdir(breaker);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		// A breaker left by a run that died in the few milliseconds it is held.
		const info = await stat(breaker).catch(() => undefined);
		if (info && Date.now() - info.mtimeMs > 30_000) await rm(breaker, { recursive: true, force: true });
		return false;
	}
	try {
		if (!(await isStale(lockDir))) return false;
		log?.(`removing stale lock ${lockDir}`);
		await rm(lockDir, { recursive: true, force: true });
		return true;
	} finally {
		await rm(breaker, { recursive: true, force: true });
	}
}

/** Take the lock at `lockDir` (waiting while another live process holds it); returns the release function. */
export async function acquireLock(lockDir: string, options: LockOptions = {}): Promise<() => Promise<void>> {
	const deadline = Date.now() + (options.timeoutMs ?? 30 * 60 * 1000);
	let announced = false;
	for (;;) {
		try {
			await mkdir(lockDir);
			const owner: Owner = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
			await writeFile(join(lockDir, 'owner.json'), JSON.stringify(owner));
			return async () => {
				await rm(lockDir, { recursive: true, force: true });
			};
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		}
		if ((await isStale(lockDir)) && (await breakStaleLock(lockDir, options.log))) continue;
		if (Date.now() > deadline) throw new Error(`timed out waiting for lock ${lockDir}`);
		if (!announced) {
			const owner = await readOwner(lockDir);
			options.log?.(`waiting for another run (pid ${owner?.pid ?? '?'}) holding ${lockDir}`);
			announced = true;
		}
		await sleep(1000);
	}
}

/**
 * A cross-process lock (proper-lockfile: an atomic `mkdir`, kept fresh by touching its mtime; a lock whose
 * holder stopped refreshing it for `STALE_MS` is taken over). Released on exit too.
 */
import { lock } from 'proper-lockfile';

import type { Logger } from './log';

export interface LockOptions {
	/** Give up waiting after this long. Default 30 minutes (a cold install takes ~4). */
	timeoutMs?: number;
	log?: Logger;
}

/** A holder that died (or hangs) is noticed after this long. */
const STALE_MS = 30_000;

/** Take the lock at `lockDir` (waiting while another live process holds it); returns the release function. */
export async function acquireLock(lockDir: string, options: LockOptions = {}): Promise<() => Promise<void>> {
	const deadline = Date.now() + (options.timeoutMs ?? 30 * 60 * 1000);
	for (let attempt = 1; ; attempt++) {
		try {
			return await lock(lockDir, {
				lockfilePath: lockDir,
				realpath: false,
				stale: STALE_MS,
				// Default: throw from a timer (crashing the process) when the lock could not be refreshed in time.
				onCompromised: (error) => options.log?.(`lock ${lockDir} compromised: ${error.message}`),
			});
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
		}
		if (Date.now() > deadline) throw new Error(`timed out waiting for lock ${lockDir}`);
		if (attempt === 1) options.log?.(`waiting for another run holding ${lockDir}`);
		await new Promise((resolve) => setTimeout(resolve, 1000));
	}
}

/** Whether this machine can run a queue-mode cluster: PostgreSQL and Redis from Debian's packages. */
import { spawnSync } from 'child_process';

import { postgresBinDir } from './postgres';
import { redisServerBin } from './redis';

export function hasPostgres(): boolean {
	try {
		postgresBinDir();
		return true;
	} catch {
		return false;
	}
}

export function hasRedis(): boolean {
	return spawnSync(redisServerBin(), ['--version'], { stdio: 'ignore' }).status === 0;
}

/** Why queue mode cannot run here (what to install), or undefined when it can. */
export function queueModeMissing(): string | undefined {
	const missing = [...(hasPostgres() ? [] : ['postgresql']), ...(hasRedis() ? [] : ['redis-server'])];
	return missing.length === 0 ? undefined : `not installed: ${missing.join(', ')} (apt-get install -y ${missing.join(' ')})`;
}

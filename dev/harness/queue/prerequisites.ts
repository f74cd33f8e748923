/** Whether this machine can run a queue-mode cluster: PostgreSQL and Redis from Debian's packages. */
import { spawnSync } from 'child_process';

import { postgresBinDir } from './postgres';
import { redisServerBin } from './redis';

/** Why queue mode cannot run here (what to install), or undefined when it can. */
export function queueModeMissing(): string | undefined {
	const missing: string[] = [];
	try {
		postgresBinDir();
	} catch {
		missing.push('postgresql');
	}
	if (spawnSync(redisServerBin(), ['--version'], { stdio: 'ignore' }).status !== 0) missing.push('redis-server');
	return missing.length === 0 ? undefined : `not installed: ${missing.join(', ')} (apt-get install -y ${missing.join(' ')})`;
}

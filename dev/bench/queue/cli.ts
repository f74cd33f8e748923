/**
 * Standalone: `npx tsx bench/queue/cli.ts [callbacks] [concurrency]` prints runQueueBench's result as JSON.
 * (`npm run bench` calls runQueueBench itself.)
 */
import { runQueueBench } from './index';

const [callbacks, concurrency] = process.argv.slice(2).map(Number);
runQueueBench({ callbacks: callbacks || undefined, concurrency: concurrency || undefined })
	.then((result) => process.stdout.write(`${JSON.stringify(result, null, '\t')}\n`))
	.catch((error: unknown) => {
		process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
		process.exitCode = 1;
	});

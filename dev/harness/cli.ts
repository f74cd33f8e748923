/**
 * Manual entry points:
 *   tsx harness/cli.ts install            install (or reuse) Node 24 + n8n in the cache
 *   tsx harness/cli.ts start [tarball]    boot an instance with this package, print its details, stop on Ctrl-C
 */
import { ensureRuntime } from './install';
import { startN8n } from './instance';

async function main(): Promise<void> {
	const [command, tarball] = process.argv.slice(2);
	if (command === 'install') {
		const runtime = await ensureRuntime();
		process.stdout.write(`${JSON.stringify(runtime, null, '\t')}\n`);
		return;
	}
	if (command === 'start') {
		const n8n = await startN8n({ packageTarball: tarball });
		process.stdout.write(
			`${JSON.stringify({ baseUrl: n8n.baseUrl, owner: n8n.owner, apiKey: n8n.api.apiKey, folder: n8n.folder, pid: n8n.pid }, null, '\t')}\n`,
		);
		process.stdout.write('running; Ctrl-C stops it\n');
		// n8n's process is unref'd: keep this one alive until a signal arrives (the registry's hooks then stop n8n).
		const keepAlive = setInterval(() => undefined, 1 << 30);
		await new Promise<void>((resolve) => {
			process.once('SIGINT', resolve);
			process.once('SIGTERM', resolve);
		});
		clearInterval(keepAlive);
		await n8n.stop();
		return;
	}
	process.stderr.write('usage: tsx harness/cli.ts install | start [package.tgz]\n');
	process.exitCode = 2;
}

main().catch((error: unknown) => {
	process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
	process.exitCode = 1;
});

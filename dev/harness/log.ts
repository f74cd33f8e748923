/** Progress lines: every harness step reports through one of these. */
export type Logger = (line: string) => void;

/** Default logger: timestamped lines on stderr, so they show up under jest and tsx alike. */
export const defaultLogger: Logger = (line) => {
	const time = new Date().toISOString().slice(11, 19);
	process.stderr.write(`[n8n-harness ${time}] ${line}\n`);
};

/** A logger that drops everything (pass `log: false` to the high-level helpers). */
export const silentLogger: Logger = () => undefined;

export function resolveLogger(log: Logger | boolean | undefined): Logger {
	if (log === false) return silentLogger;
	if (typeof log === 'function') return log;
	return defaultLogger;
}

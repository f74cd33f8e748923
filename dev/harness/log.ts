/** Progress lines: every harness step reports through one of these. */
import { readFileSync } from 'node:fs';

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

export function lastLines(text: string, count: number): string {
	const lines = text.split('\n');
	return lines.slice(Math.max(0, lines.length - count - 1)).join('\n');
}

/** The last `lines` lines of a log file, or `(no log)`. */
export function logFileTail(file: string, lines: number): string {
	try {
		return lastLines(readFileSync(file, 'utf8'), lines);
	} catch {
		return '(no log)';
	}
}

/**
 * n8n's memory: the resident set of its whole process tree (main process + task runner children),
 * read from /proc by PID every `intervalMs`. Linux only; elsewhere the figures are NaN.
 */
import { readdirSync, readFileSync } from 'fs';

/** Children by parent PID, from /proc/<pid>/stat (field 4 is the parent). */
function childrenByParent(): Map<number, number[]> {
	const children = new Map<number, number[]>();
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
			// The command name may contain spaces and parentheses: fields start after the last ')'.
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			const parent = Number(fields[1]);
			const list = children.get(parent) ?? [];
			list.push(Number(entry));
			children.set(parent, list);
		} catch {
			// the process ended meanwhile
		}
	}
	return children;
}

/** `pid` and all its descendants. */
export function processTree(pid: number): number[] {
	const children = childrenByParent();
	const tree: number[] = [];
	const queue = [pid];
	while (queue.length > 0) {
		const next = queue.shift() as number;
		tree.push(next);
		queue.push(...(children.get(next) ?? []));
	}
	return tree;
}

function rssBytes(pid: number): number {
	try {
		const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
		return match ? Number(match[1]) * 1024 : 0;
	} catch {
		return 0;
	}
}

/** Summed RSS (bytes) of `pid`'s process tree now; NaN when /proc is unavailable. */
export function treeRss(pid: number): number {
	try {
		return processTree(pid).reduce((sum, member) => sum + rssBytes(member), 0);
	} catch {
		return Number.NaN;
	}
}

export interface MemorySample {
	/** RSS of the tree when sampling started. */
	startBytes: number;
	peakBytes: number;
	endBytes: number;
	samples: number;
}

export class MemorySampler {
	private timer: NodeJS.Timeout | undefined;
	private startBytes = Number.NaN;
	private peakBytes = 0;
	private lastBytes = Number.NaN;
	private samples = 0;

	constructor(
		private readonly pid: number,
		private readonly intervalMs = 200,
	) {}

	start(): this {
		this.startBytes = this.sample();
		this.timer = setInterval(() => this.sample(), this.intervalMs);
		this.timer.unref();
		return this;
	}

	stop(): MemorySample {
		if (this.timer) clearInterval(this.timer);
		this.timer = undefined;
		const endBytes = this.sample();
		return { startBytes: this.startBytes, peakBytes: this.peakBytes, endBytes, samples: this.samples };
	}

	private sample(): number {
		const bytes = treeRss(this.pid);
		this.samples++;
		if (Number.isFinite(bytes)) this.peakBytes = Math.max(this.peakBytes, bytes);
		this.lastBytes = bytes;
		return bytes;
	}

	get currentBytes(): number {
		return this.lastBytes;
	}
}

/** Sample `pid`'s tree while `work` runs. */
export async function withMemory<T>(pid: number, work: () => Promise<T>): Promise<{ result: T; memory: MemorySample }> {
	const sampler = new MemorySampler(pid).start();
	try {
		const result = await work();
		return { result, memory: sampler.stop() };
	} catch (error) {
		sampler.stop();
		throw error;
	}
}

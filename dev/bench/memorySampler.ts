/**
 * n8n's memory: the resident set of its whole process group (the harness starts n8n detached, so its
 * task runner shares n8n's group), read from /proc every `intervalMs`. Linux only; elsewhere NaN.
 */
import { readFileSync } from 'fs';

import { groupMembers } from '../harness/processes';

function rssBytes(pid: number): number {
	try {
		const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
		return match ? Number(match[1]) * 1024 : 0;
	} catch {
		return 0;
	}
}

/** Summed RSS (bytes) of the process group `pid` leads, now; NaN when /proc is unavailable. */
function groupRss(pid: number): number {
	try {
		return groupMembers(pid).reduce((sum, member) => sum + rssBytes(member), 0);
	} catch {
		return Number.NaN;
	}
}

export interface MemorySample {
	/** RSS of the group when sampling started. */
	startBytes: number;
	peakBytes: number;
	endBytes: number;
	samples: number;
}

export class MemorySampler {
	private timer: NodeJS.Timeout | undefined;
	private startBytes = Number.NaN;
	private peakBytes = 0;
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
		const bytes = groupRss(this.pid);
		this.samples++;
		if (Number.isFinite(bytes)) this.peakBytes = Math.max(this.peakBytes, bytes);
		return bytes;
	}
}

/** Sample the process group `pid` leads while `work` runs. */
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

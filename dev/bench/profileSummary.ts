/**
 * Reads a V8 .cpuprofile (n8n started with `--cpu-prof`) and says where the CPU went during a time
 * window: self time by area (our package, n8n's parts, the database, the expression isolate, GC, idle)
 * and the top functions, plus inclusive time under a few functions worth naming.
 * Timestamps in a .cpuprofile are CLOCK_MONOTONIC µs, the same clock as `process.hrtime` here.
 */
import { readFileSync } from 'fs';

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number };
	children?: number[];
}

interface CpuProfile {
	nodes: ProfileNode[];
	startTime: number;
	endTime: number;
	samples: number[];
	timeDeltas: number[];
}

export interface ProfileSummary {
	windowMs: number;
	sampledMs: number;
	/** Sampled time not idle: the main thread's CPU in the window. */
	busyMs: number;
	/** Share of non-idle CPU time per area, largest first. */
	areas: { area: string; ms: number; share: number }[];
	topFunctions: { fn: string; ms: number; share: number }[];
	/** Inclusive (self + callees) time under named functions. */
	inclusive: { fn: string; ms: number; share: number }[];
}

/** Which part of the stack a frame belongs to, by its script URL. */
export function areaOf(url: string, functionName: string): string {
	if (functionName === '(garbage collector)') return 'V8 garbage collector';
	if (functionName === '(idle)') return '(idle)';
	if (functionName === '(program)') return 'V8/native (program)';
	if (url.includes('/nodes/node_modules/n8n-nodes-tencent-desk/')) return 'this package (trigger/action node)';
	if (url.includes('@n8n/expression-runtime') || url.includes('isolated-vm')) return 'n8n expression engine (isolate)';
	if (url.includes('/n8n-workflow/')) {
		if (/expression|tmpl|workflow-data-proxy|extensions/.test(url)) return 'n8n-workflow: expressions';
		return 'n8n-workflow: other';
	}
	if (url.includes('/n8n-core/')) return 'n8n-core: execution engine';
	if (url.includes('/typeorm/') || url.includes('/sqlite3/') || url.includes('/@n8n/db/')) return 'database (typeorm/sqlite)';
	if (/\/(express|body-parser|router|raw-body|iconv-lite|qs|send|finalhandler|on-finished|cookie-parser|helmet|compression)\//.test(url)) return 'HTTP (express, body parsing)';
	if (url.includes('/n8n/dist/webhooks/')) return 'n8n: webhook handling';
	if (url.includes('/n8n/dist/')) return 'n8n: server (other)';
	if (url.includes('/n8n-nodes-base/')) return 'n8n built-in nodes';
	if (url.includes('/@n8n/')) return 'n8n packages (other)';
	if (url.startsWith('node:') || url === '') return 'Node.js core / native';
	if (url.includes('/node_modules/')) return 'other dependencies';
	return 'other';
}

/**
 * Which frames a name given to summarizeProfile/callersOf means: `fn` is any function called fn; `fn@part` only
 * one whose script URL contains `part` (our answer node's `execute`, not the IF node's); `*@part` any function
 * of a script whose URL contains `part` (the answer guard's closures have no names).
 */
export function frameMatcher(spec: string): (frame: { functionName: string; url: string }) => boolean {
	const at = spec.indexOf('@');
	if (at <= 0) return (frame) => frame.functionName === spec;
	const name = spec.slice(0, at);
	const part = spec.slice(at + 1);
	return (frame) => (name === '*' || frame.functionName === name) && frame.url.includes(part);
}

export function summarizeProfile(
	file: string,
	window?: { startUs: number; endUs: number },
	inclusiveNames: string[] = ['webhook', 'getNodeOutputs', 'acquireIsolate', 'runNode', 'executeWebhook', 'saveExecutionProgress', 'getSimpleParameterValue'],
): ProfileSummary {
	const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
	const byId = new Map(profile.nodes.map((node) => [node.id, node]));
	const parent = new Map<number, number>();
	for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

	const selfUs = new Map<number, number>();
	let time = profile.startTime;
	let sampledUs = 0;
	for (let i = 0; i < profile.samples.length; i++) {
		time += profile.timeDeltas[i];
		if (window && (time < window.startUs || time > window.endUs)) continue;
		const delta = profile.timeDeltas[i + 1] ?? 0;
		if (delta <= 0) continue;
		selfUs.set(profile.samples[i], (selfUs.get(profile.samples[i]) ?? 0) + delta);
		sampledUs += delta;
	}

	const areas = new Map<string, number>();
	const functions = new Map<string, number>();
	const inclusive = new Map<string, number>(inclusiveNames.map((name) => [name, 0]));
	const matchers = inclusiveNames.map((name) => [name, frameMatcher(name)] as const);
	let busyUs = 0;
	for (const [id, us] of selfUs) {
		const node = byId.get(id) as ProfileNode;
		const { functionName, url, lineNumber } = node.callFrame;
		const area = areaOf(url, functionName);
		areas.set(area, (areas.get(area) ?? 0) + us);
		if (area === '(idle)') continue;
		busyUs += us;
		const shortUrl = url.replace(/^.*node_modules\//, '').replace(/^file:\/\//, '');
		const key = `${functionName || '(anonymous)'} ${shortUrl}:${lineNumber + 1}`;
		functions.set(key, (functions.get(key) ?? 0) + us);
		// Inclusive: each named function counted once per sample stack.
		const seen = new Set<string>();
		for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
			const frame = (byId.get(at) as ProfileNode).callFrame;
			for (const [name, matches] of matchers) {
				if (!seen.has(name) && matches(frame)) {
					seen.add(name);
					inclusive.set(name, (inclusive.get(name) ?? 0) + us);
				}
			}
		}
	}
	const share = (us: number) => (busyUs > 0 ? us / busyUs : 0);
	return {
		windowMs: window ? (window.endUs - window.startUs) / 1000 : (profile.endTime - profile.startTime) / 1000,
		sampledMs: sampledUs / 1000,
		busyMs: busyUs / 1000,
		areas: [...areas]
			.filter(([area]) => area !== '(idle)')
			.sort((a, b) => b[1] - a[1])
			.map(([area, us]) => ({ area, ms: us / 1000, share: share(us) }))
			.concat([{ area: '(idle)', ms: (areas.get('(idle)') ?? 0) / 1000, share: Number.NaN }]),
		topFunctions: [...functions]
			.sort((a, b) => b[1] - a[1])
			.slice(0, 20)
			.map(([fn, us]) => ({ fn, ms: us / 1000, share: share(us) })),
		inclusive: [...inclusive].map(([fn, us]) => ({ fn, ms: us / 1000, share: share(us) })),
	};
}

export function formatProfile(summary: ProfileSummary, perCallbackDivisor?: number): string {
	const per = (ms: number) => (perCallbackDivisor ? `  (${((ms * 1000) / perCallbackDivisor).toFixed(0)} µs per unit)` : '');
	const lines = [`window ${summary.windowMs.toFixed(0)} ms, sampled ${summary.sampledMs.toFixed(0)} ms, busy ${summary.busyMs.toFixed(0)} ms${per(summary.busyMs)}`];
	lines.push('CPU by area (share of busy time):');
	for (const { area, ms, share } of summary.areas) {
		lines.push(`  ${Number.isNaN(share) ? '      ' : `${(share * 100).toFixed(1).padStart(5)}%`} ${ms.toFixed(0).padStart(7)} ms  ${area}${per(ms)}`);
	}
	lines.push('Inclusive time under:');
	for (const { fn, ms, share } of summary.inclusive) lines.push(`  ${(share * 100).toFixed(1).padStart(5)}% ${ms.toFixed(0).padStart(7)} ms  ${fn}()${per(ms)}`);
	lines.push('Top functions (self time):');
	for (const { fn, ms, share } of summary.topFunctions) lines.push(`  ${(share * 100).toFixed(1).padStart(5)}% ${ms.toFixed(0).padStart(7)} ms  ${fn}`);
	return lines.join('\n');
}

/** Where `fn` (a frameMatcher spec) is called from: inclusive time per distinct caller chain (up to `depth` frames above it). */
export function callersOf(file: string, fn: string, window?: { startUs: number; endUs: number }, depth = 3): { chain: string; ms: number }[] {
	const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
	const byId = new Map(profile.nodes.map((node) => [node.id, node]));
	const parent = new Map<number, number>();
	for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
	const frame = (node: ProfileNode) => `${node.callFrame.functionName || '(anonymous)'} (${node.callFrame.url.replace(/^.*node_modules\//, '')}:${node.callFrame.lineNumber + 1})`;
	const chains = new Map<string, number>();
	const matches = frameMatcher(fn);
	let time = profile.startTime;
	for (let i = 0; i < profile.samples.length; i++) {
		time += profile.timeDeltas[i];
		if (window && (time < window.startUs || time > window.endUs)) continue;
		const delta = profile.timeDeltas[i + 1] ?? 0;
		// Outermost occurrence of fn on this sample's stack, then its callers.
		let found: number | undefined;
		for (let at: number | undefined = profile.samples[i]; at !== undefined; at = parent.get(at)) {
			if (matches((byId.get(at) as ProfileNode).callFrame)) found = at;
		}
		if (found === undefined) continue;
		const names: string[] = [];
		for (let at = parent.get(found); at !== undefined && names.length < depth; at = parent.get(at)) {
			const node = byId.get(at) as ProfileNode;
			if (node.callFrame.functionName === '(root)') break;
			names.push(frame(node));
		}
		const chain = names.join(' ← ') || '(top level)';
		chains.set(chain, (chains.get(chain) ?? 0) + delta);
	}
	return [...chains].sort((a, b) => b[1] - a[1]).map(([chain, us]) => ({ chain, ms: us / 1000 }));
}

/**
 * Callbacks through a real n8n: the same signed Desk callbacks (all 17 event types in turn, signed by the
 * simulator exactly as Desk signs them) from a bounded load generator on 127.0.0.1. Sides compared in one
 * setting run in interleaved rounds (A B C, B C A, C A B, …) so that load from other processes on a shared
 * machine falls on every side alike. Measures the ack rate and latency, when the last execution finished,
 * and n8n's peak memory.
 */
import { randomUUID } from 'crypto';

import { DESK_EVENTS, SESSION_EVENT_COMMAND } from '../../nodes/shared/events';
import type { DeskSimulator } from '../simulator';
import { mergeLoads, runLoad, type LoadResult, type LoadRun, type SendOutcome } from '../harness/loadGenerator';
import { withMemory, type MemorySample } from './memorySampler';
import type { BenchInstance, DeployedWorkflow } from './n8nSetup';
import { finishedExecutions, waitForFinishedExecutions } from './n8nSetup';
import type { BenchWorkflow } from './workflows';

export interface CallbackRun {
	side: string;
	setting: string;
	count: number;
	concurrency: number;
	/** Interleaved rounds the count was split into. */
	rounds: number;
	load: LoadResult;
	/** Acknowledged callbacks per second (the load generator's view). */
	acksPerSecond: number;
	/** Callbacks per second end to end: from the first request to the last execution finished (summed over rounds). */
	callbacksPerSecond: number;
	/** Seconds from the first request to the last execution finished (summed over rounds). */
	endToEndSeconds: number;
	executions: { success: number; error: number; timedOut: boolean };
	/** Start = RSS before the first round, peak = the highest seen in any round. */
	memory: MemorySample;
}

/** The body Desk sends for the i-th callback: events in catalogue order, message events with a short text. */
export function callbackPayload(index: number): Record<string, unknown> {
	const event = DESK_EVENTS[index % DESK_EVENTS.length];
	return {
		CallbackCommand: SESSION_EVENT_COMMAND,
		SessionId: randomUUID(),
		Event: event.value,
		EventTime: Date.now(),
		ChannelType: 'SDK',
		ClientUserId: `user_${index % 500}`,
		CustomerServiceId: '@customer_service_account',
		AgentId: event.phase === 'human' ? 'agent1@example.com' : '',
		...(event.isMessage && {
			MsgKey: `152_${index}_bench`,
			MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: 'How do I request a refund?' } }],
			CloudCustomData: '',
		}),
		IsContactUser: false,
	};
}

/** The load generator's `send`: the i-th callback to `url`, signed by the simulator. */
export function callbackSender(simulator: DeskSimulator, url: string) {
	return async (index: number, timeoutMs: number): Promise<SendOutcome> => {
		// No retries: Desk would retry a failed ack, but the benchmark counts each request once.
		const result = await simulator.sendCallback(url, callbackPayload(index), { timeoutMs });
		return { status: result.status, latencyMs: result.latencyMs, ...(result.error !== undefined && { error: result.error }) };
	};
}

export interface CallbackScenario {
	side: string;
	workflow: BenchWorkflow;
	count: number;
}

interface Chunk {
	load: LoadRun;
	endToEndMs: number;
	success: number;
	error: number;
	timedOut: boolean;
	memory: MemorySample;
}

export interface MeasureHooks {
	onMeasuredStart?: () => void;
	onMeasuredEnd?: () => void;
}

/** Unmeasured warm-up: a few callbacks, and their executions finished. */
async function warmUp(instance: BenchInstance, simulator: DeskSimulator, target: DeployedWorkflow, count: number, concurrency: number): Promise<void> {
	const before = await finishedExecutions(instance.n8n, target.id);
	const warmup = Math.min(30, Math.max(3, Math.floor(count / 20)));
	await runLoad({ count: warmup, concurrency: Math.min(concurrency, warmup) }, callbackSender(simulator, target.url));
	await waitForFinishedExecutions(instance.n8n, target.id, before.success + before.error + warmup, 120_000);
}

/** `count` callbacks to one deployed workflow, until every execution finished; memory sampled throughout. */
async function measureChunk(
	instance: BenchInstance,
	simulator: DeskSimulator,
	target: DeployedWorkflow,
	count: number,
	concurrency: number,
	hooks: MeasureHooks = {},
): Promise<Chunk> {
	const before = await finishedExecutions(instance.n8n, target.id);
	const { result, memory } = await withMemory(instance.n8n.pid, async () => {
		hooks.onMeasuredStart?.();
		const load = await runLoad({ count, concurrency }, callbackSender(simulator, target.url));
		// Executions run after the ack; the backlog may outlast the load.
		const finished = await waitForFinishedExecutions(
			instance.n8n,
			target.id,
			before.success + before.error + load.ok,
			Math.max(120_000, count * 200),
		);
		hooks.onMeasuredEnd?.();
		return { load, finished };
	});
	const { load, finished } = result;
	return {
		load,
		endToEndMs: Math.max(finished.seenAt, load.startedAt + load.durationMs) - load.startedAt,
		success: finished.success - before.success,
		error: finished.error - before.error,
		timedOut: finished.timedOut,
		memory,
	};
}

function combine(scenario: CallbackScenario, setting: string, concurrency: number, chunks: Chunk[]): CallbackRun {
	const load = mergeLoads(chunks.map((chunk) => chunk.load));
	const endToEndSeconds = chunks.reduce((sum, chunk) => sum + chunk.endToEndMs, 0) / 1000;
	return {
		side: scenario.side,
		setting,
		count: load.count,
		concurrency,
		rounds: chunks.length,
		load,
		acksPerSecond: load.requestsPerSecond,
		callbacksPerSecond: load.ok / endToEndSeconds,
		endToEndSeconds,
		executions: {
			success: chunks.reduce((sum, chunk) => sum + chunk.success, 0),
			error: chunks.reduce((sum, chunk) => sum + chunk.error, 0),
			timedOut: chunks.some((chunk) => chunk.timedOut),
		},
		memory: {
			startBytes: chunks[0].memory.startBytes,
			peakBytes: Math.max(...chunks.map((chunk) => chunk.memory.peakBytes)),
			endBytes: chunks[chunks.length - 1].memory.endBytes,
			samples: chunks.reduce((sum, chunk) => sum + chunk.memory.samples, 0),
		},
	};
}

/**
 * Several sides in one setting: deploy and warm up each, then `rounds` rounds; in round r every side gets
 * its share of the count, in an order rotated by r. Returns one run per side, in the order given.
 */
export async function runCallbackComparison(
	instance: BenchInstance,
	simulator: DeskSimulator,
	scenarios: CallbackScenario[],
	concurrency: number,
	rounds: number,
	onRound?: (line: string) => void,
): Promise<CallbackRun[]> {
	const deployed: DeployedWorkflow[] = [];
	for (const scenario of scenarios) deployed.push(await instance.deploy(scenario.workflow));
	for (const [index, scenario] of scenarios.entries()) await warmUp(instance, simulator, deployed[index], scenario.count, concurrency);
	const chunks: Chunk[][] = scenarios.map(() => []);
	for (let round = 0; round < rounds; round++) {
		for (let k = 0; k < scenarios.length; k++) {
			const index = (k + round) % scenarios.length;
			const scenario = scenarios[index];
			const share = Math.floor(scenario.count / rounds) + (round < scenario.count % rounds ? 1 : 0);
			if (share === 0) continue;
			const chunk = await measureChunk(instance, simulator, deployed[index], share, concurrency);
			chunks[index].push(chunk);
			onRound?.(`round ${round + 1}/${rounds} ${scenario.side}: ${((chunk.load.ok / chunk.endToEndMs) * 1000).toFixed(1)} callbacks/s`);
		}
	}
	return scenarios.map((scenario, index) => combine(scenario, instance.setting.key, concurrency, chunks[index]));
}

/** One side alone (growth runs, profiling): deploy, warm up, one measured run. */
export async function runCallbackScenario(
	instance: BenchInstance,
	simulator: DeskSimulator,
	scenario: CallbackScenario,
	concurrency: number,
	deployed?: DeployedWorkflow,
	hooks: MeasureHooks = {},
): Promise<CallbackRun> {
	const target = deployed ?? (await instance.deploy(scenario.workflow));
	await warmUp(instance, simulator, target, scenario.count, concurrency);
	const chunk = await measureChunk(instance, simulator, target, scenario.count, concurrency, hooks);
	return combine(scenario, instance.setting.key, concurrency, [chunk]);
}

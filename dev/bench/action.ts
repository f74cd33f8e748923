/**
 * Get State for many sessions against the simulator (its 200/s rate limit on): one workflow run per
 * measurement, started through a Webhook that answers when the run is done. The side's wall time is the
 * summed execution time of its own nodes (the shared "one item per session" step is not counted); the
 * simulator reports the requests/s it saw and any 141009 (rate limited) answers.
 */
import { performance } from 'perf_hooks';

import type { DeskSimulator } from '../simulator';
import { httpRequest, sleep } from '../harness/http';
import { withMemory, type MemorySample } from './memorySampler';
import type { BenchInstance, DeployedWorkflow } from './n8nSetup';
import type { BenchWorkflow } from './workflows';

export interface ActionRun {
	side: string;
	setting: string;
	items: number;
	/** Summed execution time of the side's nodes (s). */
	wallSeconds: number;
	itemsPerSecond: number;
	/** Request → answer of the whole workflow run, including n8n's start and the shared split step (s). */
	roundTripSeconds: number;
	nodeSeconds: Record<string, number>;
	simulator: {
		requests: number;
		ok: number;
		rateLimited: number;
		otherErrors: number;
		peakRequestsPerSecond: number;
		rateLimit: number;
	};
	status: string;
	memory: MemorySample;
}

/** Sessions the simulator knows, live (Chatbot), created once and reused by every run. */
export function createSessions(simulator: DeskSimulator, count: number): string[] {
	const ids: string[] = [];
	for (let i = 0; i < count; i++) {
		const session = simulator.sessions.create({ clientUserId: `bench_user_${i}` });
		simulator.sessions.advance(session.sessionId, 'SessionBegin');
		ids.push(session.sessionId);
	}
	return ids;
}

interface RunDataEntry {
	executionTime?: number;
	executionStatus?: string;
}

/**
 * Execution time of each timed node in the workflow's newest run (s), their sum, and the run's status. Lists without data, then
 * reads that one run: the growth workflow accumulates runs of up to 10,000 items.
 */
export async function newestRunTimes(
	n8n: BenchInstance['n8n'],
	deployed: DeployedWorkflow,
): Promise<{ nodeSeconds: Record<string, number>; wallSeconds: number; status: string }> {
	const [newest] = await n8n.api.listExecutions(deployed.id);
	const execution = newest ? await n8n.api.getExecution(newest.id, true) : undefined;
	const runData = (execution?.data?.resultData.runData ?? {}) as Record<string, RunDataEntry[]>;
	const nodeSeconds: Record<string, number> = {};
	for (const name of deployed.workflow.timedNodes) nodeSeconds[name] = (runData[name]?.[0]?.executionTime ?? Number.NaN) / 1000;
	const wallSeconds = Object.values(nodeSeconds).reduce((sum, seconds) => sum + seconds, 0);
	return { nodeSeconds, wallSeconds, status: execution?.status ?? 'unknown' };
}

export async function runActionScenario(
	instance: BenchInstance,
	simulator: DeskSimulator,
	side: string,
	workflow: BenchWorkflow | DeployedWorkflow,
	sessionIds: string[],
	rateLimit: number,
): Promise<ActionRun> {
	const deployed = 'url' in workflow ? workflow : await instance.deploy(workflow);
	const { n8n } = instance;
	simulator.faults.setRateLimit(rateLimit);
	// Let the previous run's 1 s rate window drain so each run starts alike.
	await sleep(1_100);
	simulator.resetStats();
	const { result, memory } = await withMemory(n8n.pid, async () => {
		const started = performance.now();
		const response = await httpRequest(deployed.url, {
			method: 'POST',
			body: { sessionIds },
			timeoutMs: Math.max(300_000, sessionIds.length * 100),
		});
		return { response, roundTripMs: performance.now() - started };
	});
	if (result.response.status !== 200) {
		throw new Error(`${side}: workflow answered HTTP ${result.response.status}: ${result.response.text.slice(0, 300)}`);
	}
	const stats = simulator.stats();
	const { nodeSeconds, wallSeconds, status } = await newestRunTimes(n8n, deployed);
	const ok = stats.byErrorCode['0'] ?? 0;
	const rateLimited = stats.byErrorCode['141009'] ?? 0;
	return {
		side,
		setting: instance.setting.key,
		items: sessionIds.length,
		wallSeconds,
		itemsPerSecond: sessionIds.length / wallSeconds,
		roundTripSeconds: result.roundTripMs / 1000,
		nodeSeconds,
		simulator: {
			requests: stats.totalRequests,
			ok,
			rateLimited,
			otherErrors: stats.totalRequests - ok - rateLimited,
			peakRequestsPerSecond: stats.peakRequestsPerSecond,
			rateLimit,
		},
		status,
		memory,
	};
}

/**
 * Shared by test/queue/queueMode.test.ts: publishing the burst workflow on the cluster, payloads for one
 * session, and reading a burst's outcome (acks, figures, executions per RequestID and webhook processor).
 */
import { burstWorkflow, type BurstResult, type QueueCluster, sessionEventPayload } from '../../dev/harness/queue';
import { CALLBACK_ACK_TEXT } from '../../dev/simulator/callbackPayload';
import type { DeskSimulator } from '../../dev/simulator';

export const CREDENTIAL_NAME = 'Tencent Cloud Desk account';

/** The burst workflow (see dev/harness/queue), active, with its webhook answering; and its production URL. */
export async function publishBurstWorkflow(
	cluster: QueueCluster,
	name: string,
	options: Partial<Parameters<typeof burstWorkflow>[0]> = {},
): Promise<{ workflowId: string; url: string }> {
	const { workflow, webhookId } = burstWorkflow({ name, credentialName: CREDENTIAL_NAME, ...options });
	const created = await cluster.api.createWorkflow(workflow);
	await cluster.api.activateWorkflow(created.id);
	await cluster.waitForWebhook(webhookId);
	return { workflowId: created.id, url: cluster.webhookUrl(webhookId) };
}

/** Callback payloads of one new session, by delivery index. */
export function payloads(simulator: DeskSimulator): (index: number) => ReturnType<typeof sessionEventPayload> {
	const session = simulator.sessions.create({});
	return (index: number) => sessionEventPayload(session, index);
}

/** Every callback of the burst was answered 200 with Tencent's exact ack. */
export function expectAllAcked(burst: BurstResult): void {
	const bad = burst.outcomes.filter((outcome) => outcome.status !== 200 || outcome.responseText !== CALLBACK_ACK_TEXT);
	expect(bad.slice(0, 5)).toEqual([]);
	expect(burst.acked).toBe(burst.outcomes.length);
}

/** Rate and latencies of a burst, rounded for the report. */
export function burstFigures(burst: BurstResult): Record<string, number> {
	return {
		perSecond: Math.round(burst.perSecond * 10) / 10,
		p50Ms: Math.round(burst.p50Ms),
		p99Ms: Math.round(burst.p99Ms),
		maxMs: Math.round(burst.maxMs),
		seconds: Math.round(burst.durationMs / 100) / 10,
	};
}

/** Executions per RequestID, and on which webhook processors (proxy backends) each RequestID arrived. */
export function tally(rows: { requestId: string }[], deliveries: { requestId: string; backend: number }[]) {
	const executions = new Map<string, number>();
	for (const row of rows) executions.set(row.requestId, (executions.get(row.requestId) ?? 0) + 1);
	const backends = new Map<string, Set<number>>();
	for (const delivery of deliveries) {
		const set = backends.get(delivery.requestId) ?? new Set<number>();
		set.add(delivery.backend);
		backends.set(delivery.requestId, set);
	}
	return { executions, backends };
}

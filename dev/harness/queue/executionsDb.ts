/**
 * Counting executions where n8n keeps them in queue mode: PostgreSQL's `execution_entity` (one row per
 * execution, created by the webhook processor before the job is queued) and `execution_data` (the run data,
 * written by the worker). Counting here, not through the API, sees every row whatever its status.
 */
import type { PostgresServer } from './postgres';

export interface ExecutionRow {
	id: number;
	status: string;
	/** The callback's RequestID found in the run data by `requestIdPattern`, or '' when none matched. */
	requestId: string;
	/** Whether the run data names `markerNode` (the node ran), when one was asked for. */
	markerRan: boolean;
	startedAt: string | null;
	stoppedAt: string | null;
	createdAt: string;
}

const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** Executions of a workflow by status (soft-deleted ones included: nothing prunes in the harness). */
export async function executionStatusCounts(db: PostgresServer, workflowId: string): Promise<Record<string, number>> {
	const rows = await db.query(`SELECT status, count(*) FROM execution_entity WHERE "workflowId" = ${quote(workflowId)} GROUP BY status`);
	return Object.fromEntries(rows.map(([status, count]) => [status, Number(count)]));
}

/**
 * Every execution of the workflow with the RequestID its trigger item carried. `requestIdPattern` is a
 * POSIX regex matching the RequestIDs the test generated (e.g. `qb-[0-9a-f]{8}-[0-9]+`); `markerNode` is a node
 * name whose presence in the run data means it ran.
 */
export async function executionRows(
	db: PostgresServer,
	workflowId: string,
	requestIdPattern: string,
	markerNode?: string,
): Promise<ExecutionRow[]> {
	const marker = markerNode ? `position(${quote(JSON.stringify(markerNode))} in coalesce(d.data, '')) > 0` : 'false';
	const rows = await db.query(
		`SELECT e.id, e.status, coalesce(substring(d.data from ${quote(requestIdPattern)}), ''), ${marker},
		        coalesce(to_char(e."startedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS'), ''), coalesce(to_char(e."stoppedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS'), ''),
		        to_char(e."createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS')
		   FROM execution_entity e LEFT JOIN execution_data d ON d."executionId" = e.id
		  WHERE e."workflowId" = ${quote(workflowId)} ORDER BY e.id`,
	);
	return rows.map(([id, status, requestId, ran, startedAt, stoppedAt, createdAt]) => ({
		id: Number(id),
		status,
		requestId,
		markerRan: ran === 't',
		startedAt: startedAt ? `${startedAt}Z` : null,
		stoppedAt: stoppedAt ? `${stoppedAt}Z` : null,
		createdAt: `${createdAt}Z`,
	}));
}

/** Executions not finished yet: `new`, `running`, `waiting` or `unknown`. */
export function openExecutions(counts: Record<string, number>): number {
	return (counts.new ?? 0) + (counts.running ?? 0) + (counts.waiting ?? 0) + (counts.unknown ?? 0);
}

/** Poll until no execution of the workflow is `new`/`running`/`waiting` any more, or the time is up; returns the counts. */
export async function waitForSettledExecutions(
	db: PostgresServer,
	workflowId: string,
	options: { expectedAtLeast?: number; timeoutMs?: number; quietMs?: number } = {},
): Promise<Record<string, number>> {
	const deadline = Date.now() + (options.timeoutMs ?? 10 * 60_000);
	for (;;) {
		const counts = await executionStatusCounts(db, workflowId);
		const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
		if (openExecutions(counts) === 0 && total >= (options.expectedAtLeast ?? 0)) return counts;
		if (Date.now() > deadline) return counts;
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}

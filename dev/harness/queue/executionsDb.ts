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

/** Executions of a workflow by status (soft-deleted ones included: nothing prunes in the harness). */
export async function executionStatusCounts(db: PostgresServer, workflowId: string): Promise<Record<string, number>> {
	const rows = await db.query<{ status: string; count: number }>(
		'SELECT status, count(*)::int AS count FROM execution_entity WHERE "workflowId" = $1 GROUP BY status',
		[workflowId],
	);
	return Object.fromEntries(rows.map(({ status, count }) => [status, count]));
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
	// Timestamps as UTC text (the server runs with TZ=UTC), not Dates in this process's time zone.
	const utc = (column: string) => `to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
	return db.query<ExecutionRow>(
		`SELECT e.id, e.status, coalesce(substring(d.data from $2::text), '') AS "requestId",
		        coalesce(position($3::text in coalesce(d.data, '')) > 0, false) AS "markerRan",
		        ${utc('e."startedAt"')} AS "startedAt", ${utc('e."stoppedAt"')} AS "stoppedAt", ${utc('e."createdAt"')} AS "createdAt"
		   FROM execution_entity e LEFT JOIN execution_data d ON d."executionId" = e.id
		  WHERE e."workflowId" = $1 ORDER BY e.id`,
		[workflowId, requestIdPattern, markerNode === undefined ? null : JSON.stringify(markerNode)],
	);
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

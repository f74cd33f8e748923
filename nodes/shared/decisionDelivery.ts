/**
 * What Desk got for each decision callback this process is answering, so the answer step can tell
 * whether its answer will still reach Desk. The Decision Trigger opens an entry per callback and
 * puts its ID in the item (`decisionId`); when Desk's answer goes out (the workflow's, or the
 * fallback), the entry says which. In memory, per process: in queue mode the answer step runs on
 * a worker, which finds no entry and answers as usual.
 */
import { randomUUID } from 'crypto';

import type { IExecuteFunctions } from 'n8n-workflow';

/** The Decision Trigger's node type name (without the package prefix n8n adds). */
export const DECISION_TRIGGER_NODE_NAME = 'tencentCloudDeskDecisionTrigger';

/** The Decision Trigger's Answer: the workflow's answer step answers, or the fallback goes out at once. */
export type AnswerMode = 'workflow' | 'atOnce';
export const DEFAULT_ANSWER_MODE: AnswerMode = 'workflow';

export const isDecisionTriggerType = (type: string): boolean =>
	type === DECISION_TRIGGER_NODE_NAME || type.endsWith(`.${DECISION_TRIGGER_NODE_NAME}`);

/** Who gave Desk its answer: the workflow's answer step, or the trigger's fallback. (A repeated callback opens no decision.) */
export interface DecisionDelivered {
	answeredBy: 'workflow' | 'fallback';
	/** Why the trigger answered, for a fallback. */
	reason?: string;
	/** Milliseconds from the callback's arrival to the answer. */
	afterMs: number;
}

const MAX_OPEN = 10_000;
const entries = new Map<string, { openedAt: number; delivered?: DecisionDelivered }>();
/** Entries Desk got a non-workflow answer for: while there are none, no answer step can be late. */
let answeredByTrigger = 0;

const byTrigger = (delivered: DecisionDelivered | undefined) => delivered !== undefined && delivered.answeredBy !== 'workflow';

/** A new decision's ID; the oldest entries are dropped beyond MAX_OPEN. */
export function openDecision(nowMs: number): string {
	const id = randomUUID();
	entries.set(id, { openedAt: nowMs });
	while (entries.size > MAX_OPEN) {
		const oldest = entries.keys().next().value as string;
		if (byTrigger(entries.get(oldest)?.delivered)) answeredByTrigger--;
		entries.delete(oldest);
	}
	return id;
}

export function recordDelivery(id: string, answeredBy: DecisionDelivered['answeredBy'], reason: string | undefined, nowMs: number): void {
	const entry = entries.get(id);
	if (!entry || entry.delivered) return;
	entry.delivered = { answeredBy, reason, afterMs: nowMs - entry.openedAt };
	if (byTrigger(entry.delivered)) answeredByTrigger++;
}

/** What Desk already got for decision `id`; undefined while it waits, or when this process does not know the ID. */
export function deliveredAnswer(id: unknown): DecisionDelivered | undefined {
	return typeof id === 'string' ? entries.get(id)?.delivered : undefined;
}

/**
 * What the trigger already answered Desk for the callback this execution answers (the fallback), or
 * undefined when Desk still waits or this process cannot tell. The `decisionId` is read from the
 * Decision Trigger's own item, since the steps in between (an HTTP Request, say) replace the items
 * the answer step gets; that costs a data proxy per answer, so it is looked for only while some
 * decision here was answered by the trigger.
 */
export function answeredByTriggerFor(context: IExecuteFunctions, triggerName: string): DecisionDelivered | undefined {
	if (answeredByTrigger === 0) return undefined;
	const delivered = deliveredAnswer(triggerDecisionId(context, triggerName));
	return byTrigger(delivered) ? delivered : undefined;
}

function triggerDecisionId(context: IExecuteFunctions, triggerName: string): string | undefined {
	try {
		const id: unknown = context.getWorkflowDataProxy(0).$(triggerName).first()?.json?.decisionId;
		return typeof id === 'string' ? id : undefined;
	} catch {
		// The trigger has not run in this execution (a manual run from another node): nothing to tell.
		return undefined;
	}
}

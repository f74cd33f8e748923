/**
 * Assertions on what the trigger's webhook() answered, shared by the test/unit/trigger.*.test.ts files that
 * call it through test/helpers/webhookContext.ts.
 */
import type { INodeExecutionData } from 'n8n-workflow';

import { ALL_EVENTS, DESK_EVENTS } from '../../nodes/shared/events';
import { ACK_TEXT, type WebhookCall, type WebhookSetup } from './webhookContext';

export const EVENT_VALUES = DESK_EVENTS.map((event) => event.value);
/** An event Desk may add one day: not in the catalogue. */
export const UNKNOWN_EVENT = 'Human.AgentSendCard';

/** One output per event, All Events selected. */
export const perEventAll: WebhookSetup = { parameters: { routing: 'perEvent', events: [ALL_EVENTS] } };

/** The request was acknowledged with Tencent's exact ack and `res` was never touched. */
export function expectAck(call: WebhookCall): void {
	expect(JSON.stringify(call.result.webhookResponse)).toBe(ACK_TEXT);
	expect(call.result.noWebhookResponse).toBeUndefined();
	expect(call.response.calls).toEqual([]);
}

/** Acknowledged, and nothing run. */
export function expectAckOnly(call: WebhookCall): void {
	expectAck(call);
	expect(call.result).not.toHaveProperty('workflowData');
}

/** Asserts the shape of workflowData: `outputs` arrays, the one item on `index`. */
export function itemOn(call: WebhookCall, outputs: number, index: number): INodeExecutionData {
	expectAck(call);
	const data = call.result.workflowData;
	expect(data).toBeDefined();
	expect(data).toHaveLength(outputs);
	data!.forEach((items, i) => expect(items).toHaveLength(i === index ? 1 : 0));
	return data![index][0];
}

/** Answered through `res` with `status` and Tencent's FAIL body naming `reason`. */
export function expectRejected(call: WebhookCall, status: number, reason: string): void {
	expect(call.result).toEqual({ noWebhookResponse: true });
	expect(call.response.calls).toEqual([
		{ method: 'status', args: [status] },
		{ method: 'json', args: [{ ActionStatus: 'FAIL', ErrorCode: status, ErrorInfo: reason }] },
	]);
}

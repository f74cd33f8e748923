/** The count behind Max Decisions in Progress, and the answer a repeated callback is given again. */
import { DeliveryDeduplicator } from '../../nodes/shared/deliveryDeduplicator';
import { DecisionsInProgress, OVERDUE_TO_SHED, STALE_AFTER_MS } from '../../nodes/TencentCloudDeskDecisionTrigger/decisionsInProgress';
import { RememberedAnswer } from '../../nodes/TencentCloudDeskDecisionTrigger/rememberedAnswer';

const T0 = 1_765_000_000_000;
const DEADLINE = 1_500;

describe('DecisionsInProgress', () => {
	it('admits up to the limit, refuses beyond it, and admits again once a slot is released', () => {
		const counter = new DecisionsInProgress();
		const slots = [counter.admit(2, T0, DEADLINE), counter.admit(2, T0, DEADLINE)];
		expect(slots.every(Boolean)).toBe(true);
		expect(counter.admit(2, T0, DEADLINE)).toBeUndefined();
		slots[0]?.release();
		slots[0]?.release();
		expect(counter.count).toBe(1);
		expect(counter.admit(2, T0, DEADLINE)).toBeDefined();
	});

	it('reports when refusing starts and stops, once each', () => {
		const counter = new DecisionsInProgress();
		const heard: Array<[boolean, number]> = [];
		const listen = (shedding: boolean, inProgress: number) => heard.push([shedding, inProgress]);
		const slot = counter.admit(1, T0, DEADLINE, listen);
		counter.admit(1, T0, DEADLINE, listen);
		counter.admit(1, T0, DEADLINE, listen);
		slot?.release();
		counter.admit(1, T0, DEADLINE, listen);
		expect(heard).toEqual([
			[true, 1],
			[false, 0],
		]);
	});

	it('refuses while OVERDUE_TO_SHED runs are past the answer deadline, whatever the limit; fewer do not', () => {
		const counter = new DecisionsInProgress();
		const old = Array.from({ length: OVERDUE_TO_SHED - 1 }, () => counter.admit(50, T0, DEADLINE));
		const later = T0 + DEADLINE;
		// OVERDUE_TO_SHED - 1 runs past the deadline: one slow CRM call, say. Still admitted.
		const recent = counter.admit(50, later, DEADLINE);
		expect(recent).toBeDefined();
		// Once `recent` is past the deadline too, the process is behind.
		expect(counter.admit(50, later + DEADLINE, DEADLINE)).toBeUndefined();
		old[0]?.release();
		expect(counter.admit(50, later + DEADLINE, DEADLINE)).toBeDefined();
	});

	it('stops counting a decision n8n never released after STALE_AFTER_MS', () => {
		const counter = new DecisionsInProgress();
		counter.admit(1, T0, DEADLINE);
		expect(counter.admit(1, T0 + STALE_AFTER_MS - 1, DEADLINE)).toBeUndefined();
		expect(counter.admit(1, T0 + STALE_AFTER_MS, DEADLINE)).toBeDefined();
	});
});

describe('RememberedAnswer in the deduplicator', () => {
	it('gives a repeat the first delivery’s answer, now or when it comes, and keeps the first answer only', () => {
		const memory = new DeliveryDeduplicator<RememberedAnswer>();
		const first = memory.deliver('req-1', T0, 60_000, () => new RememberedAnswer());
		if (!first.first) throw new Error('the first delivery was taken for a repeat');
		const early: string[] = [];
		const repeat = memory.deliver('req-1', T0 + 10, 60_000, () => new RememberedAnswer());
		expect(repeat.first).toBe(false);
		repeat.kept?.whenAnswered((text) => early.push(text));
		expect(early).toEqual([]);
		first.kept.answered('{"ActionStatus":"OK"}');
		first.kept.answered('{"ActionStatus":"FAIL"}');
		expect(early).toEqual(['{"ActionStatus":"OK"}']);
		const late: string[] = [];
		memory.deliver('req-1', T0 + 20, 60_000, () => new RememberedAnswer()).kept?.whenAnswered((text) => late.push(text));
		expect(late).toEqual(['{"ActionStatus":"OK"}']);
	});
});

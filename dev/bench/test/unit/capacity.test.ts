/** The capacity search's rules: what passes (finished work included), the bracket, the sustained rate, and the next rate to try. */
import { capacityBracket, CAPACITY_FINISH_WITHIN_SECONDS, nextCapacityRate, passes, sustainedRate, type SearchOptions } from '../../capacity';
import { capacityGoal } from '../../results';
import { capacitySetting, step } from './fixtures';

const options: SearchOptions = { boundsMs: [2000, 1000], startPerSecond: 16, growth: 1.25, resolution: 0.06 };

describe('capacity search', () => {
	it('starts at the given rate', () => {
		expect(nextCapacityRate([], options)).toBe(16);
	});

	it('goes up by the growth factor while every step passes, down while every step fails', () => {
		expect(nextCapacityRate([step(16, 300)], options)).toBe(20);
		expect(nextCapacityRate([step(16, 2500)], options)).toBe(12.8);
		// An error fails a step whatever its latency.
		expect(nextCapacityRate([step(16, 100, 1)], options)).toBe(12.8);
	});

	it('halves the widest bracket (geometric mean) and stops once every bracket is within the resolution', () => {
		// 2 s: passed 16, failed 20; 1 s: passed 16, failed 20 → between them.
		expect(nextCapacityRate([step(16, 300), step(20, 2500)], options)).toBe(17.9);
		const resolved = [step(16, 300), step(20, 2500), step(17.9, 800), step(18.9, 2100), step(18.4, 1500)];
		// 2 s: 18.4 passes, 18.9 fails (2.7 %); 1 s: 17.9 passes, 18.4 fails (2.8 %).
		expect(nextCapacityRate(resolved, options)).toBeUndefined();
	});

	it('counts as sustained only a passing rate below the lowest failing one', () => {
		const steps = [step(10, 300), step(12, 2500), step(14, 900)];
		expect(capacityBracket(steps, 2000)).toEqual({ passed: 10, failed: 12 });
		expect(sustainedRate(steps, 2000)?.ratePerSecond).toBe(10);
		expect(sustainedRate([step(10, 2500)], 2000)).toBeUndefined();
	});

	it('checks the goal against the minimal trigger under every bound', () => {
		const met = capacitySetting('default', { bare: [step(30, 500)], minimal: [step(20, 500), step(22, 2500)], ours: [step(19.5, 500)] });
		expect(capacityGoal(met, [2000, 1000])).toMatchObject({ met: true });
		const missed = capacitySetting('default', { bare: [step(30, 500)], minimal: [step(20, 500)], ours: [step(18, 500), step(19, 2500)] });
		const goal = capacityGoal(missed, [2000, 1000]);
		expect(goal.met).toBe(false);
		expect(goal.measured).toContain('p99 < 2 s: 18 vs 20/s (0.90×);');
		expect(goal.measured).not.toContain('undetermined');
		const noFloor = capacitySetting('default', { bare: [step(30, 500)], minimal: [step(20, 2500)], ours: [step(20, 500)] });
		expect(capacityGoal(noFloor, [2000]).measured).toContain('the minimal trigger sustained no rate tried (from 20/s)');
	});

	it('calls the goal undetermined when the deciding figure is only a lower bound', () => {
		// Ours reached 0.95× the minimal trigger, but the minimal trigger never failed: it may sustain more.
		const minimalOpen = capacitySetting('default', { bare: [step(30, 500)], minimal: [step(20, 500)], ours: [step(19.5, 500), step(25, 2500)] });
		expect(capacityGoal(minimalOpen, [2000])).toEqual(expect.objectContaining({ met: false, measured: expect.stringContaining('undetermined: no step failed for the minimal trigger') }));
		// Ours fell short, but never failed: it may sustain more.
		const oursOpen = capacitySetting('default', { bare: [step(30, 500)], minimal: [step(20, 500), step(22, 2500)], ours: [step(15, 500)] });
		expect(capacityGoal(oursOpen, [2000]).measured).toContain('undetermined: no step failed for ours');
	});

	it('passes a step only when its executions finished within the bound after the last ack, not on acks alone', () => {
		expect(CAPACITY_FINISH_WITHIN_SECONDS).toBe(2);
		expect(passes(step(20, 300, 0, 2), 2000)).toBe(true);
		// Acks in time, but the last execution finished 21.5 s after the last ack: the work did not keep up.
		const behind = step(78, 300, 0, 21.5);
		expect(passes(behind, 2000)).toBe(false);
		expect(passes(behind, 1000)).toBe(false);
		expect(sustainedRate([step(60, 300, 0, 1.2), behind], 2000)?.ratePerSecond).toBe(60);
		expect(capacityBracket([step(60, 300, 0, 1.2), behind], 2000)).toEqual({ passed: 60, failed: 78 });
		// The search treats it as a failing step: it goes down, not up.
		expect(nextCapacityRate([step(16, 300, 0, 2.1)], options)).toBe(12.8);
	});
});

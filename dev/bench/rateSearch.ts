/**
 * The stepped-rate search shared by section 8 (capacity: ack p99 bounds) and section 7 (decisions: the rate
 * answered in time by the workflow). A step is any measurement at one rate; a criterion says whether it passed.
 * Up by a factor until a step fails, down until one passes, then the bracket is halved (geometric mean) until
 * it is within the resolution. The sustained rate for a criterion is the highest passing rate below the lowest
 * failing one.
 */

/** Anything measured at one rate. */
export interface RatedStep {
	ratePerSecond: number;
}

/** Whether a step passed one criterion (a bound, a share answered in time). */
export type StepCriterion<S extends RatedStep> = (step: S) => boolean;

export interface RateSearchOptions {
	startPerSecond: number;
	growth: number;
	resolution: number;
	/** Lowest rate worth trying (below it the side is reported as sustaining none). */
	minPerSecond?: number;
	/** Highest rate tried (the load generator's own limit on this machine). */
	maxPerSecond?: number;
}

/** The bracket of one criterion so far: the lowest failing rate, and the highest passing rate below it. */
export function rateBracket<S extends RatedStep>(steps: S[], passes: StepCriterion<S>): { passed?: number; failed?: number } {
	const failed = steps.filter((step) => !passes(step)).map((step) => step.ratePerSecond);
	const lowestFail = failed.length ? Math.min(...failed) : undefined;
	const below = steps.filter((step) => passes(step) && (lowestFail === undefined || step.ratePerSecond < lowestFail)).map((step) => step.ratePerSecond);
	return { ...(below.length && { passed: Math.max(...below) }), ...(lowestFail !== undefined && { failed: lowestFail }) };
}

/** The step of the sustained rate for a criterion (undefined: no rate passed). */
export function sustainedStep<S extends RatedStep>(steps: S[], passes: StepCriterion<S>): S | undefined {
	const { passed } = rateBracket(steps, passes);
	return passed === undefined ? undefined : steps.find((step) => step.ratePerSecond === passed && passes(step));
}

const roundRate = (rate: number) => Math.round(rate * 10) / 10;

/**
 * The next rate to try, or undefined when every criterion's bracket is resolved (within `resolution`, at the
 * floor or the cap, or the next rate was already tried). The least resolved criterion goes first; among
 * equals the order given.
 */
export function nextRate<S extends RatedStep>(steps: S[], criteria: StepCriterion<S>[], options: RateSearchOptions): number | undefined {
	const { growth, resolution, minPerSecond = 0.5, maxPerSecond = 1000 } = options;
	if (steps.length === 0) return roundRate(Math.min(maxPerSecond, Math.max(minPerSecond, options.startPerSecond)));
	const tried = new Set(steps.map((step) => step.ratePerSecond));
	const candidates: { width: number; rate: number }[] = [];
	for (const passes of criteria) {
		const { passed, failed } = rateBracket(steps, passes);
		let rate: number;
		let width: number;
		if (passed === undefined && failed !== undefined) {
			if (failed <= minPerSecond) continue;
			rate = Math.max(minPerSecond, failed / growth);
			width = Number.POSITIVE_INFINITY;
		} else if (failed === undefined && passed !== undefined) {
			if (passed >= maxPerSecond) continue;
			rate = Math.min(maxPerSecond, passed * growth);
			width = Number.POSITIVE_INFINITY;
		} else if (passed !== undefined && failed !== undefined) {
			width = failed / passed;
			if (width <= 1 + resolution) continue;
			rate = Math.sqrt(passed * failed);
		} else continue;
		rate = roundRate(rate);
		if (!tried.has(rate)) candidates.push({ width, rate });
	}
	// Stable sort: widest bracket first, equals in the order of the criteria.
	candidates.sort((a, b) => b.width - a.width);
	return candidates[0]?.rate;
}

/**
 * Small statistics helpers: the one percentile implementation (an HDR histogram, shared by the bench and
 * the queue harness), medians, ratios that never divide by zero silently, a linear fit.
 */
import { build, type Histogram as HdrHistogram } from 'hdr-histogram-js';

/** Values are recorded in thousandths of their unit (µs for ms), to 3 significant digits. */
const SCALE = 1000;

/**
 * Recorded values and their nearest-rank percentiles (hdr-histogram-js): constant memory whatever the
 * count, exact below 2.048 units (2 ms for latencies in ms), within 0.1 % above; runs merge by `add`.
 */
export class Histogram {
	private readonly hdr: HdrHistogram = build({ numberOfSignificantValueDigits: 3 });

	constructor(values: Iterable<number> = []) {
		for (const value of values) this.record(value);
	}

	get count(): number {
		return this.hdr.totalCount;
	}

	record(value: number): void {
		this.hdr.recordValue(Math.max(0, Math.round(value * SCALE)));
	}

	add(other: Histogram): void {
		this.hdr.add(other.hdr);
	}

	/** Nearest-rank percentile (p in 0..100, 100 = the largest value); NaN when nothing was recorded. */
	percentile(p: number): number {
		if (this.count === 0) return Number.NaN;
		// A bucket's upper bound, but never above the largest value recorded (kept exactly).
		return Math.min(this.hdr.getValueAtPercentile(p), this.hdr.maxValue) / SCALE;
	}
}

/** Nearest-rank percentile (p in 0..100) of unsorted values; NaN for an empty list. */
export function percentile(values: Iterable<number>, p: number): number {
	return new Histogram(values).percentile(p);
}

export function median(values: Iterable<number>): number {
	return percentile(values, 50);
}

/** a / b, NaN when b is 0 or either is not finite. */
export function ratio(a: number, b: number): number {
	return Number.isFinite(a) && Number.isFinite(b) && b !== 0 ? a / b : Number.NaN;
}

/** Least-squares slope and R² of y over x (for "does time grow linearly"). */
export function linearFit(xs: readonly number[], ys: readonly number[]): { slope: number; intercept: number; r2: number } {
	const n = xs.length;
	const mx = xs.reduce((s, x) => s + x, 0) / n;
	const my = ys.reduce((s, y) => s + y, 0) / n;
	let sxy = 0;
	let sxx = 0;
	let syy = 0;
	for (let i = 0; i < n; i++) {
		sxy += (xs[i] - mx) * (ys[i] - my);
		sxx += (xs[i] - mx) ** 2;
		syy += (ys[i] - my) ** 2;
	}
	const slope = sxx === 0 ? Number.NaN : sxy / sxx;
	return { slope, intercept: my - slope * mx, r2: sxx === 0 || syy === 0 ? 1 : (sxy * sxy) / (sxx * syy) };
}

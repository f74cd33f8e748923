/**
 * Fault injection for tests and benchmarks: latency, random 141002 and HTTP 502 answers, the
 * per-SDKAppID rate limit, forced failures for the next K requests, and late answers to requests
 * already carried out. Settable at any time.
 */
import { DEFAULT_RATE_LIMIT_PER_SECOND } from './defaults';
import { SlidingWindow } from './slidingWindow';
import type { FaultSettings } from './types';

export const DEFAULT_FAULTS: Readonly<FaultSettings> = Object.freeze({
	latencyMs: 0,
	internalErrorRate: 0,
	rateLimitPerSecond: DEFAULT_RATE_LIMIT_PER_SECOND,
	http502Rate: 0,
});

export interface FaultState extends FaultSettings {
	/** Requests still to be failed by failNext. */
	forcedFailuresPending: number;
	/** Requests still to be answered late by answerLateNext. */
	lateAnswersPending: number;
}

interface ForcedFailure {
	remaining: number;
	code: number;
}

interface LateAnswers {
	remaining: number;
	delayMs: number;
	/** `service/command`, or undefined for any command. */
	command?: string;
}

/** A field Desk documents but leaves out of the records of a command's next answers. */
interface OmittedField {
	command: string;
	field: string;
	remaining: number;
}

export class FaultController {
	private settings: FaultSettings;
	private forced: ForcedFailure[] = [];
	private late: LateAnswers[] = [];
	private omitted: OmittedField[] = [];
	private readonly windows = new Map<number, SlidingWindow>();

	constructor(
		initial: Partial<FaultSettings> = {},
		private readonly random: () => number = Math.random,
	) {
		this.settings = { ...DEFAULT_FAULTS };
		this.set(initial);
	}

	get(): FaultState {
		return {
			...this.settings,
			forcedFailuresPending: this.forced.reduce((sum, f) => sum + f.remaining, 0),
			lateAnswersPending: this.late.reduce((sum, l) => sum + l.remaining, 0),
		};
	}

	/** Change some settings; throws RangeError for values out of range (nothing changes then). */
	set(partial: Partial<FaultSettings>): FaultState {
		const next = { ...this.settings };
		if (partial.latencyMs !== undefined) next.latencyMs = nonNegative('latencyMs', partial.latencyMs);
		if (partial.internalErrorRate !== undefined) next.internalErrorRate = share('internalErrorRate', partial.internalErrorRate);
		if (partial.http502Rate !== undefined) next.http502Rate = share('http502Rate', partial.http502Rate);
		if (partial.rateLimitPerSecond !== undefined) {
			next.rateLimitPerSecond = nonNegative('rateLimitPerSecond', partial.rateLimitPerSecond);
		}
		this.settings = next;
		return this.get();
	}

	setLatency(ms: number): FaultState {
		return this.set({ latencyMs: ms });
	}

	setInternalErrorRate(rate: number): FaultState {
		return this.set({ internalErrorRate: rate });
	}

	setRateLimit(perSecond: number): FaultState {
		return this.set({ rateLimitPerSecond: perSecond });
	}

	setHttp502Rate(rate: number): FaultState {
		return this.set({ http502Rate: rate });
	}

	/**
	 * Fail the next `count` REST requests with `code`, before any validation. A code below 1000 is
	 * an HTTP status (e.g. 502, plain-text body); anything else is an ErrorCode in an HTTP 200 answer.
	 */
	failNext(count: number, code: number): FaultState {
		if (!Number.isInteger(count) || count < 0) throw new RangeError(`failNext count must be an integer >= 0, got ${count}`);
		if (!Number.isInteger(code) || code < 100 || (code < 1000 && code > 599)) {
			throw new RangeError(`failNext code must be an HTTP status 100..599 or an ErrorCode >= 1000, got ${code}`);
		}
		if (count > 0) this.forced.push({ remaining: count, code });
		return this.get();
	}

	/**
	 * Carry out the next `count` requests (of `command`, `service/command`, if given) as usual, then
	 * hold each answer back `delayMs`: a client that times out meanwhile cannot tell the write was done.
	 */
	answerLateNext(count: number, delayMs: number, command?: string): FaultState {
		if (!Number.isInteger(count) || count < 0) throw new RangeError(`answerLateNext count must be an integer >= 0, got ${count}`);
		nonNegative('answerLateNext delayMs', delayMs);
		if (command !== undefined && !/^[\w-]+\/[\w-]+$/.test(command)) {
			throw new RangeError(`answerLateNext command must be service/command, got ${command}`);
		}
		if (count > 0) this.late.push({ remaining: count, delayMs, command });
		return this.get();
	}

	/** How long to hold back this request's answer, if at all (consumes one late answer). */
	takeLateAnswer(command: string): number | undefined {
		const next = this.late.find((late) => late.command === undefined || late.command === command);
		if (!next) return undefined;
		if (--next.remaining === 0) this.late.splice(this.late.indexOf(next), 1);
		return next.delayMs;
	}

	/**
	 * Leave `field` out of every record (each object in the answer's top-level lists) of the next
	 * `count` successful answers to `command`: the nodes must take records Desk sends without a field
	 * its docs promise (e.g. a status change without its Timestamp).
	 */
	omitField(command: string, field: string, count = 1): FaultState {
		if (!Number.isInteger(count) || count < 1) throw new RangeError(`omitField count must be an integer >= 1, got ${count}`);
		this.omitted.push({ command, field, remaining: count });
		return this.get();
	}

	/** The answer to `command` with the fields to omit taken out of its records (consumes one answer per rule). */
	shapeAnswer(command: string, answer: Record<string, unknown>): Record<string, unknown> {
		const rules = this.omitted.filter((rule) => rule.command === command);
		if (rules.length === 0) return answer;
		for (const rule of rules) rule.remaining--;
		this.omitted = this.omitted.filter((rule) => rule.remaining > 0);
		const shaped: Record<string, unknown> = {};
		for (const [key, value] of Object.entries(answer)) {
			shaped[key] = Array.isArray(value) ? value.map((record) => withoutFields(record, rules)) : value;
		}
		return shaped;
	}

	/** Back to the defaults, no forced failures, late answers or omitted fields, empty rate windows. */
	reset(): FaultState {
		this.settings = { ...DEFAULT_FAULTS };
		this.forced = [];
		this.late = [];
		this.omitted = [];
		this.windows.clear();
		return this.get();
	}

	/** The forced code for this request, if any (consumes one). */
	takeForcedFailure(): number | undefined {
		const next = this.forced[0];
		if (!next) return undefined;
		if (--next.remaining === 0) this.forced.shift();
		return next.code;
	}

	rollHttp502(): boolean {
		return this.settings.http502Rate > 0 && this.random() < this.settings.http502Rate;
	}

	rollInternalError(): boolean {
		return this.settings.internalErrorRate > 0 && this.random() < this.settings.internalErrorRate;
	}

	/** Admit one request for the app, or false when it is over the limit (rejected ones do not count). */
	admit(sdkAppId: number, now: number): boolean {
		const limit = this.settings.rateLimitPerSecond;
		if (limit <= 0) return true;
		let window = this.windows.get(sdkAppId);
		if (!window) this.windows.set(sdkAppId, (window = new SlidingWindow()));
		if (window.count(now) >= limit) return false;
		window.add(now);
		return true;
	}
}

function withoutFields(record: unknown, rules: readonly OmittedField[]): unknown {
	if (!record || typeof record !== 'object' || Array.isArray(record)) return record;
	const copy = { ...(record as Record<string, unknown>) };
	for (const rule of rules) delete copy[rule.field];
	return copy;
}

function share(name: string, value: number): number {
	if (typeof value !== 'number' || !(value >= 0 && value <= 1)) throw new RangeError(`${name} must be within 0..1, got ${value}`);
	return value;
}

function nonNegative(name: string, value: number): number {
	if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
		throw new RangeError(`${name} must be a finite number >= 0, got ${value}`);
	}
	return value;
}

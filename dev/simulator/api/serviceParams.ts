/**
 * Request-body checks for arrays and objects, used by the customer-service configuration
 * commands. Like params.ts: every failure is 141004 naming the parameter.
 */
import { invalidParameter } from './params';

type Body = Record<string, unknown>;

export function optionalStringArray(body: Body, name: string, maxLength = Number.MAX_SAFE_INTEGER): string[] | undefined {
	const value = body[name];
	if (value === undefined) return undefined;
	if (!Array.isArray(value) || value.some((entry) => typeof entry !== 'string' || entry === '')) {
		throw invalidParameter(name, 'must be an array of non-empty strings');
	}
	if (value.length > maxLength) throw invalidParameter(name, `may hold at most ${maxLength} entries`);
	return value as string[];
}

export function optionalIntArray(body: Body, name: string): number[] | undefined {
	const value = body[name];
	if (value === undefined) return undefined;
	if (!Array.isArray(value) || value.some((entry) => typeof entry !== 'number' || !Number.isSafeInteger(entry))) {
		throw invalidParameter(name, 'must be an array of integers');
	}
	return value as number[];
}

export function optionalObject(body: Body, name: string): Record<string, unknown> | undefined {
	const value = body[name];
	if (value === undefined) return undefined;
	if (!value || typeof value !== 'object' || Array.isArray(value)) throw invalidParameter(name, 'must be an object');
	return value as Record<string, unknown>;
}

export function requiredObject(body: Body, name: string): Record<string, unknown> {
	const value = optionalObject(body, name);
	if (value === undefined) throw invalidParameter(name, 'is required');
	return value;
}

/** Keys outside `known` are refused, so a mis-cased field name fails here instead of being ignored. */
export function rejectUnknownKeys(object: Record<string, unknown>, known: readonly string[], where: string): void {
	const unknown = Object.keys(object).filter((key) => !known.includes(key));
	if (unknown.length > 0) throw invalidParameter(`${where}.${unknown[0]}`, `is not a known field (known: ${known.join(', ')})`);
}

/**
 * Request-body checks for arrays and objects, used by the customer-service configuration
 * commands. Like params.ts: every failure is 141004 naming the parameter.
 */
import { invalidParameter } from './params';

// The array checks live in params.ts; re-exported so the configuration commands import one module.
export { optionalIntArray, optionalStringArray } from './params';

type Body = Record<string, unknown>;

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

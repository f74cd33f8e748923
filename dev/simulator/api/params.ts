/**
 * Request-body checks shared by the Desk command handlers. Every failure is Tencent's 141004
 * ("invalid parameter") and names the parameter, so callers know what to fix. `undefined` means
 * absent; anything else of the wrong type (null included) is invalid.
 */
import { DeskApiError } from '../restResponse';

type Body = Record<string, unknown>;

interface IntRange {
	min?: number;
	max?: number;
}

/** Desk's list commands answer 20 items when PageSize/Limit is left out (or 0 for PageSize). */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
export const MAX_UINT32 = 4294967295;

export function invalidParameter(name: string, why: string): DeskApiError {
	return new DeskApiError(141004, `${name} ${why}`);
}

export function optionalString(body: Body, name: string): string | undefined {
	const value = body[name];
	if (value === undefined) return undefined;
	if (typeof value !== 'string' || value === '') throw invalidParameter(name, 'must be a non-empty string');
	return value;
}

export function requiredString(body: Body, name: string): string {
	const value = optionalString(body, name);
	if (value === undefined) throw invalidParameter(name, 'is required');
	return value;
}

/** A string that may be empty (free text such as RestReason or CloudCustomData). */
export function optionalText(body: Body, name: string): string | undefined {
	const value = body[name];
	if (value === undefined) return undefined;
	if (typeof value !== 'string') throw invalidParameter(name, 'must be a string');
	return value;
}

export function optionalInt(body: Body, name: string, range: IntRange = {}): number | undefined {
	const value = body[name];
	if (value === undefined) return undefined;
	const { min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER } = range;
	if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
		throw invalidParameter(name, `must be an integer from ${min} to ${max}`);
	}
	return value;
}

export function requiredInt(body: Body, name: string, range: IntRange = {}): number {
	const value = optionalInt(body, name, range);
	if (value === undefined) throw invalidParameter(name, 'is required');
	return value;
}

export function optionalEnum<T extends string | number>(body: Body, name: string, allowed: readonly T[]): T | undefined {
	const value = body[name];
	if (value === undefined) return undefined;
	if (!allowed.includes(value as T)) throw invalidParameter(name, `must be one of ${allowed.join(', ')}`);
	return value as T;
}

export function requiredEnum<T extends string | number>(body: Body, name: string, allowed: readonly T[]): T {
	const value = optionalEnum(body, name, allowed);
	if (value === undefined) throw invalidParameter(name, `is required (one of ${allowed.join(', ')})`);
	return value;
}

/** get_member_list / get_member_group_list: 0 or absent means the default page size. */
export function pageSizeParam(body: Body, name = 'PageSize'): number {
	const size = optionalInt(body, name, { min: 0, max: MAX_PAGE_SIZE }) ?? 0;
	return size === 0 ? DEFAULT_PAGE_SIZE : size;
}

/** Limit + Offset of describe_chat_messages and describe_im_cdr_list. */
export function limitOffsetParams(body: Body): { limit: number; offset: number } {
	return {
		limit: optionalInt(body, 'Limit', { min: 1, max: MAX_PAGE_SIZE }) ?? DEFAULT_PAGE_SIZE,
		offset: optionalInt(body, 'Offset', { min: 0 }) ?? 0,
	};
}

/** Order: 1 ascending, 2 descending. */
export const ORDER_VALUES = [1, 2] as const;
export type SortOrder = (typeof ORDER_VALUES)[number];

/** An array of non-empty strings (member emails), or undefined when absent. */
export function optionalStringArray(body: Body, name: string, maxLength = Number.MAX_SAFE_INTEGER): string[] | undefined {
	const value = body[name];
	if (value === undefined) return undefined;
	if (!Array.isArray(value) || value.some((entry) => typeof entry !== 'string' || entry === '')) {
		throw invalidParameter(name, 'must be an array of non-empty strings');
	}
	if (value.length > maxLength) throw invalidParameter(name, `must have at most ${maxLength} entries`);
	return value as string[];
}

/** An array of integers (role or group IDs), or undefined when absent. */
export function optionalIntArray(body: Body, name: string): number[] | undefined {
	const value = body[name];
	if (value === undefined) return undefined;
	if (!Array.isArray(value) || value.some((entry) => typeof entry !== 'number' || !Number.isSafeInteger(entry))) {
		throw invalidParameter(name, 'must be an array of integers');
	}
	return value as number[];
}

export function optionalBoolean(body: Body, name: string): boolean | undefined {
	const value = body[name];
	if (value === undefined) return undefined;
	if (typeof value !== 'boolean') throw invalidParameter(name, 'must be true or false');
	return value;
}

/** A string of at most `max` characters (names and nicknames: Desk allows 32). */
export function optionalShortString(body: Body, name: string, max: number): string | undefined {
	const value = optionalString(body, name);
	if (value !== undefined && [...value].length > max) throw invalidParameter(name, `must be at most ${max} characters`);
	return value;
}

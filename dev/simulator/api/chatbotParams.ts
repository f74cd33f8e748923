/**
 * Body checks of the chatbot commands. The service's documented answer to a body it cannot read is
 * -7 ("parse error"); the simulator gives it for a missing required field, a wrong type or a value
 * outside the documented ones, naming the field. `undefined` means absent.
 */
import { DeskApiError } from '../restResponse';

type Body = Record<string, unknown>;

export const CHATBOT_PARSE_ERROR = -7;

function parseError(name: string, why: string): DeskApiError {
	return new DeskApiError(CHATBOT_PARSE_ERROR, `${name} ${why}`);
}

export function botText(body: Body, name: string, required: boolean): string | undefined {
	const value = body[name];
	if (value === undefined) {
		if (required) throw parseError(name, 'is required');
		return undefined;
	}
	if (typeof value !== 'string' || (required && value.trim() === '')) throw parseError(name, 'must be a non-empty string');
	return value;
}

/** Category IDs, PageIndex, PageSize: integers (`min` from the docs, e.g. > 0 for paging). */
export function botInt(body: Body, name: string, required: boolean, min = 0): number | undefined {
	const value = body[name];
	if (value === undefined) {
		if (required) throw parseError(name, 'is required');
		return undefined;
	}
	if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) throw parseError(name, `must be an integer >= ${min}`);
	return value;
}

export function botEnum<T extends number>(body: Body, name: string, allowed: readonly T[], required: boolean): T | undefined {
	const value = body[name];
	if (value === undefined) {
		if (required) throw parseError(name, `is required (one of ${allowed.join(', ')})`);
		return undefined;
	}
	if (!allowed.includes(value as T)) throw parseError(name, `must be one of ${allowed.join(', ')}`);
	return value as T;
}

export function botStrings(body: Body, name: string, required: boolean): string[] | undefined {
	const value = body[name];
	if (value === undefined) {
		if (required) throw parseError(name, 'is required');
		return undefined;
	}
	if (!Array.isArray(value) || !value.every((entry) => typeof entry === 'string' && entry !== '') || (required && value.length === 0)) {
		throw parseError(name, required ? 'must be a non-empty array of non-empty strings' : 'must be an array of non-empty strings');
	}
	return value as string[];
}

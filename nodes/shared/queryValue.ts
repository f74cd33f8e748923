/** n8n parses `?a=1&a=2` into an array: a callback's query fields are read from their first value. */
export function firstValue(value: unknown): unknown {
	return Array.isArray(value) ? value[0] : value;
}

/** The first value of a query field when it is a string, else undefined. */
export function queryString(query: Record<string, unknown>, field: string): string | undefined {
	const value = firstValue(query[field]);
	return typeof value === 'string' ? value : undefined;
}

/** The query values worth keeping on an item (never Sign: it is derived from the token). */
const CALLBACK_QUERY_FIELDS = ['SdkAppid', 'CallbackCommand', 'ClientIP', 'OptPlatform', 'RequestID', 'RequestTime'];

export function callbackQueryFields(query: Record<string, unknown>): Record<string, string> {
	const fields: Record<string, string> = {};
	for (const field of CALLBACK_QUERY_FIELDS) {
		const value = queryString(query, field);
		if (value !== undefined) fields[field] = value;
	}
	return fields;
}

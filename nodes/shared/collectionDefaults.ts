import type { INodeProperties } from 'n8n-workflow';

/**
 * The defaults the editor shows for a collection's fields, read from the properties themselves, so
 * the code applies exactly the defaults users see (n8n leaves unset collection options out).
 */
export function collectionDefaults<T>(properties: readonly INodeProperties[], collection: string): Readonly<T> {
	const found = properties.find((property) => property.name === collection);
	return Object.fromEntries(
		(found?.options ?? []).map((option) => [option.name, 'default' in option ? option.default : undefined]),
	) as unknown as Readonly<T>;
}

/**
 * Desk's list APIs page in two styles (Limit/Offset and PageSize/PageNum); both reduce to
 * "fetch page n of size s, learn the total". This collects pages until the total, an empty or
 * short page, the caller's limit or its page bound, whichever comes first.
 */
import type { IDataObject } from 'n8n-workflow';

export interface Page {
	items: IDataObject[];
	/** What Tencent reports as the total; undefined when the API does not say. */
	total?: number;
}

export interface CollectOptions {
	pageSize: number;
	/** Stop after this many items; undefined = all. */
	limit?: number;
	/** Page `pageIndex` (0-based) of `pageSize` items; its offset is pageIndex × pageSize. */
	fetchPage(pageIndex: number, pageSize: number): Promise<Page>;
	/** Keep only matching items (applied before the limit). */
	keep?: (item: IDataObject) => boolean;
	/** Read at most this many pages (a picker's bound on calls); undefined = MAX_PAGES. */
	maxPages?: number;
}

/** Guards against an API whose total never arrives (or grows while we read). */
const MAX_PAGES = 10_000;

export async function collectPages({ pageSize, limit, fetchPage, keep, maxPages = MAX_PAGES }: CollectOptions): Promise<IDataObject[]> {
	const collected: IDataObject[] = [];
	// One size for every page: page-number APIs shift their boundaries if it changes.
	const size = limit !== undefined && !keep ? Math.min(pageSize, limit) : pageSize;
	let seen = 0;
	for (let pageIndex = 0; pageIndex < maxPages; pageIndex++) {
		const { items, total } = await fetchPage(pageIndex, size);
		seen += items.length;
		for (const item of items) {
			if (keep && !keep(item)) continue;
			collected.push(item);
			if (limit !== undefined && collected.length >= limit) return collected;
		}
		if (items.length === 0 || items.length < size) break;
		if (total !== undefined && seen >= total) break;
	}
	return collected;
}

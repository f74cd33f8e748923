/**
 * The editor's paged pickers: without a filter, one page of Desk's list per scroll; with one, a
 * match is found on whichever page of the list it sits, and scrolling goes on after it.
 */
import type { IDataObject, ILoadOptionsFunctions } from 'n8n-workflow';

import { listSearch } from '../../nodes/shared/pickers/listSearch';

const NAMES = ['Ann', 'Bob', 'Cid', 'Dee', 'Eve', 'Fay', 'Gus', 'Hal', 'Ivy'];

function picker() {
	const pagesRead: number[] = [];
	const search = listSearch({
		pageSize: 2,
		fetchPage: async (_client, pageIndex, pageSize) => {
			pagesRead.push(pageIndex);
			const items: IDataObject[] = NAMES.slice(pageIndex * pageSize, (pageIndex + 1) * pageSize).map((name) => ({ name }));
			return { items, total: NAMES.length };
		},
		toResult: (item) => ({ name: String(item.name), value: String(item.name).toLowerCase() }),
	});
	// The client reads the credential only on a request: these fetches make none.
	const context = { getNode: () => ({ name: 'Picker' }) } as unknown as ILoadOptionsFunctions;
	return { pagesRead, search: async (filter?: string, token?: string) => await search.call(context, filter, token) };
}

it('reads one page per scroll without a filter', async () => {
	const { search, pagesRead } = picker();
	expect(await search()).toEqual({ results: [{ name: 'Ann', value: 'ann' }, { name: 'Bob', value: 'bob' }], paginationToken: '1' });
	expect(await search(undefined, '4')).toEqual({ results: [{ name: 'Ivy', value: 'ivy' }], paginationToken: undefined });
	expect(pagesRead).toEqual([0, 4]);
});

it('finds a match on a later page, reading only as far as it needs', async () => {
	const { search, pagesRead } = picker();
	expect(await search('gus')).toEqual({ results: [{ name: 'Gus', value: 'gus' }], paginationToken: undefined });
	expect(pagesRead).toEqual([0, 1, 2, 3, 4]);
});

it('stops at a page’s worth of matches and goes on from there when scrolled', async () => {
	const { search, pagesRead } = picker();
	const first = await search('a');
	expect(first).toEqual({ results: [{ name: 'Ann', value: 'ann' }, { name: 'Fay', value: 'fay' }], paginationToken: '3' });
	expect(await search('a', first.paginationToken)).toEqual({ results: [{ name: 'Hal', value: 'hal' }], paginationToken: undefined });
	expect(pagesRead).toEqual([0, 1, 2, 3, 4]);
});

/** collectPages: every list operation's paging, against a fake API with a known total. */
import type { IDataObject } from 'n8n-workflow';

import { collectPages } from '../../nodes/shared/paging';

function fakeApi(total: number, { reportTotal = true } = {}) {
	const rows: IDataObject[] = Array.from({ length: total }, (_, index) => ({ index, even: index % 2 === 0 }));
	const calls: Array<[number, number]> = [];
	const fetchPage = async (pageIndex: number, pageSize: number) => {
		calls.push([pageIndex, pageSize]);
		const items = rows.slice(pageIndex * pageSize, (pageIndex + 1) * pageSize);
		return { items, total: reportTotal ? total : undefined };
	};
	return { fetchPage, calls };
}

describe('collectPages', () => {
	it('reads every page until the total, with a short last page', async () => {
		const api = fakeApi(250);
		const rows = await collectPages({ pageSize: 100, fetchPage: api.fetchPage });
		expect(rows.map((row) => row.index)).toEqual([...Array(250).keys()]);
		expect(api.calls).toEqual([
			[0, 100],
			[1, 100],
			[2, 100],
		]);
	});

	it('stops at the total without asking for an empty page when it divides evenly', async () => {
		const api = fakeApi(200);
		await collectPages({ pageSize: 100, fetchPage: api.fetchPage });
		expect(api.calls).toHaveLength(2);
	});

	it('stops on an empty page when the API reports no total', async () => {
		const api = fakeApi(200, { reportTotal: false });
		const rows = await collectPages({ pageSize: 100, fetchPage: api.fetchPage });
		expect(rows).toHaveLength(200);
		expect(api.calls).toHaveLength(3);
	});

	it('asks for no more than the limit, with one page size throughout', async () => {
		const small = fakeApi(250);
		expect(await collectPages({ pageSize: 100, limit: 7, fetchPage: small.fetchPage })).toHaveLength(7);
		expect(small.calls).toEqual([[0, 7]]);

		const large = fakeApi(250);
		const rows = await collectPages({ pageSize: 100, limit: 150, fetchPage: large.fetchPage });
		expect(rows.map((row) => row.index)).toEqual([...Array(150).keys()]);
		expect(large.calls).toEqual([
			[0, 100],
			[1, 100],
		]);
	});

	it('filters before the limit, reading on until enough rows match', async () => {
		const api = fakeApi(250);
		const rows = await collectPages({ pageSize: 100, limit: 60, keep: (row) => row.even === true, fetchPage: api.fetchPage });
		expect(rows).toHaveLength(60);
		expect(rows.every((row) => row.even)).toBe(true);
		expect(rows[59].index).toBe(118);
		expect(api.calls).toHaveLength(2);
	});

	it('returns nothing for an empty list after one call', async () => {
		const api = fakeApi(0);
		expect(await collectPages({ pageSize: 100, fetchPage: api.fetchPage })).toEqual([]);
		expect(api.calls).toHaveLength(1);
	});
});

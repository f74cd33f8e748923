/**
 * The editor's pickers (resource locators' "From list"), filtered by what the user types (Desk's
 * list APIs have no search of their own). Two shapes: `listSearch`, one page of Desk's list per
 * scroll; `wholeListSearch`, a list read at once (or a few pages of it) and shown in one go.
 */
import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { DEFAULT_REQUEST_SETTINGS } from '../descriptions/requestOptions';
import type { Page } from '../helpers/paging';
import { fetchMemberPage, MEMBER_PAGE_SIZE } from '../resources/agent/getAll';
import { fetchSkillGroupPage, GROUP_PAGE_SIZE } from '../resources/skillGroup/getAll';
import { createDeskClient, type DeskClient } from '../transport/deskClient';

type ListSearchMethod = (this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) => Promise<INodeListSearchResult>;

/** One of Desk's paged lists as a picker: how to fetch a page of it and how to show an entry. */
export interface PickerSource {
	pageSize: number;
	fetchPage: (client: DeskClient, pageIndex: number, pageSize: number) => Promise<Page>;
	toResult: (item: IDataObject) => INodeListSearchItems;
}

/** The entries whose name or value contains what the user typed (case-insensitive). */
function matching(results: INodeListSearchItems[], filter?: string): INodeListSearchItems[] {
	const needle = filter?.trim().toLowerCase() ?? '';
	return results.filter((result) => !needle || `${result.name} ${result.value}`.toLowerCase().includes(needle));
}

/** A picker that reads one page per scroll; the pagination token is the next page's index. */
export function listSearch({ pageSize, fetchPage, toResult }: PickerSource): ListSearchMethod {
	return async function (this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
		const client = createDeskClient(this, DEFAULT_REQUEST_SETTINGS);
		const pageIndex = Number(paginationToken ?? 0) || 0;
		const { items, total } = await fetchPage(client, pageIndex, pageSize);
		const more = items.length === pageSize && (total === undefined || (pageIndex + 1) * pageSize < total);
		return { results: matching(items.map(toResult), filter), paginationToken: more ? String(pageIndex + 1) : undefined };
	};
}

/** A picker that shows everything `readAll` returns at once (no pagination token). */
export function wholeListSearch(readAll: (client: DeskClient) => Promise<INodeListSearchItems[]>): ListSearchMethod {
	return async function (this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
		const client = createDeskClient(this, DEFAULT_REQUEST_SETTINGS);
		return { results: matching(await readAll(client), filter) };
	};
}

export const searchSkillGroups = listSearch({
	pageSize: GROUP_PAGE_SIZE,
	fetchPage: fetchSkillGroupPage,
	toResult: (group) => ({
		name: `${String(group.MemberGroupName)} (${String(group.MemberGroupID)})`,
		value: String(group.MemberGroupID),
	}),
});

export const searchAgents = listSearch({
	pageSize: MEMBER_PAGE_SIZE,
	fetchPage: fetchMemberPage,
	toResult: (agent) => ({
		name: `${String(agent.MemberNick || agent.MemberMail)} · ${String(agent.Status ?? '').replace('STATUS_', '').toLowerCase()}`,
		value: String(agent.MemberMail),
	}),
});

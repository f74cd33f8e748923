/**
 * The editor's pickers (resource locators' "From list"), filtered by what the user types (Desk's
 * list APIs have no search of their own). Two shapes: `listSearch`, one page of Desk's list per
 * scroll; `wholeListSearch`, a list read at once (or a few pages of it) and shown in one go.
 */
import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { DEFAULT_REQUEST_SETTINGS } from '../requestOptions';
import type { Page } from '../paging';
import { fetchMemberPage, MEMBER_PAGE_SIZE } from '../deskLists';
import { fetchSkillGroupPage, GROUP_PAGE_SIZE } from '../deskLists';
import { agentStatusName } from '../agentStatuses';
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

/**
 * A picker that reads one page per scroll; the pagination token is the next page's index. With
 * something typed, it reads on until it has a page's worth of matches or the list ends, so a match
 * on any page of Desk's list is found, not only one in the page the picker happens to hold.
 */
export function listSearch({ pageSize, fetchPage, toResult }: PickerSource): ListSearchMethod {
	return async function (this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
		const client = createDeskClient(this, DEFAULT_REQUEST_SETTINGS);
		const searching = Boolean(filter?.trim());
		const results: INodeListSearchItems[] = [];
		let pageIndex = Number(paginationToken ?? 0) || 0;
		let more: boolean;
		do {
			const { items, total } = await fetchPage(client, pageIndex, pageSize);
			results.push(...matching(items.map(toResult), filter));
			more = items.length === pageSize && (total === undefined || (pageIndex + 1) * pageSize < total);
			pageIndex++;
		} while (searching && more && results.length < pageSize);
		return { results, paginationToken: more ? String(pageIndex) : undefined };
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
		name: `${String(agent.MemberNick || agent.MemberMail)} · ${agentStatusName(agent.Status)}`,
		value: String(agent.MemberMail),
	}),
});

/**
 * The editor's skill-group and agent pickers: one page of Desk's list per scroll, filtered by
 * what the user types (Desk's list APIs have no search of their own).
 */
import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { DEFAULT_REQUEST_SETTINGS } from '../descriptions/requestOptions';
import type { Page } from '../helpers/paging';
import { fetchMemberPage, MEMBER_PAGE_SIZE } from '../resources/agent/list';
import { fetchSkillGroupPage, GROUP_PAGE_SIZE } from '../resources/skillGroup/list';
import { createDeskClient, type DeskClient } from '../transport/deskClient';

/** One of Desk's lists as a picker: how to fetch a page of it and how to show an entry. */
interface PickerSource {
	pageSize: number;
	fetchPage: (client: DeskClient, pageIndex: number, pageSize: number) => Promise<Page>;
	toResult: (item: IDataObject) => INodeListSearchItems;
}

function listSearch({ pageSize, fetchPage, toResult }: PickerSource) {
	return async function (
		this: ILoadOptionsFunctions,
		filter?: string,
		paginationToken?: string,
	): Promise<INodeListSearchResult> {
		const client = await createDeskClient(this, DEFAULT_REQUEST_SETTINGS);
		const pageIndex = Number(paginationToken ?? 0) || 0;
		const { items, total } = await fetchPage(client, pageIndex, pageSize);
		const needle = filter?.trim().toLowerCase() ?? '';
		const results = items
			.map(toResult)
			.filter((result) => !needle || `${result.name} ${result.value}`.toLowerCase().includes(needle));
		const more = items.length === pageSize && (total === undefined || (pageIndex + 1) * pageSize < total);
		return { results, paginationToken: more ? String(pageIndex + 1) : undefined };
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

/**
 * The editor's pickers for CS accounts, quick-reply categories and conversation settings,
 * filtered by what the user types (Desk's lists have no search of their own).
 */
import type { ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { DEFAULT_REQUEST_SETTINGS } from '../descriptions/requestOptions';
import { fetchMemberPage, MEMBER_PAGE_SIZE } from '../resources/agent/list';
import { fetchSettingsPage, SETTINGS_PAGE_SIZE } from '../resources/conversationSetting/fetchSettingsPage';
import { fetchAccounts } from '../resources/customerServiceAccount/list';
import { fetchAvailableGroups } from '../resources/quickReply/getMany';
import { createDeskClient } from '../transport/deskClient';

/** Agents whose quick replies the category picker reads: Desk has no command that lists categories. */
const MAX_AGENT_PAGES = 5;

function filtered(results: INodeListSearchItems[], filter?: string): INodeListSearchItems[] {
	const needle = filter?.trim().toLowerCase() ?? '';
	return results.filter((result) => !needle || `${result.name} ${result.value}`.toLowerCase().includes(needle));
}

export async function searchCustomerServiceAccounts(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const client = await createDeskClient(this, DEFAULT_REQUEST_SETTINGS);
	const accounts = await fetchAccounts(client);
	return {
		results: filtered(
			accounts.map((account) => ({ name: `${String(account.IMAgentNick || account.IMAgentUserId)} (${String(account.IMAgentUserId)})`, value: String(account.IMAgentUserId) })),
			filter,
		),
	};
}

export async function searchConversationSettings(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const client = await createDeskClient(this, DEFAULT_REQUEST_SETTINGS);
	const pageIndex = Number(paginationToken ?? 0) || 0;
	const { items, total } = await fetchSettingsPage(client, pageIndex, SETTINGS_PAGE_SIZE);
	const results = items.map((setting) => ({
		name: `${String(setting.Name)} (${String(setting.ConversationSettingId)})${setting.IsDefault ? ' · default' : ''}`,
		value: String(setting.ConversationSettingId),
	}));
	const more = items.length === SETTINGS_PAGE_SIZE && (total === undefined || (pageIndex + 1) * SETTINGS_PAGE_SIZE < total);
	return { results: filtered(results, filter), paginationToken: more ? String(pageIndex + 1) : undefined };
}

/** The categories any agent can use (a union of their available lists), each once. */
export async function searchQuickReplyGroups(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const client = await createDeskClient(this, DEFAULT_REQUEST_SETTINGS);
	const byId = new Map<string, INodeListSearchItems>();
	for (let pageIndex = 0; pageIndex < MAX_AGENT_PAGES; pageIndex++) {
		const { items: agents, total } = await fetchMemberPage(client, pageIndex, MEMBER_PAGE_SIZE);
		for (const agent of agents) {
			for (const group of await fetchAvailableGroups(client, String(agent.MemberMail))) {
				const id = String(group.GroupId);
				if (!byId.has(id)) byId.set(id, { name: `${String(group.GroupName)} (${id})`, value: id });
			}
		}
		if (agents.length < MEMBER_PAGE_SIZE || (total !== undefined && (pageIndex + 1) * MEMBER_PAGE_SIZE >= total)) break;
	}
	return { results: filtered([...byId.values()], filter) };
}

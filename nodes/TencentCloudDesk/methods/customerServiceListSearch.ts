/**
 * The editor's pickers for CS accounts, quick-reply categories and conversation settings,
 * filtered by what the user types (Desk's lists have no search of their own).
 */
import type { INodeListSearchItems } from 'n8n-workflow';

import { collectPages } from '../../shared/paging';
import { fetchMemberPage, MEMBER_PAGE_SIZE } from '../../shared/deskLists';
import { fetchSettingsPage, SETTINGS_PAGE_SIZE } from '../resources/conversationSetting/fetchSettingsPage';
import { fetchAccounts } from '../resources/customerServiceAccount/getAll';
import { fetchAvailableGroups } from '../resources/quickReply/getAll';
import { listSearch, wholeListSearch } from '../../shared/pickers/listSearch';

/** Agents whose quick replies the category picker reads: Desk has no command that lists categories. */
const MAX_AGENT_PAGES = 5;

export const searchCustomerServiceAccounts = wholeListSearch(async (client) =>
	(await fetchAccounts(client)).map((account) => ({
		name: `${String(account.IMAgentNick || account.IMAgentUserId)} (${String(account.IMAgentUserId)})`,
		value: String(account.IMAgentUserId),
	})),
);

export const searchConversationSettings = listSearch({
	pageSize: SETTINGS_PAGE_SIZE,
	fetchPage: fetchSettingsPage,
	toResult: (setting) => ({
		name: `${String(setting.Name)} (${String(setting.ConversationSettingId)})${setting.IsDefault ? ' · default' : ''}`,
		value: String(setting.ConversationSettingId),
	}),
});

/** The categories any agent can use (a union of their available lists), each once. */
export const searchQuickReplyGroups = wholeListSearch(async (client) => {
	const agents = await collectPages({
		pageSize: MEMBER_PAGE_SIZE,
		maxPages: MAX_AGENT_PAGES,
		fetchPage: async (pageIndex, pageSize) => await fetchMemberPage(client, pageIndex, pageSize),
	});
	const byId = new Map<string, INodeListSearchItems>();
	for (const agent of agents) {
		for (const group of await fetchAvailableGroups(client, String(agent.MemberMail))) {
			const id = String(group.GroupId);
			if (!byId.has(id)) byId.set(id, { name: `${String(group.GroupName)} (${id})`, value: id });
		}
	}
	return [...byId.values()];
});

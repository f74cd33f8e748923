/** Option lists for multi-select fields (a resource locator picks one value; these pick several). */
import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { DEFAULT_REQUEST_SETTINGS } from '../requestOptions';
import { collectPages } from '../paging';
import { fetchMemberPage, fetchSkillGroupPage, GROUP_PAGE_SIZE, MEMBER_PAGE_SIZE } from '../deskLists';
import { agentStatusName } from '../agentStatuses';
import { createDeskClient } from '../transport/deskClient';

/** Every agent, by email (Desk's agent ID), with their nickname and current status. */
export async function getAgents(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const client = createDeskClient(this, DEFAULT_REQUEST_SETTINGS);
	const agents = await collectPages({
		pageSize: MEMBER_PAGE_SIZE,
		fetchPage: async (pageIndex, pageSize) => await fetchMemberPage(client, pageIndex, pageSize),
	});
	return agents.map((agent) => ({
		name: `${String(agent.MemberNick || agent.MemberMail)} (${String(agent.MemberMail)})`,
		value: String(agent.MemberMail),
		description: agentStatusName(agent.Status),
	}));
}

/** Every skill group, by its ID (MemberGroupID). */
export async function getSkillGroups(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const client = createDeskClient(this, DEFAULT_REQUEST_SETTINGS);
	const groups = await collectPages({
		pageSize: GROUP_PAGE_SIZE,
		fetchPage: async (pageIndex, pageSize) => await fetchSkillGroupPage(client, pageIndex, pageSize),
	});
	return groups.map((group) => ({ name: `${String(group.MemberGroupName)} (${String(group.MemberGroupID)})`, value: String(group.MemberGroupID) }));
}

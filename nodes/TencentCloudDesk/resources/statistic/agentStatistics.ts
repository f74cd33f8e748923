/**
 * The filters of the per-agent statistics: agents by email, and channels (ConversationSources: ChannelType
 * and optional ChannelId). Tencent names the agent list differently per command (AgentIds, MemberIds).
 * Also how both per-agent commands are read: the filters into the body, then every page.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readLimit } from '../../descriptions/paging';
import { splitList } from '../../../shared/listValues';
import { collectPages } from '../../../shared/paging';
import type { DeskClient } from '../../../shared/transport/deskClient';
import { agentsField } from '../../../shared/pickers/locators';
import { filtersCollection } from '../../descriptions/fieldCollections';

/** Desk's maximum `Limit` for the per-agent statistics. */
const PAGE_SIZE = 100;

type AgentListField = 'AgentIds' | 'MemberIds';

export const conversationSourcesField: INodeProperties = {
	displayName: 'Channels',
	name: 'conversationSources',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Channel',
	default: {},
	description: 'Only sessions from these channels (ConversationSources)',
	options: [
		{
			displayName: 'Channel',
			name: 'source',
			values: [
				{
					displayName: 'Channel Type',
					name: 'channelType',
					type: 'options',
					options: [
						{ name: 'App (SDK)', value: 10 },
						{ name: 'Web / H5', value: 4 },
						{ name: 'WeChat Customer Service', value: 7 },
						{ name: 'WeChat Mini Program', value: 2 },
						{ name: 'WeChat Official Account', value: 3 },
					],
					default: 4,
				},
				{
					displayName: 'Channel ID',
					name: 'channelId',
					type: 'string',
					default: '',
					description:
						'Optional: the mini program, official account, WebAppID, WeChat customer service or customer service account ID, by channel type',
				},
			],
		},
	],
};

/** The request's ConversationSources, or undefined when no channel was added. */
export function conversationSourcesOf(filters: IDataObject): IDataObject[] | undefined {
	const sources = ((filters.conversationSources as IDataObject | undefined)?.source as IDataObject[] | undefined) ?? [];
	if (sources.length === 0) return undefined;
	return sources.map((source) => {
		const entry: IDataObject = { ChannelType: Number(source.channelType) };
		const channelId = String(source.channelId ?? '').trim();
		if (channelId) entry.ChannelId = channelId;
		return entry;
	});
}

/** The Filters collection: agent emails (sent as `agentListField`) and channels. */
export function agentFiltersCollection(operation: string, agentListField: AgentListField): INodeProperties {
	return filtersCollection({ resource: ['statistic'], operation: [operation] }, [
		agentsField('agentEmails', undefined, `Only these agents (${agentListField})`),
		conversationSourcesField,
	]);
}

/**
 * A per-agent statistics command read page by page (Limit/Offset), up to the user's limit: `body`
 * plus the Filters (agents as `agentListField`, channels as ConversationSources).
 */
export async function readAgentStatistics(
	context: IExecuteFunctions,
	client: DeskClient,
	itemIndex: number,
	{ command, agentListField, body: base = {} }: { command: string; agentListField: AgentListField; body?: IDataObject },
): Promise<IDataObject[]> {
	const filters = context.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const body: IDataObject = { ...base };
	const agents = splitList(filters.agentEmails);
	if (agents.length > 0) body[agentListField] = agents;
	const sources = conversationSourcesOf(filters);
	if (sources) body.ConversationSources = sources;
	return await collectPages({
		pageSize: PAGE_SIZE,
		limit: readLimit(context, itemIndex),
		fetchPage: async (pageIndex, pageSize) => {
			const answer = await client.desk(command, { ...body, Limit: pageSize, Offset: pageIndex * pageSize }, { itemIndex });
			return { items: (answer.Data as IDataObject[] | undefined) ?? [], total: answer.TotalCount as number };
		},
	});
}

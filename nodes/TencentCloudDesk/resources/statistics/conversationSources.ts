/**
 * The filters of the per-agent statistics: agents by email, and channels (ConversationSources: ChannelType
 * and optional ChannelId). Tencent names the agent list differently per command (AgentIds, MemberIds).
 */
import type { IDataObject, INodeProperties } from 'n8n-workflow';

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
export function agentFiltersCollection(operation: string, agentListField: 'AgentIds' | 'MemberIds'): INodeProperties {
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show: { resource: ['statistic'], operation: [operation] } },
		options: [
			{
				displayName: 'Agent Emails',
				name: 'agentEmails',
				type: 'string',
				default: '',
				placeholder: 'alice@example.com, bob@example.com',
				description: `Only these agents, separated by commas (${agentListField})`,
			},
			conversationSourcesField,
		],
	};
}

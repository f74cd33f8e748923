import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { readRequestSettings } from '../shared/requestOptions';
import { readableSubtitle } from './descriptions/subtitle';
import { mapWithConcurrency } from '../shared/mapWithConcurrency';
import { searchConversationSettings, searchCustomerServiceAccounts, searchQuickReplyGroups } from './methods/customerServiceListSearch';
import { searchFaqCategories, searchSmallTalkCategories } from './methods/chatbotCategorySearch';
import { searchAgents, searchSkillGroups } from '../shared/pickers/listSearch';
import { getAgents, getSkillGroups } from '../shared/pickers/loadOptions';
import { agentDescription, agentOperations } from './resources/agent';
import { conversationSettingDescription, conversationSettingOperations } from './resources/conversationSetting';
import { chatbotFaqDescription, chatbotFaqOperations } from './resources/chatbotFaq';
import { chatbotSettingDescription, chatbotSettingOperations } from './resources/chatbotSetting';
import { chatbotSmallTalkDescription, chatbotSmallTalkOperations } from './resources/chatbotSmallTalk';
import { customApiCallDescription, customApiCallOperations } from './resources/customApiCall';
import {
	customerServiceAccountDescription,
	customerServiceAccountOperations,
} from './resources/customerServiceAccount';
import { roleDescription, roleOperations } from './resources/role';
import { groupChatDescription, groupChatOperations } from './resources/groupChat';
import { quickReplyDescription, quickReplyOperations } from './resources/quickReply';
import { sessionDescription, sessionOperations } from './resources/session';
import { sessionRecordDescription, sessionRecordOperations } from './resources/sessionRecord';
import { skillGroupDescription, skillGroupOperations } from './resources/skillGroup';
import { statisticDescription, statisticOperations } from './resources/statistic';
import type { OperationHandler } from './resources/types';
import { writeTargets } from './resources/writeOperation';
import { createDeskClient } from '../shared/transport/deskClient';
import { failureItem } from '../shared/transport/deskErrors';

const operations: Record<string, Record<string, OperationHandler>> = {
	session: sessionOperations,
	sessionRecord: sessionRecordOperations,
	agent: agentOperations,
	skillGroup: skillGroupOperations,
	customerServiceAccount: customerServiceAccountOperations,
	customApiCall: customApiCallOperations,
	role: roleOperations,
	statistic: statisticOperations,
	quickReply: quickReplyOperations,
	conversationSetting: conversationSettingOperations,
	groupChat: groupChatOperations,
	chatbotFaq: chatbotFaqOperations,
	chatbotSmallTalk: chatbotSmallTalkOperations,
	chatbotSetting: chatbotSettingOperations,
};

const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Agent', value: 'agent' },
			{ name: 'Chatbot FAQ', value: 'chatbotFaq' },
			{ name: 'Chatbot Setting', value: 'chatbotSetting' },
			{ name: 'Chatbot Small Talk', value: 'chatbotSmallTalk' },
			{ name: 'Conversation Setting', value: 'conversationSetting' },
			{ name: 'Custom API Call', value: 'customApiCall' },
			{ name: 'Customer Service Account', value: 'customerServiceAccount' },
			{ name: 'Group Chat', value: 'groupChat' },
			{ name: 'Quick Reply', value: 'quickReply' },
			{ name: 'Role', value: 'role' },
			{ name: 'Session', value: 'session' },
			{ name: 'Session Record', value: 'sessionRecord' },
			{ name: 'Skill Group', value: 'skillGroup' },
			{ name: 'Statistic', value: 'statistic' },
		],
		default: 'session',
	},
	...sessionDescription,
	...sessionRecordDescription,
	...agentDescription,
	...skillGroupDescription,
	...customerServiceAccountDescription,
	...quickReplyDescription,
	...conversationSettingDescription,
	...groupChatDescription,
	...customApiCallDescription,
	...roleDescription,
	...statisticDescription,
	...chatbotFaqDescription,
	...chatbotSmallTalkDescription,
	...chatbotSettingDescription,
];

export class TencentCloudDesk implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Tencent Cloud Desk',
		name: 'tencentCloudDesk',
		icon: { light: 'file:tencentCloudDesk.svg', dark: 'file:tencentCloudDesk.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: readableSubtitle(properties),
		description:
			'Run Tencent Cloud Desk: sessions and messages, agents, skill groups, statistics, customer service accounts, quick replies, and the chatbot knowledge base',
		defaults: { name: 'Tencent Cloud Desk' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'tencentCloudDeskApi', required: true }],
		properties,
	};

	methods = {
		listSearch: {
			searchSkillGroups,
			searchAgents,
			searchCustomerServiceAccounts,
			searchQuickReplyGroups,
			searchConversationSettings,
			searchFaqCategories,
			searchSmallTalkCategories,
		},
		loadOptions: { getAgents, getSkillGroups },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const resource = this.getNodeParameter('resource', 0) as string;
		const operation = this.getNodeParameter('operation', 0) as string;
		const handler = operations[resource]?.[operation];
		if (!handler) {
			throw new NodeOperationError(this.getNode(), `The operation "${operation}" is not supported for "${resource}"`);
		}

		const { concurrency, ...clientSettings } = readRequestSettings(this);
		// The credential is read on the first request: an operation that never calls Desk never reads it.
		const client = createDeskClient(this, clientSettings);

		// Items writing to the same Desk object (its operation's declared target) run in item order.
		const perItem = await mapWithConcurrency(items.length, concurrency, async (itemIndex) => {
			try {
				const result = await handler.call(this, client, itemIndex);
				return (Array.isArray(result) ? result : [result]).map((json) => ({
					json,
					pairedItem: { item: itemIndex },
				}));
			} catch (error) {
				// Both constructors hand back an error that is already theirs unchanged.
				const nodeError =
					error instanceof NodeApiError
						? new NodeApiError(this.getNode(), error as unknown as JsonObject)
						: new NodeOperationError(this.getNode(), error, { itemIndex });
				if (!this.continueOnFail()) throw nodeError;
				const failure = failureItem(nodeError);
				// n8n sends an item to the error output only when its json holds no more than error, message and
				// details (the item's own `error` property would make n8n drop the Desk fields): they go under details.
				const json = this.getNode().onError === 'continueErrorOutput' ? { error: failure.error, details: failure } : failure;
				return [{ json, pairedItem: { item: itemIndex } }];
			}
		}, writeTargets(this, handler));
		return [perItem.flat()];
	}
}

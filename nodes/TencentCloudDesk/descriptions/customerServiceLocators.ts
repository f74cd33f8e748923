/**
 * Pickers for the customer-service configuration: CS accounts, quick-reply categories and
 * conversation settings. A searchable list loaded from the account, or an ID typed or mapped.
 */
import type { INodeProperties } from 'n8n-workflow';

type Show = NonNullable<INodeProperties['displayOptions']>['show'];

function locator(
	base: Pick<INodeProperties, 'displayName' | 'description'> & { searchListMethod: string; placeholder: string; idRegex?: [string, string] },
	name: string,
	show: Show,
	overrides: Partial<INodeProperties>,
): INodeProperties {
	const { searchListMethod, placeholder, idRegex, ...field } = base;
	return {
		...field,
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		displayOptions: { show },
		modes: [
			{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod, searchable: true } },
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder,
				...(idRegex && { validation: [{ type: 'regex', properties: { regex: idRegex[0], errorMessage: idRegex[1] } }] }),
			},
		],
		...overrides,
	};
}

export function customerServiceAccountLocator(name: string, show: Show, overrides: Partial<INodeProperties> = {}): INodeProperties {
	return locator(
		{
			displayName: 'Customer Service Account',
			description: 'The customer service account (the Chat UserID customers talk to, CustomerServiceId in events)',
			searchListMethod: 'searchCustomerServiceAccounts',
			placeholder: '@customer_service_account',
		},
		name,
		show,
		overrides,
	);
}

export function quickReplyGroupLocator(name: string, show: Show, overrides: Partial<INodeProperties> = {}): INodeProperties {
	return locator(
		{
			displayName: 'Quick Reply Category',
			description:
				'The quick-reply category (GroupId, a string). The list shows the categories your agents can use; enter any other by its ID.',
			searchListMethod: 'searchQuickReplyGroups',
			placeholder: '2205',
		},
		name,
		show,
		overrides,
	);
}

export function conversationSettingLocator(name: string, show: Show, overrides: Partial<INodeProperties> = {}): INodeProperties {
	return locator(
		{
			displayName: 'Conversation Setting',
			description: 'The per-channel conversation setting (ConversationSettingId)',
			searchListMethod: 'searchConversationSettings',
			placeholder: '10002',
			idRegex: ['^\\s*\\d+\\s*$', 'A conversation setting ID is a number, e.g. 10002'],
		},
		name,
		show,
		overrides,
	);
}

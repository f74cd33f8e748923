/**
 * Skill-group and agent pickers: a searchable list loaded from the account, or an ID/email typed
 * or mapped by expression when the list cannot load (or the value comes from a previous node).
 */
import type { INodeProperties } from 'n8n-workflow';

type Show = NonNullable<INodeProperties['displayOptions']>['show'];

export function skillGroupLocator(name: string, show: Show, overrides: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Skill Group',
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		description: 'The skill group (MemberGroupID)',
		displayOptions: { show },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchSkillGroups', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: '3',
				validation: [
					{
						type: 'regex',
						properties: { regex: '^\\s*\\d+\\s*$', errorMessage: 'A skill group ID is a number, e.g. 3' },
					},
				],
			},
		],
		...overrides,
	};
}

export function agentLocator(name: string, show: Show, overrides: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Agent',
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		description: 'The agent, identified in Desk by their email',
		displayOptions: { show },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchAgents', searchable: true },
			},
			{
				displayName: 'By Email',
				name: 'email',
				type: 'string',
				placeholder: 'agent@example.com',
			},
		],
		...overrides,
	};
}

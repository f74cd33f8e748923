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

/**
 * An FAQ category. Tencent documents no command that lists FAQ categories (NOT FOUND), so the list
 * offers the categories that hold published questions; others are entered by ID.
 */
export function faqCategoryLocator(name: string, show: Show, overrides: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Category',
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		description: 'The FAQ category (CategoryId); a numeric ID is sent as a number',
		hint: 'The list shows the categories that hold published questions. For an empty or new category, enter the ID Create Category returned.',
		displayOptions: { show },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchFaqCategories', searchable: true },
			},
			{ displayName: 'By ID', name: 'id', type: 'string', placeholder: '101' },
		],
		...overrides,
	};
}

/** A small-talk category, listed by Tencent's `desc_chitchat_category`. */
export function smallTalkCategoryLocator(name: string, show: Show, overrides: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Category',
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		description: 'The small-talk category (CategoryId); a numeric ID is sent as a number',
		displayOptions: { show },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchSmallTalkCategories', searchable: true },
			},
			{ displayName: 'By ID', name: 'id', type: 'string', placeholder: '201' },
		],
		...overrides,
	};
}

/**
 * Several agents or skill groups: picked from the account's list, or mapped by expression as a list
 * or as text separated by commas (read with splitList). n8n has no multi-value resource locator.
 */
/** `what`: what the list means here, shown as the hint with how to map it. */
export function agentsField(name: string, show: Show | undefined, what: string, overrides: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Agent Names or IDs',
		name,
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getAgents' },
		default: [],
		description: 'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		hint: `${what}. An agent’s ID is their email; in an expression, a list of emails or emails separated by commas.`,
		...(show && { displayOptions: { show } }),
		...overrides,
	};
}

export function skillGroupsField(name: string, show: Show | undefined, what: string, overrides: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Skill Group Names or IDs',
		name,
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getSkillGroups' },
		default: [],
		description: 'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		hint: `${what}. In an expression: a list of skill group IDs (MemberGroupID), or IDs separated by commas.`,
		...(show && { displayOptions: { show } }),
		...overrides,
	};
}

/**
 * A resource locator's value as text ('' when unset): inside a collection n8n hands the locator over as its
 * { mode, value } object, and outside n8n's parameter resolution a top-level one may arrive so too.
 */
export function locatorText(raw: unknown): string {
	const value = raw && typeof raw === 'object' ? (raw as { value?: unknown }).value : raw;
	return String(value ?? '').trim();
}

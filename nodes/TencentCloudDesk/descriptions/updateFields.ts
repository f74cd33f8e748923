/**
 * The "Update Fields" collection of an update operation: the user adds only the fields to change,
 * and only those are sent (what the guidance says about empty values differs per operation).
 */
import type { INodeProperties } from 'n8n-workflow';

type Show = NonNullable<INodeProperties['displayOptions']>['show'];

/** What the collection tells the user: a hint under it, or a description beside its label. */
export type UpdateFieldsGuidance = { hint: string } | { description: string };

export function updateFieldsCollection(show: Show, guidance: UpdateFieldsGuidance, options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show },
		...guidance,
		options,
	};
}

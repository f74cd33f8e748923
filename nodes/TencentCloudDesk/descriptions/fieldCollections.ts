/**
 * The field collections operations offer: "Additional Fields" of a create (optional fields, sent
 * when added), "Update Fields" of an update (only the fields to change are added, and only those
 * are sent; what the guidance says about empty values differs per operation), and the "Filters" of
 * a Get Many.
 */
import type { INodeProperties } from 'n8n-workflow';

type Show = NonNullable<INodeProperties['displayOptions']>['show'];

/** What the Update Fields collection tells the user: a hint under it, or a description beside its label. */
export type UpdateFieldsGuidance = { hint: string } | { description: string };

export function updateFieldsCollection(show: Show, guidance: UpdateFieldsGuidance, options: INodeProperties[]): INodeProperties {
	return { ...fieldsCollection('updateFields', 'Update Fields', show, options), ...guidance };
}

export function additionalFieldsCollection(show: Show, options: INodeProperties[]): INodeProperties {
	return fieldsCollection('additionalFields', 'Additional Fields', show, options);
}

function fieldsCollection(name: string, displayName: string, show: Show, options: INodeProperties[]): INodeProperties {
	return { displayName, name, type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: { show }, options };
}

export function filtersCollection(show: Show, options: INodeProperties[]): INodeProperties {
	return { displayName: 'Filters', name: 'filters', type: 'collection', placeholder: 'Add Filter', default: {}, displayOptions: { show }, options };
}

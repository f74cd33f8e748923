/** Reading node parameters the way every operation needs them: trimmed, checked, with a clear error. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { dateMillis } from '../../shared/eventTime';
import { locatorText } from '../../shared/pickers/locators';

export function emptyError(context: IExecuteFunctions, label: string, itemIndex: number): NodeOperationError {
	return new NodeOperationError(context.getNode(), `${label} is empty`, {
		itemIndex,
		description: `Enter a ${label}, or map it from the previous node.`,
	});
}

/** The error of an update with nothing to send: what to add (by default, a field under Update Fields). */
export function nothingToUpdate(
	context: IExecuteFunctions,
	itemIndex: number,
	{ message = 'Nothing to update', description = 'Add at least one field under Update Fields.' }: { message?: string; description?: string } = {},
): NodeOperationError {
	return new NodeOperationError(context.getNode(), message, { itemIndex, description });
}

export function requiredString(context: IExecuteFunctions, name: string, label: string, itemIndex: number): string {
	const value = String(context.getNodeParameter(name, itemIndex, '') ?? '').trim();
	if (!value) throw emptyError(context, label, itemIndex);
	return value;
}

/** The value of a resource locator (picked from the list or typed as an ID); '' when unset. */
export function locatorValue(context: IExecuteFunctions, name: string, itemIndex: number): string {
	return locatorText(context.getNodeParameter(name, itemIndex, '', { extractValue: true }));
}

export function requiredLocator(context: IExecuteFunctions, name: string, label: string, itemIndex: number): string {
	const value = locatorValue(context, name, itemIndex);
	if (!value) throw emptyError(context, label, itemIndex);
	return value;
}

/** A skill group ID: Desk wants an integer. */
export function skillGroupId(context: IExecuteFunctions, name: string, itemIndex: number): number {
	return skillGroupNumber(context, requiredLocator(context, name, 'Skill Group', itemIndex), itemIndex);
}

/** A skill group picked or typed (a locator's value) as the integer Desk wants. */
export function skillGroupNumber(context: IExecuteFunctions, value: string, itemIndex: number): number {
	if (!/^\d+$/.test(value)) {
		throw new NodeOperationError(context.getNode(), `Skill Group “${value}” is not a skill group ID`, {
			itemIndex,
			description: 'Pick a skill group from the list, or enter its numeric ID (MemberGroupID in Skill Group → Get Many).',
		});
	}
	return Number(value);
}

/** A date-time parameter as Unix seconds (Desk's record APIs count in seconds). */
export function unixSeconds(context: IExecuteFunctions, name: string, label: string, itemIndex: number): number {
	const raw = context.getNodeParameter(name, itemIndex, '') as unknown;
	const millis = dateMillis(raw);
	if (!Number.isFinite(millis)) {
		throw new NodeOperationError(context.getNode(), `${label} is not a date`, {
			itemIndex,
			description: `Pick a date, or map an ISO 8601 date such as 2026-11-23T09:00:00Z. Got “${String(raw)}”.`,
		});
	}
	return Math.floor(millis / 1000);
}


/**
 * A collection's fields under Tencent's names, for a request body. Parameter names are camelCase (n8n's
 * convention, and what saved workflows keep); Tencent's names belong in the body only. Most are the
 * parameter's name with a capital first letter; `irregular` lists the others.
 */
export function tencentFields(fields: IDataObject, irregular: Readonly<Record<string, string>> = {}): IDataObject {
	return Object.fromEntries(Object.entries(fields).map(([name, value]) => [tencentName(name, irregular), value]));
}

export function tencentName(name: string, irregular: Readonly<Record<string, string>> = {}): string {
	return irregular[name] ?? `${name.charAt(0).toUpperCase()}${name.slice(1)}`;
}

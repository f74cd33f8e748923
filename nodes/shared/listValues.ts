/**
 * Lists typed into one field ("5, 7", or emails one per line) or mapped as an array by
 * expression, the way Desk's array fields (RoleIDList, MemberList, AgentIds…) need them.
 */
import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** The one way lists are typed: entries separated by commas, semicolons or new lines, or an array. */
export function splitList(value: unknown): string[] {
	const entries = Array.isArray(value) ? value.map(String) : String(value ?? '').split(/[,;\n]/);
	return entries.map((entry) => entry.trim()).filter((entry) => entry !== '');
}

/** Whole-number IDs (role and skill group IDs); a non-number names the field and the entry. */
export function idList(context: IExecuteFunctions, value: unknown, label: string, itemIndex: number): number[] {
	return splitList(value).map((entry) => {
		if (!/^\d+$/.test(entry)) {
			throw new NodeOperationError(context.getNode(), `${label}: “${entry}” is not an ID`, {
				itemIndex,
				description: 'Pick them from the list, or enter numeric IDs separated by commas, e.g. 5, 7.',
			});
		}
		return Number(entry);
	});
}

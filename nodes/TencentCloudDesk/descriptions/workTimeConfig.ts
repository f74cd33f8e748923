/**
 * WorkTimeConfig, shared by CS accounts and conversation settings: when agents work, as Desk's
 * JSON. Type 0 = no work-time check, 1 = weekly plan (Periods), 2 = statutory workdays.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

export const workTimeConfigField: INodeProperties = {
	displayName: 'Work Time Config (JSON)',
	name: 'workTimeConfig',
	type: 'json',
	default: '{\n  "Type": 1,\n  "Periods": [\n    { "Day": "Monday", "PeriodsWithinOneDay": [{ "Start": "09:00", "End": "18:00" }] }\n  ]\n}',
	description:
		'When agents work. Type 0: no work-time check; 1: a weekly plan in Periods (Day "Monday"…"Sunday", Start and End as HH:MM); 2: statutory workdays (LegalWorkTime).',
	hint: 'For Type 2, copy the LegalWorkTime entries of an existing setting (Conversation Setting → Get) and change them',
};

export function readWorkTimeConfig(context: IExecuteFunctions, value: unknown, itemIndex: number): IDataObject {
	let parsed: unknown = value;
	if (typeof value === 'string') {
		try {
			parsed = JSON.parse(value);
		} catch {
			parsed = undefined;
		}
	}
	if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
		throw new NodeOperationError(context.getNode(), 'Work Time Config is not a JSON object', {
			itemIndex,
			description: 'Enter an object such as {"Type": 0}, or {"Type": 1, "Periods": […]} for a weekly plan.',
		});
	}
	return parsed as IDataObject;
}

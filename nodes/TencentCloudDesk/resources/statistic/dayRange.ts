/** Start Date / End Date of the whole-day statistics, and the time zone their days are in. */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { wholeDayRange } from '../../helpers/dayRange';

export function dayRangeFields(operation: string): INodeProperties[] {
	const show = { resource: ['statistic'], operation: [operation] };
	return [
		{
			displayName: 'Start Date',
			name: 'startDate',
			type: 'dateTime',
			required: true,
			default: '',
			description: 'First day counted, from 00:00:00. Only the date matters: Desk counts whole days.',
			hint: 'E.g. {{ $today.minus(7, "days") }}',
			displayOptions: { show },
		},
		{
			displayName: 'End Date',
			name: 'endDate',
			type: 'dateTime',
			required: true,
			default: '',
			description: 'Last day counted, until 23:59:59',
			hint: 'E.g. {{ $today.minus(1, "day") }}',
			displayOptions: { show },
		},
	];
}

export const timeZoneOption: INodeProperties = {
	displayName: 'Time Zone',
	name: 'timeZone',
	type: 'string',
	default: '',
	placeholder: 'Asia/Shanghai',
	description: 'IANA time zone the days start and end in; empty means the workflow’s time zone',
	hint: 'If figures look shifted by a day, set the time zone Desk counts days in, e.g. Asia/Shanghai',
};

/** From/To in Unix seconds: 00:00:00 of Start Date to 23:59:59 of End Date. */
export function readDayRange(context: IExecuteFunctions, itemIndex: number): { From: number; To: number } {
	const { timeZone = '' } = context.getNodeParameter('options', itemIndex, {}) as { timeZone?: string };
	const { from, to } = wholeDayRange(context, { start: 'startDate', end: 'endDate' }, timeZone.trim() || context.getTimezone(), itemIndex);
	return { From: from, To: to };
}

import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { DeskClientSettings } from './transport/deskClient';

/** How requests are sent; offered in every operation's Options. */
export const requestOptionFields: INodeProperties[] = [
	{
		displayName: 'Concurrency',
		name: 'concurrency',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 50 },
		default: 5,
		description:
			'How many input items are sent to Tencent at the same time. Output order always matches input order, and items that write to the same session (or other Desk object) are sent one after another in item order.',
	},
	{
		displayName: 'Max Requests per Second',
		name: 'requestsPerSecond',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 100,
		description:
			'Upper bound for this node’s calls per second. Tencent allows about 200 per second per app, shared by everything using the app, and answers 141009 above it. For a bulk job that has the app to itself, 190 with Concurrency 10 is fastest. 0 means no limit.',
	},
	{
		displayName: 'Retries on Temporary Errors',
		name: 'maxRetries',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 10 },
		default: 3,
		description:
			'How often to retry, with growing pauses, when Tencent is busy or rate-limits (141002, 141009, HTTP 5xx, timeouts). Credential errors are never retried. A write that would apply twice, such as a message, is retried only when Tencent cannot have carried it out (a rate limit), never after a timeout.',
	},
];

/** An "Options" collection for one operation: its own options plus the request options. */
export function optionsCollection(
	resource: string,
	operation: string,
	own: INodeProperties[] = [],
): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { resource: [resource], operation: [operation] } },
		options: [...own, ...requestOptionFields],
	};
}

/** The user-facing defaults are the ones in the descriptions above. */
const optionDefault = (name: string): number =>
	requestOptionFields.find((field) => field.name === name)?.default as number;

export type RequestSettings = Pick<DeskClientSettings, 'maxRetries' | 'requestsPerSecond'> & { concurrency: number };

/** What a caller without an Options collection (list search in the editor) uses. */
export const DEFAULT_REQUEST_SETTINGS: RequestSettings = {
	concurrency: optionDefault('concurrency'),
	requestsPerSecond: optionDefault('requestsPerSecond'),
	maxRetries: optionDefault('maxRetries'),
};

export function readRequestSettings(context: IExecuteFunctions): RequestSettings {
	const options = context.getNodeParameter('options', 0, {}) as Partial<RequestSettings>;
	return {
		concurrency: options.concurrency ?? DEFAULT_REQUEST_SETTINGS.concurrency,
		requestsPerSecond: options.requestsPerSecond ?? DEFAULT_REQUEST_SETTINGS.requestsPerSecond,
		maxRetries: options.maxRetries ?? DEFAULT_REQUEST_SETTINGS.maxRetries,
	};
}

/** The trigger's parameters in the editor, and reading them back as one settings object. */
import type { INodeProperties, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { DEFAULT_REQUEST_SETTINGS, requestOptionFields } from '../shared/requestOptions';
import { dateMillis } from '../shared/eventTime';

/** A background poller should leave most of the app's ~200 calls/s to everything else. */
const TRIGGER_REQUESTS_PER_SECOND = 20;
/** Retries cost only time here: a poll that still fails reads the same window next time. */
const TRIGGER_MAX_RETRIES = 5;
const DEFAULT_LOOK_BACK_MINUTES = 10;

export const triggerProperties: INodeProperties[] = [
	{
		displayName:
			'Emits each session once, after it ended, from Desk’s session records. Sessions that end while n8n is stopped are emitted at the next poll. Pair it with the Tencent Cloud Desk Trigger for live events (see the package README).',
		name: 'notice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Start From',
		name: 'startFrom',
		type: 'options',
		options: [
			{ name: 'Now', value: 'now', description: 'Sessions that end after the first poll' },
			{ name: 'A Date', value: 'date', description: 'Sessions that ended since a date, then every new one' },
		],
		default: 'now',
		description: 'Where the first poll starts. Changing it later starts over from the new choice.',
	},
	{
		displayName: 'Start Date',
		name: 'startDate',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'Sessions that ended at or after this time are emitted',
		displayOptions: { show: { startFrom: ['date'] } },
	},
	{
		displayName: 'Include Messages',
		name: 'includeMessages',
		type: 'boolean',
		default: false,
		description: 'Whether to add the session’s messages (oldest first) to each item, one extra request per 100 messages',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Look-Back Window (Minutes)',
				name: 'lookBackMinutes',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 1440 },
				default: DEFAULT_LOOK_BACK_MINUTES,
				description:
					'Each poll reads this far behind the previous one, so records Desk writes late are not missed. Sessions already emitted are never emitted again.',
			},
			...requestOptionFields.map((field) => {
				if (field.name === 'requestsPerSecond') return { ...field, default: TRIGGER_REQUESTS_PER_SECOND };
				if (field.name === 'maxRetries') return { ...field, default: TRIGGER_MAX_RETRIES };
				if (field.name === 'concurrency') {
					return { ...field, description: 'How many sessions’ messages are read at the same time (with Include Messages)' };
				}
				return field;
			}),
		],
	},
];

export interface TriggerSettings {
	/** Identifies the first-run choice; stored with the state, so changing the choice starts over. */
	origin: string;
	/** Unix seconds of the first-run start; `now` for Start From: Now. */
	from: number;
	includeMessages: boolean;
	lookBackSeconds: number;
	concurrency: number;
	requestsPerSecond: number;
	maxRetries: number;
}

interface TriggerOptions {
	lookBackMinutes?: number;
	concurrency?: number;
	requestsPerSecond?: number;
	maxRetries?: number;
}

export function readTriggerSettings(context: IPollFunctions, now: number): TriggerSettings {
	const startFrom = context.getNodeParameter('startFrom', 'now') as string;
	const options = context.getNodeParameter('options', {}) as TriggerOptions;
	const common = {
		includeMessages: context.getNodeParameter('includeMessages', false) as boolean,
		lookBackSeconds: Math.max(1, options.lookBackMinutes ?? DEFAULT_LOOK_BACK_MINUTES) * 60,
		concurrency: options.concurrency ?? DEFAULT_REQUEST_SETTINGS.concurrency,
		requestsPerSecond: options.requestsPerSecond ?? TRIGGER_REQUESTS_PER_SECOND,
		maxRetries: options.maxRetries ?? TRIGGER_MAX_RETRIES,
	};
	if (startFrom !== 'date') return { origin: 'now', from: now, ...common };
	const millis = dateMillis(context.getNodeParameter('startDate', '') as unknown);
	if (!Number.isFinite(millis)) {
		throw new NodeOperationError(context.getNode(), 'Start Date is not a date', {
			description: 'Pick a date, or enter an ISO 8601 date such as 2026-11-23T09:00:00Z.',
		});
	}
	const from = Math.floor(millis / 1000);
	return { origin: `date:${from}`, from, ...common };
}

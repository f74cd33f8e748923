import type { INodeProperties } from 'n8n-workflow';

import { clockToleranceOption } from '../shared/callbackTriggerParts';
import { collectionDefaults } from '../shared/collectionDefaults';
import { ALL_EVENTS, DESK_EVENTS } from '../shared/events';

/** The Options collection's fields. Their defaults are declared once, in the properties below. */
export interface TriggerOptions {
	toleranceSeconds: number;
	ignoreRepeatedDeliveries: boolean;
	deduplicationMinutes: number;
	allowOtherCommands: boolean;
}

export const triggerProperties: INodeProperties[] = [
	// n8n 2.x strips markup from notices: two plain notices instead of one formatted one.
	{
		displayName:
			'Paste this node’s Production URL into the Desk Management Panel → Settings → Developer Settings as the callback URL, turn the callback toggle on, and publish this workflow: until it is published the production URL answers 404. The Test URL works only while you click “Listen for test event”, for one event.',
		name: 'setupNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName:
			'Set a Callback Token in the credential (the same one as in the Chat console’s callback authentication) so forged callbacks are rejected. Without it, anyone who learns the URL can post events.',
		name: 'securityNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		required: true,
		options: [
			{ name: 'All Events', value: ALL_EVENTS, description: 'Every event, including types Desk adds later (they go to “Other”)' },
			...DESK_EVENTS.map(({ name, value, description }) => ({ name, value, description: `${description} (${value})` })),
		],
		default: [ALL_EVENTS],
		description: 'Which session events start the workflow. Other events are acknowledged and dropped.',
	},
	{
		displayName: 'Routing',
		name: 'routing',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Single Output',
				value: 'single',
				description: 'All selected events leave by one output; branch on the Event field yourself',
			},
			{
				name: 'One Output per Selected Event',
				value: 'perEvent',
				description: 'Each selected event has its own output, named after it; with All Events, unknown types go to “Other”',
			},
		],
		default: 'single',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			clockToleranceOption,
			{
				displayName: 'Ignore Repeated Deliveries',
				name: 'ignoreRepeatedDeliveries',
				type: 'boolean',
				default: true,
				description:
					'Whether to acknowledge but not run again when Desk retries a callback with a RequestID seen recently. Per n8n process: in queue mode with several webhook processes, have the load balancer route by the RequestID query value (see the package README, Running at scale).',
			},
			{
				displayName: 'Repeat Window (Minutes)',
				name: 'deduplicationMinutes',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 10,
				description: 'How long a RequestID is remembered for Ignore Repeated Deliveries',
			},
			{
				displayName: 'Run for Other Callback Commands',
				name: 'allowOtherCommands',
				type: 'boolean',
				default: false,
				description:
					'Whether callbacks whose CallbackCommand is not Desk.SessionEventNotify also run the workflow (they are always acknowledged)',
			},
		],
	},
];

/** The defaults the editor shows, so the webhook applies the same ones. */
export const TRIGGER_OPTION_DEFAULTS = collectionDefaults<TriggerOptions>(triggerProperties, 'options');

export function resolveTriggerOptions(set: Partial<TriggerOptions>): TriggerOptions {
	return { ...TRIGGER_OPTION_DEFAULTS, ...set };
}

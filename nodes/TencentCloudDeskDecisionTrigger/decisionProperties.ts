/** The decision trigger's parameters: which decision, how it is answered, and the fallback answer. */
import type { INodeProperties } from 'n8n-workflow';

import { clockToleranceOption } from '../shared/callbackTriggerParts';
import { collectionDefaults } from '../shared/collectionDefaults';
import { skillGroupLocator } from '../shared/pickers/locators';
import { DECISION_CALLBACKS, DEFAULT_DECISION, type DecisionKind } from '../shared/decisionCallbacks';
import { DEFAULT_ANSWER_MODE } from '../shared/decisionDelivery';

/** The Options collection's fields. Their defaults are declared once, in the properties below. */
export interface DecisionOptions {
	deadlineMs: number;
	toleranceSeconds: number;
	deduplicationMinutes: number;
	maxInProgress: number;
}

const show = (decision: DecisionKind, extra: Record<string, string[]> = {}) => ({ show: { decision: [decision], ...extra } });

export const decisionProperties: INodeProperties[] = [
	// n8n 2.x strips markup from notices: one plain notice per decision.
	...DECISION_CALLBACKS.map(
		(info): INodeProperties => ({
			displayName: `Where this URL goes: ${info.whereToPaste}. Use the Production URL and publish this workflow; the Test URL answers only while you click “Listen for test event”.`,
			name: `setupNotice_${info.kind}`,
			type: 'notice',
			default: '',
			displayOptions: show(info.kind),
		}),
	),
	{
		displayName:
			'Desk waits for the answer: Tencent gives its before-callbacks 2 seconds. When the workflow fails, ends without an answer step, or is slower than the deadline in Options, Desk gets the fallback answer below instead.',
		name: 'timingNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Decision',
		name: 'decision',
		type: 'options',
		noDataExpression: true,
		options: DECISION_CALLBACKS.map(({ kind, name, description, commands }) => ({
			name,
			value: kind,
			description: `${description} (${commands.join(' or ')})`,
		})),
		default: DEFAULT_DECISION,
	},
	{
		displayName: 'Answer',
		name: 'answerMode',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'From the Workflow',
				value: 'workflow',
				description:
					'A Tencent Cloud Desk Decision Answer step in the workflow answers; the fallback is used when it does not in time',
			},
			{
				name: 'At Once, With the Fallback',
				value: 'atOnce',
				description: 'Desk gets the fallback answer immediately; the workflow then runs without holding Desk (to log or notify)',
			},
		],
		default: DEFAULT_ANSWER_MODE,
	},
	{
		displayName: 'Fallback Routing',
		name: 'fallbackRouting',
		type: 'options',
		noDataExpression: true,
		displayOptions: show('assignHuman'),
		options: [
			{
				name: 'Route to a Skill Group',
				value: 'skillGroup',
				description: 'Answer with a fixed skill group; Desk picks an agent in it. Recommended: always a valid routing.',
			},
			{
				name: 'Let Desk Decide',
				value: 'deskDefault',
				description:
					'Answer “failed” (ErrorCode 1): Desk decides itself where the customer goes',
			},
		],
		default: 'skillGroup',
	},
	skillGroupLocator('fallbackSkillGroup', { decision: ['assignHuman'], fallbackRouting: ['skillGroup'] }, {
		displayName: 'Fallback Skill Group',
		required: true,
		description: 'The skill group customers go to when the workflow does not answer in time',
	}),
	{
		displayName: 'Fallback Answer',
		name: 'fallbackApiCall',
		type: 'options',
		noDataExpression: true,
		displayOptions: show('apiCall'),
		options: [
			{
				name: 'Fixed Variables',
				value: 'variables',
				description: 'Answer success with the variables below, so the task flow goes on',
			},
			{
				name: 'Failure',
				value: 'fail',
				description: 'Answer “failed” (ErrorCode 1): the task flow gets no variables',
			},
		],
		default: 'variables',
	},
	{
		displayName: 'Fallback Variables',
		name: 'fallbackVariables',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Variable',
		displayOptions: show('apiCall', { fallbackApiCall: ['variables'] }),
		default: {},
		description: 'Session variables written when the workflow does not answer in time (text values)',
		options: [
			{
				displayName: 'Variable',
				name: 'variable',
				values: [
					{ displayName: 'Name', name: 'name', type: 'string', default: '' },
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	},
	{
		displayName: 'Fallback Contact',
		name: 'fallbackContact',
		type: 'options',
		noDataExpression: true,
		displayOptions: show('beforeContact'),
		options: [
			{ name: 'Allow', value: 'allow', description: 'Let the agent contact the customer' },
			{ name: 'Refuse', value: 'refuse', description: 'Stop the contact (answered with ErrorCode 1)' },
		],
		default: 'allow',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Answer Deadline (Ms)',
				name: 'deadlineMs',
				type: 'number',
				typeOptions: { minValue: 100, maxValue: 1900 },
				default: 1500,
				description:
					'If the workflow has not answered this long after the callback arrived, Desk gets the fallback. Keep it under Tencent’s 2,000 ms, with room for the network.',
			},
			clockToleranceOption,
			{
				displayName: 'Repeat Window (Minutes)',
				name: 'deduplicationMinutes',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 10,
				description:
					'A callback repeated with the same RequestID within this time gets the answer the first one got and does not run the workflow again',
			},
			{
				displayName: 'Max Decisions in Progress',
				name: 'maxInProgress',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 50,
				description:
					'When this many callbacks are still being decided, or several runs are already past the Answer Deadline, a new callback gets the fallback answer at once and starts no execution, so Desk still gets an answer in time when n8n falls behind',
			},
		],
	},
];

/** The defaults the editor shows, so the webhook applies the same ones. */
export const DECISION_OPTION_DEFAULTS = collectionDefaults<DecisionOptions>(decisionProperties, 'options');

export function resolveDecisionOptions(set: Partial<DecisionOptions>): DecisionOptions {
	return { ...DECISION_OPTION_DEFAULTS, ...set };
}

/**
 * Conversation Setting → Update (`update_channel_specific_conversation_settings`): the name and,
 * for one language, the prompts and switches added under Update Fields; Desk leaves absent fields unchanged.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { conversationSettingLocator } from '../../descriptions/customerServiceLocators';
import { updateFieldsCollection } from '../../descriptions/fieldCollections';
import { optionsCollection } from '../../../shared/requestOptions';
import { readWorkTimeConfig, workTimeConfigField } from '../../descriptions/workTimeConfig';
import { updatedResult } from '../../helpers/answer';
import { nothingToUpdate, requiredString, tencentFields, tencentName } from '../../helpers/parameters';
import type { DeskClient } from '../../../shared/transport/deskClient';
import { byLocator, writeOperation } from '../writeOperation';
import { settingId } from './settingId';

const show = { resource: ['conversationSetting'], operation: ['update'] };

/** Prompts Desk can also switch off (`<Name>Disabled`). Names are camelCase; tencentFields gives Desk's in the body. */
const SWITCHABLE: Array<[string, string, string]> = [
	['Welcome Message', 'welcomeMessage', 'Sent when a customer starts a conversation'],
	['Transfer to Human Prompt', 'transferToHumanPrompt', 'Sent while the customer is being transferred'],
	['Transfer to Human Success Prompt', 'transferToHumanSuccessPrompt', 'Sent when an agent takes over; may use ${StaffNickName}'],
	['Transfer to Human Fail Prompt', 'transferToHumanFailPrompt', 'Sent when no agent can take the customer'],
	['End Prompt', 'endPrompt', 'Sent when the session ends'],
	['Timeout End Prompt', 'timeoutEndPrompt', 'Sent when the session ends because the customer stopped replying'],
];
const TEXTS: Array<[string, string, string]> = [
	...SWITCHABLE,
	['Queueing Prompt', 'queueingPrompt', 'Sent while the customer queues; may use ${QueuePosition} and ${WaitNo}'],
	['Not Work Time Prompt', 'notWorkTimePrompt', 'Sent outside the work time'],
	['Choose Skill Group Prompt', 'chooseSkillGroupPrompt', 'Asks the customer to pick a skill group'],
];
const SWITCHES: Array<[string, string]> = [
	...SWITCHABLE.map(([label, name]): [string, string] => [`Disable ${label}`, `${name}Disabled`]),
	['Disable User Timeout Reminder', 'userTimeoutReminderDisabled'],
];

const updateFieldOptions = ([
	...TEXTS.map(([displayName, name, description]): INodeProperties => ({ displayName, name, type: 'string', typeOptions: { rows: 2 }, default: '', description })),
	...SWITCHES.map(([displayName, name]): INodeProperties => ({ displayName, name, type: 'boolean', default: true, description: `Whether to switch it off (${tencentName(name)})` })),
	{ displayName: 'User Timeout (Seconds)', name: 'userTimeout', type: 'number', typeOptions: { minValue: 1 }, default: 300, description: 'How long a customer may stay silent before the session ends' },
	{ displayName: 'Remind User Before Timeout (Seconds)', name: 'remindUserBeforeUserTimeout', type: 'number', typeOptions: { minValue: 0 }, default: 60, description: 'How long before the timeout the customer is reminded' },
	workTimeConfigField,
] as INodeProperties[]).sort((a, b) => a.displayName.localeCompare(b.displayName));

export const updateSettingDescription: INodeProperties[] = [
	conversationSettingLocator('setting', show, { required: true }),
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		description: 'A new name for the setting; empty keeps the current one',
		displayOptions: { show },
	},
	{
		displayName: 'Language',
		name: 'language',
		type: 'string',
		required: true,
		default: 'zh',
		description: 'The language whose prompts Update Fields change (the key under MultilingualSettings)',
		hint: 'Conversation Setting → Get shows the language keys a setting has, e.g. zh',
		displayOptions: { show },
	},
	updateFieldsCollection(show, { description: 'Only the fields added are sent; Desk leaves the others unchanged' }, updateFieldOptions),
	optionsCollection('conversationSetting', 'update'),
];

/**
 * Writes to one conversation setting go in item order; updates merge the given fields, so a repeat changes nothing.
 */
export const updateSetting = writeOperation({ target: byLocator('setting'), retry: 'repeatable' }, async function updateSetting(this: IExecuteFunctions, client: DeskClient, itemIndex: number): Promise<IDataObject> {
	const id = settingId(this, itemIndex);
	const name = String(this.getNodeParameter('name', itemIndex, '') ?? '').trim();
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const values: IDataObject = {};
	for (const [key, value] of Object.entries(fields)) {
		if (key === 'workTimeConfig') values[key] = readWorkTimeConfig(this, value, itemIndex);
		else if (typeof value === 'boolean') values[key] = value ? 1 : 0;
		else values[key] = value;
	}
	const language = tencentFields(values);
	const settings: IDataObject = {};
	if (name) settings.Name = name;
	if (Object.keys(language).length > 0) {
		settings.MultilingualSettings = { [requiredString(this, 'language', 'Language', itemIndex)]: language };
	}
	if (Object.keys(settings).length === 0) {
		throw nothingToUpdate(this, itemIndex, { description: 'Enter a Name, or add at least one field under Update Fields.' });
	}
	await client.desk('update_channel_specific_conversation_settings', { ConversationSettingId: id, ConversationSettings: settings }, { itemIndex });
	return updatedResult({ ConversationSettingId: id, ConversationSettings: settings });
});

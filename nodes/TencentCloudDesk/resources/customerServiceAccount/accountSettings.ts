/**
 * The settings of a customer service account (add_im_agent / update_im_agent), as one collection:
 * Create sends the ones added, Update sends only the ones added, so anything left out stays as it is.
 * Desk's field table for add_im_agent was NOT FOUND; names and types come from its samples.
 * Parameter names are camelCase; tencentFields gives Desk's names in the body.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readWorkTimeConfig, workTimeConfigField } from '../../descriptions/workTimeConfig';
import { tencentFields } from '../../helpers/parameters';
import { idList } from '../../../shared/listValues';
import { locatorText, skillGroupLocator, skillGroupsField } from '../../../shared/pickers/locators';
import { skillGroupNumber } from '../../helpers/parameters';

/** Desk's names that are not the parameter's with a capital first letter. */
const IRREGULAR_FIELDS = {
	avatarUrl: 'IMAgentAvatarUrl',
	displayedSkillGroupIds: 'DisplayGroupsChoices',
	nickName: 'IMAgentNick',
	skillGroupId: 'AgentGroupId',
};

const prompt = (displayName: string, name: string, description: string): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	typeOptions: { rows: 2 },
	default: '',
	description,
});

/** The settings offered (Create's Additional Fields, Update's Update Fields). */
export const accountSettingOptions: INodeProperties[] = [
	{
		displayName: 'Assignment Strategy',
		name: 'assignmentStrategy',
		type: 'options',
		options: [
			{ name: 'Automatic', value: 0 },
			{ name: 'Customer Chooses a Skill Group', value: 1 },
		],
		default: 0,
		description: 'How a customer who asks for a human is routed',
	},
	{ displayName: 'Avatar URL', name: 'avatarUrl', type: 'string', default: '' },
	prompt('Choose Skill Group Prompt', 'chooseSkillGroupPrompt', 'Asks the customer to pick a skill group (with Customer Chooses a Skill Group)'),
	{
		displayName: 'Disable Chatbot',
		name: 'chatbotDisabled',
		type: 'boolean',
		default: false,
		description: 'Whether customers skip the chatbot and go straight to a human',
	},
	skillGroupsField(
		'displayedSkillGroupIds',
		undefined,
		'The skill groups the customer may choose from. Added and left empty, this sends [] (Desk clears the list); not added, the list stays as it is',
		{ displayName: 'Displayed Skill Group Names or IDs' },
	),
	prompt('End Prompt', 'endPrompt', 'Sent when the session ends'),
	{ displayName: 'Nickname', name: 'nickName', type: 'string', default: '', description: 'The name customers see' },
	prompt('Not Work Time Prompt', 'notWorkTimePrompt', 'Sent outside the work time'),
	prompt('Queueing Prompt', 'queueingPrompt', 'Sent while the customer queues; may use ${QueuePosition} and ${WaitNo}'),
	skillGroupLocator('skillGroupId', undefined, { description: 'The skill group that receives this account’s customers' }),
	prompt('Timeout End Prompt', 'timeoutEndPrompt', 'Sent when the session ends because the customer stopped replying'),
	prompt('Transfer to Human Fail Prompt', 'transferToHumanFailPrompt', 'Sent when no agent can take the customer'),
	prompt('Transfer to Human Prompt', 'transferToHumanPrompt', 'Sent while the customer is being transferred'),
	prompt('Transfer to Human Success Prompt', 'transferToHumanSuccessPrompt', 'Sent when an agent takes over; may use ${StaffNickName}'),
	{
		displayName: 'User Timeout (Seconds)',
		name: 'userTimeout',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 600,
		description: 'How long a customer may stay silent before the session ends',
	},
	prompt('Welcome Message', 'welcomeMessage', 'Sent when a customer starts a conversation'),
	workTimeConfigField,
];

export function readAccountSettings(context: IExecuteFunctions, name: string, itemIndex: number): IDataObject {
	const fields = context.getNodeParameter(name, itemIndex, {}) as IDataObject;
	const values: IDataObject = {};
	for (const [key, value] of Object.entries(fields)) {
		if (key === 'chatbotDisabled') values[key] = value ? 1 : 0;
		else if (key === 'workTimeConfig') values[key] = readWorkTimeConfig(context, value, itemIndex);
		else if (key === 'displayedSkillGroupIds') values[key] = idList(context, value, 'Displayed Skill Groups', itemIndex);
		else if (key === 'skillGroupId') values[key] = skillGroupNumber(context, locatorText(value), itemIndex);
		else values[key] = value;
	}
	return tencentFields(values, IRREGULAR_FIELDS);
}

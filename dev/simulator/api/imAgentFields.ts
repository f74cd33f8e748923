/**
 * The fields add_im_agent and update_im_agent take besides IMAgentUserID, checked and split into
 * the account's own fields and its prompts. Types come from the docs' samples (the field table
 * was NOT FOUND); a key outside them is refused, so a mis-cased name fails loudly.
 */
import type { AppMembers } from '../memberDirectory';
import { ACCOUNT_FIELDS } from '../imAgentStore';
import { invalidParameter, optionalEnum, optionalInt, optionalText } from './params';
import { optionalIntArray, rejectUnknownKeys } from './serviceParams';
import { checkWorkTimeConfig } from './workTimeConfig';

const PROMPT_TEXTS = [
	'WelcomeMessage',
	'TransferToHumanPrompt',
	'TransferToHumanSuccessPrompt',
	'TransferToHumanFailPrompt',
	'QueueingPrompt',
	'EndPrompt',
	'TimeoutEndPrompt',
	'NotWorkTimePrompt',
] as const;
const PROMPT_FIELDS = [...PROMPT_TEXTS, 'UserTimeout', 'WorkTimeConfig'] as const;
const KNOWN = ['IMAgentUserID', ...ACCOUNT_FIELDS, ...PROMPT_FIELDS];

/** 0 = automatic assignment; 1 = the user chooses a skill group (seen in get_im_agent_list's sample). */
const ASSIGNMENT_STRATEGIES = [0, 1];

export interface ImAgentFields {
	account: Record<string, unknown>;
	prompts: Record<string, unknown>;
}

export function imAgentFields(body: Record<string, unknown>, members: AppMembers): ImAgentFields {
	rejectUnknownKeys(body, KNOWN, 'body');
	optionalText(body, 'IMAgentNick');
	optionalText(body, 'IMAgentAvatarUrl');
	optionalText(body, 'ChooseSkillGroupPrompt');
	optionalEnum(body, 'ChatbotDisabled', [0, 1]);
	optionalEnum(body, 'AssignmentStrategy', ASSIGNMENT_STRATEGIES);
	const groupId = optionalInt(body, 'AgentGroupId', { min: 0 });
	if (groupId !== undefined && groupId !== 0 && !members.skillGroup(groupId)) throw invalidParameter('AgentGroupId', `${groupId} is not a skill group`);
	for (const id of optionalIntArray(body, 'DisplayGroupsChoices') ?? []) {
		if (!members.skillGroup(id)) throw invalidParameter('DisplayGroupsChoices', `${id} is not a skill group`);
	}
	for (const name of PROMPT_TEXTS) optionalText(body, name);
	optionalInt(body, 'UserTimeout', { min: 1 });
	checkWorkTimeConfig(body, '');

	const pick = (names: readonly string[]) => Object.fromEntries(names.filter((name) => body[name] !== undefined).map((name) => [name, body[name]]));
	return { account: pick(ACCOUNT_FIELDS), prompts: pick(PROMPT_FIELDS) };
}

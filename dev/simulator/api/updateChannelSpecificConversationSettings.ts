/**
 * `v4/desk_http_svc/update_channel_specific_conversation_settings`: change a setting's name and
 * per-language prompts; fields absent from the request are left unchanged.
 * NOT FOUND: the code for an unknown ConversationSettingId (141004 here); the full name of the
 * truncated "RemindUserPr…" key, so it is not accepted; which language keys exist besides "zh".
 */
import type { CommandHandler } from '../commandRegistry';
import { invalidParameter, optionalEnum, optionalInt, optionalString, optionalText, requiredInt } from './params';
import { optionalObject, rejectUnknownKeys, requiredObject } from './serviceParams';
import { checkWorkTimeConfig } from './workTimeConfig';

const PROMPTS_WITH_SWITCH = ['WelcomeMessage', 'TransferToHumanPrompt', 'TransferToHumanSuccessPrompt', 'TransferToHumanFailPrompt', 'EndPrompt', 'TimeoutEndPrompt'];
const SWITCHES = [...PROMPTS_WITH_SWITCH.map((name) => `${name}Disabled`), 'UserTimeoutReminderDisabled'];
const TEXTS = [...PROMPTS_WITH_SWITCH, 'QueueingPrompt', 'NotWorkTimePrompt', 'ChooseSkillGroupPrompt'];
const SECONDS = ['UserTimeout', 'RemindUserBeforeUserTimeout'];
/** The per-language keys of the docs' sample. */
export const LANGUAGE_KEYS = [...TEXTS, ...SWITCHES, ...SECONDS, 'WorkTimeConfig'];

export const updateChannelSpecificConversationSettings: CommandHandler = {
	service: 'desk_http_svc',
	command: 'update_channel_specific_conversation_settings',
	requiresDesk: true,
	handle({ body, services }) {
		const id = requiredInt(body, 'ConversationSettingId', { min: 1 });
		const settings = requiredObject(body, 'ConversationSettings');
		rejectUnknownKeys(settings, ['Name', 'MultilingualSettings'], 'ConversationSettings');
		const name = optionalString(settings, 'Name');
		const languages = (optionalObject(settings, 'MultilingualSettings') ?? {}) as Record<string, Record<string, unknown>>;
		for (const [language, fields] of Object.entries(languages)) {
			const where = `ConversationSettings.MultilingualSettings.${language}`;
			if (!fields || typeof fields !== 'object' || Array.isArray(fields)) throw invalidParameter(where, 'must be an object');
			rejectUnknownKeys(fields, LANGUAGE_KEYS, where);
			for (const key of TEXTS) optionalText(fields, key);
			for (const key of SWITCHES) optionalEnum(fields, key, [0, 1]);
			for (const key of SECONDS) optionalInt(fields, key, { min: 0 });
			checkWorkTimeConfig(fields, `${where}.`);
		}
		if (!services.conversationSettings.find(id)) throw invalidParameter('ConversationSettingId', `${id} does not exist`);
		services.conversationSettings.update(id, name, languages);
		return {};
	},
};

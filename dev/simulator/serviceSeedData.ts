/**
 * What a fresh simulator holds for the customer-service configuration commands: quick-reply
 * categories and replies, and per-channel conversation settings. No documented command adds a
 * quick reply or a conversation setting, so the seed is the only way they exist.
 */

export type QuickReplyScope = 'all' | 'groups' | 'members';

export interface SeedQuickReplyGroup {
	/** Desk's quick-reply IDs are strings. */
	groupId: string;
	name: string;
	scope: QuickReplyScope;
	/** Skill-group IDs (as strings) for 'groups', member emails for 'members'. */
	scopeList: string[];
}

export interface SeedQuickReply {
	quickReplyId: string;
	/** A category ID, or a member's email for their personal replies. */
	groupId: string;
	title: string;
	content: string;
}

/** The docs' sample IDs (2205, 3954) are the first category and reply. */
export const SEED_QUICK_REPLY_GROUPS: readonly SeedQuickReplyGroup[] = [
	{ groupId: '2205', name: 'Pre-sales scripts', scope: 'groups', scopeList: ['1'] },
	{ groupId: '2206', name: 'Greetings', scope: 'all', scopeList: [] },
	{ groupId: '2207', name: 'Escalation scripts', scope: 'members', scopeList: ['olivia@example.com', 'peggy@example.com'] },
];

export const SEED_QUICK_REPLIES: readonly SeedQuickReply[] = [
	{ quickReplyId: '3954', groupId: '2205', title: 'Which model', content: 'Which model are you interested in? I can help you choose.' },
	{ quickReplyId: '3955', groupId: '2206', title: 'Hello', content: 'Hello, how can I help you today?' },
	{ quickReplyId: '3956', groupId: '2206', title: 'Goodbye', content: 'Thank you for contacting us. Have a nice day!' },
	{ quickReplyId: '3957', groupId: '2207', title: 'Escalated', content: 'I have passed your case to a specialist.' },
	{ quickReplyId: '3958', groupId: 'alice@example.com', title: 'My hours', content: 'I am available from 9:00 to 17:00.' },
];

/** Desk's name for a member's personal category (get_available_quick_reply_list's sample: "个人"). */
export const PERSONAL_QUICK_REPLY_GROUP_NAME = '个人';

/** Per-language prompts of one conversation setting, as get_channel_specific_conversation_settings answers. */
export function seedLanguageSettings(name: string): Record<string, unknown> {
	return {
		WelcomeMessage: `Welcome to ${name}!`,
		WelcomeMessageDisabled: 0,
		TransferToHumanPrompt: 'Transferring you to an agent, please wait.',
		TransferToHumanPromptDisabled: 0,
		TransferToHumanSuccessPrompt: 'Agent ${StaffNickName} is here to help you.',
		TransferToHumanSuccessPromptDisabled: 0,
		TransferToHumanFailPrompt: 'Sorry, no agent is online. Please try again later.',
		TransferToHumanFailPromptDisabled: 0,
		QueueingPrompt: 'You are number ${QueuePosition} in the queue.',
		UserTimeout: 300,
		EndPrompt: 'This session has ended. Thank you!',
		EndPromptDisabled: 0,
		TimeoutEndPrompt: 'The session ended because you did not reply.',
		TimeoutEndPromptDisabled: 0,
		NotWorkTimePrompt: 'We are closed. Please come back during working hours.',
		WorkTimeConfig: { Type: 0 },
		ChooseSkillGroupPrompt: 'Please choose a topic.',
		UserTimeoutReminderDisabled: 0,
		RemindUserBeforeUserTimeout: 60,
	};
}

/** Twelve settings, so a listing needs two pages of Desk's maximum 10. The first is the default. */
export const SEED_CONVERSATION_SETTINGS: ReadonlyArray<{ id: number; name: string }> = Array.from({ length: 12 }, (_, index) => ({
	id: 10001 + index,
	name: index === 0 ? 'Default conversation settings' : `Channel settings ${index}`,
}));

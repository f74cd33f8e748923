/**
 * The chatbot's two question banks, FAQ and small talk (chitchat), share one API shape (§B.4: the
 * small-talk commands are "as the FAQ equivalents"). Not a resource: Chatbot FAQ and Chatbot Small
 * Talk build their Create, Update, Get Many and Batch Set operations from these descriptions.
 */
import type { INodeProperties } from 'n8n-workflow';

import { faqCategoryLocator, smallTalkCategoryLocator } from '../../../shared/pickers/locators';

type Show = NonNullable<INodeProperties['displayOptions']>['show'];

export interface QuestionBank {
	resource: string;
	/** "FAQ" / "small-talk question", for labels and errors. */
	noun: string;
	plural: string;
	commands: { list: string; add: string; update: string; batchSet: string };
	categoryLocator: (name: string, show: Show, overrides?: Partial<INodeProperties>) => INodeProperties;
	/** Only the FAQ commands document LanguageTag. */
	hasLanguageTag: boolean;
}

export const FAQ_BANK: QuestionBank = {
	resource: 'chatbotFaq',
	noun: 'FAQ',
	plural: 'FAQs',
	commands: { list: 'list_faq', add: 'add_faq', update: 'update_faq', batchSet: 'batch_set_faq' },
	categoryLocator: faqCategoryLocator,
	hasLanguageTag: true,
};

export const SMALL_TALK_BANK: QuestionBank = {
	resource: 'chatbotSmallTalk',
	noun: 'small-talk question',
	plural: 'small-talk questions',
	commands: { list: 'list_chitchat', add: 'add_chitchat', update: 'update_chitchat', batchSet: 'batch_set_chitchat' },
	categoryLocator: smallTalkCategoryLocator,
	hasLanguageTag: false,
};

/** Status values Tencent documents for questions: 4 in effect, 5 disabled; batch set adds 6, delete. */
export const STATUS_ENABLED = 4;
export const STATUS_DISABLED = 5;
export const STATUS_DELETE = 6;

/** Answer Type, in Create and in Update's Update Fields. */
export const answerTypeField: INodeProperties = {
	displayName: 'Answer Type',
	name: 'answerType',
	type: 'options',
	options: [
		{ name: 'Text', value: 0 },
		{ name: 'Rich Text', value: 2 },
	],
	default: 0,
	description: 'Text, or rich text (Tencent’s AnswerType 0 and 2)',
};

export const LANGUAGE_TAG_HINT = 'Leave empty for the bot’s default language';

/**
 * Tencent's docs do not give CategoryId's JSON type (NOT FOUND). A numeric ID is sent as a number,
 * anything else as the text entered, so an ID copied from Tencent's answers goes back unchanged.
 */
export function categoryIdValue(value: string): number | string {
	return /^\d+$/.test(value) && Number.isSafeInteger(Number(value)) ? Number(value) : value;
}

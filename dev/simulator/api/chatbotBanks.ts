/** Which categories each question bank's commands may use. */
import type { AppChatbot } from '../chatbotKnowledgeBase';
import type { BankAccess } from './questionBankHandlers';

export const faqBank = (bot: AppChatbot): BankAccess => ({
	bank: bot.faq,
	isCategory: (id) => bot.faqCategory(id) !== undefined,
	hasLanguageTag: true,
});

export const chitchatBank = (bot: AppChatbot): BankAccess => ({
	bank: bot.chitchat,
	isCategory: (id) => bot.hasChitchatCategory(id),
	hasLanguageTag: false,
});

/** `v4/openim_console_http_svc/add_faq`: a new FAQ in an existing category, in effect at once. */
import { addQuestion } from './questionBankHandlers';
import { chatbotCommand } from './chatbotCommand';
import { faqBank } from './chatbotBanks';

export const addFaq = chatbotCommand('add_faq', ({ body, bot }) => addQuestion(faqBank(bot), body));

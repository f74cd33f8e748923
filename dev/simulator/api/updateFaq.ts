/** `v4/openim_console_http_svc/update_faq`: change an FAQ; fields left out stay as they are. */
import { updateQuestion } from './questionBankHandlers';
import { chatbotCommand } from './chatbotCommand';
import { faqBank } from './chatbotBanks';

export const updateFaq = chatbotCommand('update_faq', ({ body, bot }) => updateQuestion(faqBank(bot), body));

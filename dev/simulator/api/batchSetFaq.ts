/** `v4/openim_console_http_svc/batch_set_faq`: enable (4), disable (5) or delete (6) FAQs, all or none. */
import { batchSetQuestions } from './questionBankHandlers';
import { chatbotCommand } from './chatbotCommand';
import { faqBank } from './chatbotBanks';

export const batchSetFaq = chatbotCommand('batch_set_faq', ({ body, bot }) => batchSetQuestions(faqBank(bot), body));

/** `v4/openim_console_http_svc/list_faq`: the published FAQs, filtered and paged (PageIndex from 1). */
import { listQuestions } from './questionBankHandlers';
import { chatbotCommand } from './chatbotCommand';
import { faqBank } from './chatbotBanks';

export const listFaq = chatbotCommand('list_faq', ({ body, bot }) => listQuestions(faqBank(bot), body));

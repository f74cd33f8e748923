/** `v4/openim_console_http_svc/list_chitchat`: the published small-talk questions, as list_faq without LanguageTag. */
import { listQuestions } from './questionBankHandlers';
import { chatbotCommand } from './chatbotCommand';
import { chitchatBank } from './chatbotBanks';

export const listChitchat = chatbotCommand('list_chitchat', ({ body, bot }) => listQuestions(chitchatBank(bot), body));

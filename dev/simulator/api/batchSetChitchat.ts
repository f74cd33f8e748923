/** `v4/openim_console_http_svc/batch_set_chitchat`: enable (4), disable (5) or delete (6) small-talk questions, all or none. */
import { batchSetQuestions } from './questionBankHandlers';
import { chatbotCommand } from './chatbotCommand';
import { chitchatBank } from './chatbotBanks';

export const batchSetChitchat = chatbotCommand('batch_set_chitchat', ({ body, bot }) => batchSetQuestions(chitchatBank(bot), body));

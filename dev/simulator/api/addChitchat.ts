/** `v4/openim_console_http_svc/add_chitchat`: a new small-talk question in an existing small-talk category. */
import { addQuestion } from './questionBankHandlers';
import { chatbotCommand } from './chatbotCommand';
import { chitchatBank } from './chatbotBanks';

export const addChitchat = chatbotCommand('add_chitchat', ({ body, bot }) => addQuestion(chitchatBank(bot), body));

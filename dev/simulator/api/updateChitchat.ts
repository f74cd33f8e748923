/** `v4/openim_console_http_svc/update_chitchat`: change a small-talk question; fields left out stay as they are. */
import { updateQuestion } from './questionBankHandlers';
import { chatbotCommand } from './chatbotCommand';
import { chitchatBank } from './chatbotBanks';

export const updateChitchat = chatbotCommand('update_chitchat', ({ body, bot }) => updateQuestion(chitchatBank(bot), body));

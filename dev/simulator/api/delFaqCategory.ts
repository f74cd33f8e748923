/** `v4/openim_console_http_svc/del_faq_category`: deletes the category and all its questions; system categories refused. */
import { botInt } from './chatbotParams';
import { chatbotCommand } from './chatbotCommand';

export const delFaqCategory = chatbotCommand('del_faq_category', ({ body, bot }) => {
	bot.deleteFaqCategory(botInt(body, 'CategoryId', true) as number);
	return {};
});

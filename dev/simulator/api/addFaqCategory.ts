/** `v4/openim_console_http_svc/add_faq_category`: Title required, ParentId optional (two levels at most); answers CategoryId. */
import { botInt, botText } from './chatbotParams';
import { chatbotCommand } from './chatbotCommand';

export const addFaqCategory = chatbotCommand('add_faq_category', ({ body, bot }) => {
	const title = botText(body, 'Title', true) as string;
	const parentId = botInt(body, 'ParentId', false) ?? 0;
	return { CategoryId: bot.addFaqCategory(title, parentId) };
});

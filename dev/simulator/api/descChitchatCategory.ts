/** `v4/openim_console_http_svc/desc_chitchat_category`: body `{}`; Total is a String, as Tencent documents it. */
import { chatbotCommand } from './chatbotCommand';

export const descChitchatCategory = chatbotCommand('desc_chitchat_category', ({ bot }) => {
	const list = bot.listChitchatCategories();
	return { Total: String(list.length), List: list };
});

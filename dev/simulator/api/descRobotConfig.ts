/**
 * `v4/openim_console_http_svc/desc_robot_config`: the bot's settings. LanguageTag is a String that
 * may be empty; UNCONFIRMED: its values are not documented, so every tag reads the same settings.
 */
import { botText } from './chatbotParams';
import { chatbotCommand } from './chatbotCommand';

export const descRobotConfig = chatbotCommand('desc_robot_config', ({ body, bot }) => {
	botText(body, 'LanguageTag', false);
	return bot.robotConfig();
});

/**
 * What every `openim_console_http_svc` command shares: Tencent's 5 calls/s cap per app (-14, the
 * documented "frequency limit"), checked before the body, and its state errors.
 */
import { CHATBOT_RATE_LIMITED } from '../../../nodes/shared/errorCodes';
import type { AppChatbot } from '../chatbotKnowledgeBase';
import { ChatbotStateError } from '../chatbotKnowledgeBase';
import { CHATBOT_SERVICE } from '../chatbotSeed';
import type { CommandHandler } from '../commandRegistry';
import { DeskApiError } from '../restResponse';

/**
 * Tencent's code for a refused change (unknown ID, system category, a third category level) is
 * NOT FOUND in its docs; the simulator answers this one code for all of them and says why in ErrorInfo.
 */
export const CHATBOT_UNDOCUMENTED_ERROR = -1;

export interface ChatbotCommandContext {
	body: Record<string, unknown>;
	bot: AppChatbot;
}

export function chatbotCommand(command: string, handle: (context: ChatbotCommandContext) => Record<string, unknown>): CommandHandler {
	return {
		service: CHATBOT_SERVICE,
		command,
		// UNCONFIRMED: the chatbot belongs to Desk, so a plain Chat app is refused as for desk_http_svc.
		requiresDesk: true,
		handle({ body, chatbot }) {
			if (!chatbot.admit(Date.now())) {
				throw new DeskApiError(CHATBOT_RATE_LIMITED, `over ${chatbot.rateLimitPerSecond} calls/s`);
			}
			try {
				return handle({ body, bot: chatbot });
			} catch (error) {
				if (error instanceof ChatbotStateError) throw new DeskApiError(CHATBOT_UNDOCUMENTED_ERROR, error.message);
				throw error;
			}
		},
	};
}

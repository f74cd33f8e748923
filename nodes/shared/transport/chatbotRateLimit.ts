/**
 * Tencent caps the chatbot knowledge-base service (`openim_console_http_svc`) at 5 calls per second,
 * and its edits go live at once. One limit per app (base URL + SDKAppID) is shared by every execution
 * in this n8n process, so two workflows editing the same bot together still keep to it.
 */
import { CallWindow } from './callWindow';
import { RateLimiter } from './rateLimiter';

export const CHATBOT_SERVICE = 'openim_console_http_svc';

/** Tencent's documented cap for this service. */
export const CHATBOT_CALLS_PER_SECOND = 5;

export interface ChatbotLimit {
	/** Spreads starts evenly instead of five at once. */
	spacing: RateLimiter;
	/** Guarantees the cap as Tencent counts arrivals. */
	window: CallWindow;
}

const limits = new Map<string, ChatbotLimit>();

/** The shared limit of one app; keyed without any secret. */
export function chatbotLimit(baseUrl: string, sdkAppId: string): ChatbotLimit {
	const key = `${baseUrl}#${sdkAppId}`;
	let limit = limits.get(key);
	if (!limit) {
		limit = { spacing: new RateLimiter(CHATBOT_CALLS_PER_SECOND), window: new CallWindow(CHATBOT_CALLS_PER_SECOND) };
		limits.set(key, limit);
	}
	return limit;
}

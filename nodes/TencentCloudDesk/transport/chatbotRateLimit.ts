/**
 * Tencent caps the chatbot knowledge-base service (`openim_console_http_svc`) at 5 calls per second,
 * and its edits go live at once. One limiter per app (base URL + SDKAppID) is shared by every
 * execution in this n8n process, so two workflows editing the same bot together still keep to it.
 */
import { RateLimiter } from './rateLimiter';

export const CHATBOT_SERVICE = 'openim_console_http_svc';

/** Tencent's documented cap for this service. */
export const CHATBOT_CALLS_PER_SECOND = 5;

/**
 * Starts are spaced a little wider than 1/5 s: network jitter could otherwise bring six evenly
 * spaced calls into one of Tencent's one-second windows.
 */
const SPACED_CALLS_PER_SECOND = 4.5;

const limiters = new Map<string, RateLimiter>();

/** The shared limiter of one app; keyed without any secret. */
export function chatbotLimiter(baseUrl: string, sdkAppId: string): RateLimiter {
	const key = `${baseUrl}#${sdkAppId}`;
	let limiter = limiters.get(key);
	if (!limiter) limiters.set(key, (limiter = new RateLimiter(SPACED_CALLS_PER_SECOND)));
	return limiter;
}

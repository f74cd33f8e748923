/**
 * Shared setup for the simulator's chatbot tests: one simulator per file, reset before each test with
 * the 5 calls/s cap off (only the rate-limit tests turn it on), and signed calls to openim_console_http_svc.
 */
import { callDeskApi, CHATBOT_SERVICE, DEFAULT_SDK_APP_ID, type AppChatbot, type RestEnvelope } from '..';
import type { RestCallOptions } from '../restClient';
import { useSimulator } from './helpers';

export type Row = Record<string, unknown>;

export function useChatbotSimulator() {
	const simulator = useSimulator();
	beforeEach(() => {
		simulator.sim.reset();
		simulator.sim.chatbot.forApp(DEFAULT_SDK_APP_ID).rateLimitPerSecond = 0;
	});
	const bot = (command: string, body: unknown = {}, options: RestCallOptions = {}): Promise<RestEnvelope> =>
		callDeskApi(simulator.sim.url, `${CHATBOT_SERVICE}/${command}`, body, options);
	return {
		simulator,
		bot,
		/** The default app's chatbot state. */
		state: (): AppChatbot => simulator.sim.chatbot.forApp(DEFAULT_SDK_APP_ID),
		/** Every published entry of a list command (one big page). */
		async listAll(command: 'list_faq' | 'list_chitchat', filters: Row = {}): Promise<Row[]> {
			const answer = await bot(command, { PageIndex: 1, PageSize: 1000, ...filters });
			expect(answer.ErrorCode).toBe(0);
			return answer.QuestionList as Row[];
		},
	};
}

/** A refused change: the simulator's one code for cases whose Tencent code is NOT FOUND, and why. */
export function expectRefused(answer: RestEnvelope, detail: RegExp): void {
	expect(answer).toMatchObject({ ActionStatus: 'FAIL', ErrorCode: -1 });
	expect(answer.ErrorInfo).toMatch(detail);
}

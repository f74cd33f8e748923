/**
 * The node keeps to Tencent's 5 chatbot calls per second per app by itself: measured by the simulator
 * (the most requests it saw within any 1 s, sliding), not by the test's clock. Many items at high
 * concurrency, two executions at once and Custom API Calls all share one limiter; no -14 reaches Tencent's side.
 */
import { callDeskApi, CHATBOT_SERVICE, DEFAULT_SDK_APP_ID, SEED_FAQS } from '../../dev/simulator';
import { chatbotLimit } from '../../nodes/shared/transport/chatbotRateLimit';
import { byId, useDeskOperations } from '../helpers/deskOperations';

jest.setTimeout(120_000);

const desk = useDeskOperations();
const { run } = desk;

const app = String(DEFAULT_SDK_APP_ID);
/** Concurrency far above the cap, and no user-set rate limit: only the chatbot limiter holds the node back. */
const unthrottled = { concurrency: 20, requestsPerSecond: 0 };

function seenBySimulator() {
	const stats = desk.simulator.stats();
	return { peak: stats.peakRequestsPerSecondByApp[app] ?? 0, rateLimited: stats.byErrorCode['-14'] ?? 0, total: stats.totalRequests };
}

describe('5 chatbot calls per second per app', () => {
	it('the simulator’s measure sees a burst: 8 unpaced calls show a peak above 5 and -14 answers', async () => {
		await Promise.all(Array.from({ length: 8 }, () => callDeskApi(desk.simulator.url, `${CHATBOT_SERVICE}/desc_chitchat_category`, {})));
		const seen = seenBySimulator();
		expect(seen.peak).toBeGreaterThan(5);
		expect(seen.rateLimited).toBe(3);
	});

	it('12 items at concurrency 20 reach the simulator at most 5 within any second, all created', async () => {
		const questions = Array.from({ length: 12 }, (_, n) => `Paced question ${n}`);
		const { output } = await run(
			(itemIndex) => ({
				resource: 'chatbotFaq',
				operation: 'create',
				category: byId(101),
				question: questions[itemIndex],
				answer: 'A',
				answerType: 0,
				additionalFields: {},
				options: unthrottled,
			}),
			{ items: questions.map(() => ({ json: {} })) },
		);
		expect(output.map((item) => item.json.Question)).toEqual(questions);
		const seen = seenBySimulator();
		expect(seen.total).toBe(12);
		expect(seen.peak).toBeLessThanOrEqual(5);
		expect(seen.rateLimited).toBe(0);
		const listed = await run({ resource: 'chatbotFaq', operation: 'getAll', returnAll: true, filters: { question: 'Paced' }, options: {} });
		expect(listed.output).toHaveLength(12);
	});

	it('two executions at once and a Custom API Call share the app’s limiter', async () => {
		const bank = desk.simulator.chatbot.forApp(DEFAULT_SDK_APP_ID).faq;
		for (let n = 0; n < 50; n++) {
			bank.add({ CategoryId: 101, StandardQuestion: `Bulk ${n}`, Answer: 'A', AnswerType: 0, Status: 4, SimilarQuestions: [], LanguageTag: '' });
		}
		const getAll = { resource: 'chatbotFaq', operation: 'getAll', returnAll: true, filters: {}, options: unthrottled };
		const custom = {
			resource: 'customApiCall',
			operation: 'call',
			api: `${CHATBOT_SERVICE}/desc_robot_config`,
			body: '{"LanguageTag": ""}',
			options: unthrottled,
		};
		const [first, second, calls] = await Promise.all([
			run(getAll),
			run(getAll),
			run(custom, { items: Array.from({ length: 4 }, () => ({ json: {} })) }),
		]);
		expect(first.output).toHaveLength(SEED_FAQS.length + 50);
		expect(second.output).toHaveLength(SEED_FAQS.length + 50);
		expect(calls.output.every((item) => item.json.ErrorCode === 0)).toBe(true);
		const seen = seenBySimulator();
		expect(seen.total).toBe(2 * 3 + 4); // 56 FAQs: pages of 20, 20 and 16
		expect(seen.peak).toBeLessThanOrEqual(5);
		expect(seen.rateLimited).toBe(0);
	});

	it('keeps one limiter per app, shared by every client of that app', () => {
		expect(chatbotLimit('http://a', '1')).toBe(chatbotLimit('http://a', '1'));
		expect(chatbotLimit('http://a', '1')).not.toBe(chatbotLimit('http://a', '2'));
		expect(chatbotLimit('http://a', '1')).not.toBe(chatbotLimit('http://b', '1'));
	});
});

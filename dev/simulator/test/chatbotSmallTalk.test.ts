/**
 * The simulator's small-talk and settings commands over real HTTP (list_chitchat, add_chitchat,
 * update_chitchat, batch_set_chitchat, desc_chitchat_category, desc_robot_config), and what every
 * chatbot command shares: the 5 calls/s cap (-14) and the admin check (-20).
 */
import { callDeskApi, CHATBOT_RATE_LIMIT_PER_SECOND, SEED_CHITCHAT_CATEGORIES, SEED_CHITCHATS, SEED_FAQS, SEED_ROBOT_CONFIG, STATUS_DISABLED } from '..';
import { expectFail, expectOk } from '../../../test/helpers/deskAnswers';
import { expectRefused, useChatbotSimulator } from './chatbotSetup';

const { bot, listAll, state, simulator } = useChatbotSimulator();

describe('small talk', () => {
	it('desc_chitchat_category lists the categories, Total as a string', async () => {
		const answer = await bot('desc_chitchat_category', {});
		expectOk(answer);
		expect(answer.Total).toBe(String(SEED_CHITCHAT_CATEGORIES.length));
		expect(answer.List).toEqual(SEED_CHITCHAT_CATEGORIES.map((category) => ({ ...category })));
	});

	it('list_chitchat pages and filters like list_faq; -7 without PageIndex', async () => {
		const page = await bot('list_chitchat', { PageIndex: 1, PageSize: 2 });
		expectOk(page);
		expect(page.StandardQuestionCount).toBe(SEED_CHITCHATS.length);
		expect(page.QuestionList).toHaveLength(2);
		expect((await listAll('list_chitchat', { Question: 'good morning' })).map((row) => row.StandardQuestion)).toEqual(['Hello']);
		expectFail(await bot('list_chitchat', { PageSize: 2 }), -7, 'PageIndex');
	});

	it('add_chitchat goes into a small-talk category, not an FAQ one', async () => {
		expectOk(await bot('add_chitchat', { CategoryId: 202, Question: 'Cheers', Answer: 'Any time!' }));
		expect((await listAll('list_chitchat', { CategoryId: 202 })).map((row) => row.StandardQuestion)).toEqual(['Thank you', 'Cheers']);
		expectRefused(await bot('add_chitchat', { CategoryId: 101, Question: 'Q', Answer: 'A' }), /CategoryId 101/);
		expectFail(await bot('add_chitchat', { CategoryId: 202, Answer: 'A' }), -7, 'Question');
		expect(await listAll('list_faq')).toHaveLength(SEED_FAQS.length);
	});

	it('update_chitchat changes only the fields sent; refused for an unknown ID', async () => {
		const [hello] = await listAll('list_chitchat', { Question: 'Hello' });
		expectOk(await bot('update_chitchat', { StandardQuestionId: hello.StandardQuestionId, Answer: 'Hey there!' }));
		const [updated] = await listAll('list_chitchat', { Question: 'Hello' });
		expect(updated).toMatchObject({ StandardQuestion: 'Hello', Answer: 'Hey there!', CategoryId: 201 });
		expectRefused(await bot('update_chitchat', { StandardQuestionId: 'ghost', Answer: 'x' }), /ghost/);
		expectFail(await bot('update_chitchat', { StandardQuestionId: hello.StandardQuestionId, AnswerType: 7 }), -7, 'AnswerType');
	});

	it('batch_set_chitchat disables and deletes, as list_chitchat then shows', async () => {
		const ids = (await listAll('list_chitchat', { CategoryId: 201 })).map((row) => String(row.StandardQuestionId));
		expectOk(await bot('batch_set_chitchat', { StandardQuestionIds: ids, Status: STATUS_DISABLED }));
		expect(await listAll('list_chitchat', { Status: STATUS_DISABLED })).toHaveLength(ids.length);
		expectOk(await bot('batch_set_chitchat', { StandardQuestionIds: ids, Status: 6 }));
		expect(await listAll('list_chitchat')).toHaveLength(SEED_CHITCHATS.length - ids.length);
		expectFail(await bot('batch_set_chitchat', { StandardQuestionIds: ids }), -7, 'Status');
	});
});

describe('desc_robot_config', () => {
	it('answers the bot’s settings, with or without a LanguageTag', async () => {
		const answer = await bot('desc_robot_config', { LanguageTag: '' });
		expectOk(answer);
		expect(answer).toMatchObject(SEED_ROBOT_CONFIG);
		expect(await bot('desc_robot_config', {})).toMatchObject({ ErrorCode: 0, FallbackMsg: SEED_ROBOT_CONFIG.FallbackMsg });
		expectFail(await bot('desc_robot_config', { LanguageTag: 5 }), -7, 'LanguageTag');
	});
});

describe('shared by every chatbot command', () => {
	it('answers -14 to every call past the 5th within a second; Desk’s own commands are not under the cap', async () => {
		state().rateLimitPerSecond = CHATBOT_RATE_LIMIT_PER_SECOND;
		const answers = await Promise.all(Array.from({ length: 8 }, () => bot('desc_chitchat_category')));
		expect(answers.filter((answer) => answer.ErrorCode === 0)).toHaveLength(5);
		for (const refused of answers.filter((answer) => answer.ErrorCode !== 0)) expectFail(refused, -14, '5 calls/s');
		// Desk's own commands are not under the chatbot's cap.
		expectOk(await simulator.call('get_member_group_list', {}));
		await new Promise((resolve) => setTimeout(resolve, 1050));
		expectOk(await bot('desc_robot_config'));
	});

	it('answers -20 when the identifier is not an App admin', async () => {
		const answer = await bot('list_faq', { PageIndex: 1, PageSize: 5 }, { identifier: 'not_an_admin' });
		expectFail(answer, -20, 'not_an_admin');
		// Desk's own service keeps its code for the same mistake.
		const desk = await callDeskApi(simulator.sim.url, 'desk_http_svc/get_member_group_list', {}, { identifier: 'not_an_admin' });
		expectFail(desk, 60010, 'not_an_admin');
	});
});

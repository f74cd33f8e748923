/**
 * The action node's Chatbot Small Talk and Chatbot Settings operations, through execute() against the
 * simulator over real HTTP: each operation's good path, a documented error, and the small-talk category picker.
 */
import type { ILoadOptionsFunctions } from 'n8n-workflow';

import { SEED_CHITCHAT_CATEGORIES, SEED_CHITCHATS, SEED_ROBOT_CONFIG, STATUS_DISABLED } from '../../dev/simulator';
import { simulatorCredentials } from '../../dev/simulator/n8nCredential';
import { searchSmallTalkCategories } from '../../nodes/TencentCloudDesk/methods/chatbotCategorySearch';
import { byId, useDeskOperations } from '../helpers/deskOperations';
import { createExecuteContext, type Parameters } from '../helpers/executeContext';

jest.setTimeout(60_000);

const desk = useDeskOperations();
const { run, runExpectingError } = desk;

const smallTalk = (operation: string, parameters: Parameters = {}): Parameters => ({
	resource: 'chatbotSmallTalk',
	operation,
	options: {},
	...parameters,
});

async function listSmallTalk(filters: Parameters = {}) {
	const { output } = await run(smallTalk('getAll', { returnAll: true, filters }));
	return output.map((item) => item.json);
}

describe('Chatbot Small Talk', () => {
	it('Get Categories returns one item per category', async () => {
		const { output, context } = await run(smallTalk('getCategories'));
		expect(output.map((item) => item.json)).toEqual(SEED_CHITCHAT_CATEGORIES.map((category) => ({ ...category })));
		expect(context.requests[0].url).toMatch(/\/v4\/openim_console_http_svc\/desc_chitchat_category$/);
		expect(context.requests[0].body).toBe('{}');
	});

	it('Get Many lists and filters; Create adds a question that it then shows', async () => {
		expect(await listSmallTalk()).toHaveLength(SEED_CHITCHATS.length);
		const created = await run(
			smallTalk('create', { category: byId(202), question: 'Much appreciated', answer: 'Glad to help!', answerType: 0, additionalFields: {} }),
		);
		expect(created.context.requests[0].body).toEqual({ CategoryId: 202, Question: 'Much appreciated', Answer: 'Glad to help!', AnswerType: 0 });
		expect((await listSmallTalk({ category: byId(202) })).map((row) => row.StandardQuestion)).toEqual(['Thank you', 'Much appreciated']);
		const limited = await run(smallTalk('getAll', { returnAll: false, limit: 1, filters: {} }));
		expect(limited.output).toHaveLength(1);
	});

	it('Create in a category Tencent cannot parse names -7', async () => {
		const { error } = await runExpectingError(
			smallTalk('create', { category: byId('greetings'), question: 'Yo', answer: 'Hi', answerType: 0, additionalFields: {} }),
		);
		expect(error.message).toBe('Tencent Cloud Desk error -7: The chatbot API could not parse the request');
	});

	it('Update changes only what was set; Batch Set disables and deletes', async () => {
		const [hello] = await listSmallTalk({ question: 'Hello' });
		const updated = await run(smallTalk('update', { questionId: hello.StandardQuestionId, updateFields: { answer: 'Hey!', answerType: 2 } }));
		expect(updated.output[0].json).toEqual({ StandardQuestionId: hello.StandardQuestionId, Answer: 'Hey!', AnswerType: 2, updated: true });
		expect((await listSmallTalk({ question: 'Hello' }))[0]).toMatchObject({ Answer: 'Hey!', AnswerType: 2, StandardQuestion: 'Hello' });

		await run(smallTalk('batchSet', { questionIds: String(hello.StandardQuestionId), setTo: 'disable' }));
		expect((await listSmallTalk({ status: STATUS_DISABLED })).map((row) => row.StandardQuestionId)).toEqual([hello.StandardQuestionId]);
		await run(smallTalk('batchSet', { questionIds: String(hello.StandardQuestionId), setTo: 'delete' }));
		expect(await listSmallTalk()).toHaveLength(SEED_CHITCHATS.length - 1);
	});

	it('Update of an unknown question fails with Tencent’s words; Batch Set without IDs calls nothing', async () => {
		const { error } = await runExpectingError(smallTalk('update', { questionId: 'ghost', updateFields: { answer: 'x' } }));
		expect(error.message).toBe('Tencent Cloud Desk error -1 from v4/openim_console_http_svc/update_chitchat');
		expect(error.description).toContain('ghost');
		const empty = await runExpectingError(smallTalk('batchSet', { questionIds: ' , ', setTo: 'enable' }));
		expect(empty.error.message).toBe('Question IDs is empty');
		expect(empty.context.requests).toHaveLength(0);
	});

	it('the category picker lists Tencent’s small-talk categories, filtered by what is typed', async () => {
		const context = createExecuteContext({ parameters: {}, credentials: simulatorCredentials(desk.simulator) });
		const loadOptions = context as unknown as ILoadOptionsFunctions;
		expect((await searchSmallTalkCategories.call(loadOptions)).results).toHaveLength(SEED_CHITCHAT_CATEGORIES.length);
		expect((await searchSmallTalkCategories.call(loadOptions, 'thank')).results).toEqual([{ name: 'Thanks (202)', value: '202' }]);
	});
});

describe('Chatbot Settings', () => {
	it('Get returns the bot’s live settings without the envelope', async () => {
		const { output, context } = await run({ resource: 'chatbotSetting', operation: 'get', languageTag: '', options: {} });
		expect(output[0].json).toEqual(SEED_ROBOT_CONFIG);
		expect(context.requests[0].body).toEqual({ LanguageTag: '' });
	});

	it('Get with a non-admin identifier names -20 and which credential field to fix', async () => {
		const { error } = await runExpectingError(
			{ resource: 'chatbotSetting', operation: 'get', languageTag: 'en', options: {} },
			{ identifier: 'not_an_admin' },
		);
		expect(error.message).toBe('Tencent Cloud Desk error -20: The chatbot API needs the App administrator account');
		expect(error.description).toContain('Admin Identifier');
	});
});

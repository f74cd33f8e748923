/**
 * The action node's Chatbot FAQ operations (openim_console_http_svc), through execute() against the
 * simulator over real HTTP with its 5 calls/s cap on: each operation's good path, a documented error,
 * state agreeing across operations, and the FAQ-category picker.
 */
import type { ILoadOptionsFunctions } from 'n8n-workflow';

import { DEFAULT_SDK_APP_ID, SEED_FAQS, STATUS_DISABLED, SYSTEM_FAQ_CATEGORY_ID } from '../../dev/simulator';
import { simulatorCredentials } from '../../dev/simulator/n8nCredential';
import { searchFaqCategories } from '../../nodes/TencentCloudDesk/methods/chatbotCategorySearch';
import { byId, useDeskOperations } from '../helpers/deskOperations';
import { createExecuteContext, type Parameters } from '../helpers/executeContext';

jest.setTimeout(60_000);

const desk = useDeskOperations();
const { run, runExpectingError } = desk;

const faq = (operation: string, parameters: Parameters = {}): Parameters => ({ resource: 'chatbotFaq', operation, options: {}, ...parameters });

async function listFaqs(filters: Parameters = {}) {
	const { output } = await run(faq('getAll', { returnAll: true, filters }));
	return output.map((item) => item.json);
}

describe('Chatbot FAQ', () => {
	it('Get Many returns every published FAQ over several pages, or up to the limit, filtered', async () => {
		const bank = desk.simulator.chatbot.forApp(DEFAULT_SDK_APP_ID).faq;
		for (let n = 0; n < 25; n++) {
			bank.add({ CategoryId: 101, StandardQuestion: `Extra ${n}`, Answer: 'A', AnswerType: 0, Status: 4, SimilarQuestions: [], LanguageTag: '' });
		}
		const { output, context } = await run(faq('getAll', { returnAll: true, filters: {} }));
		expect(output).toHaveLength(SEED_FAQS.length + 25);
		expect(context.requests.map((request) => (request.body as { PageIndex: number }).PageIndex)).toEqual([1, 2]);
		expect(context.requests[0].url).toMatch(/\/v4\/openim_console_http_svc\/list_faq$/);

		const limited = await run(faq('getAll', { returnAll: false, limit: 3, filters: {} }));
		expect(limited.output).toHaveLength(3);
		expect(limited.context.requests[0].body).toEqual({ PageIndex: 1, PageSize: 3 });

		const disabled = await listFaqs({ status: STATUS_DISABLED, question: 'invoice', category: byId(103) });
		expect(disabled.map((row) => row.StandardQuestion)).toEqual(['Where is my invoice?']);
	});

	it('Create adds an FAQ that Get Many then shows; Update sends only what was set', async () => {
		const created = await run(
			faq('create', {
				category: byId(102),
				question: 'Can I pay in instalments?',
				answer: 'Yes, in three.',
				answerType: 0,
				additionalFields: { similarQuestions: 'Instalments?\n\n  Pay later  ', languageTag: 'en' },
			}),
		);
		expect(created.output[0].json).toEqual({
			CategoryId: 102,
			Question: 'Can I pay in instalments?',
			Answer: 'Yes, in three.',
			AnswerType: 0,
			SimilarQuestions: ['Instalments?', 'Pay later'],
			LanguageTag: 'en',
			created: true,
		});
		const [row] = await listFaqs({ question: 'instalments' });
		expect(row).toMatchObject({ CategoryId: 102, Status: 4, SimilarQuestions: ['Instalments?', 'Pay later'] });

		const updated = await run(faq('update', { questionId: row.StandardQuestionId, updateFields: { answer: 'Yes, in four.', category: byId(101) } }));
		expect(updated.context.requests[0].body).toEqual({ StandardQuestionId: row.StandardQuestionId, Answer: 'Yes, in four.', CategoryId: 101 });
		expect((await listFaqs({ question: 'instalments' }))[0]).toMatchObject({ Answer: 'Yes, in four.', CategoryId: 101, StandardQuestion: 'Can I pay in instalments?' });
	});

	it('Create and Update name Tencent’s -7 for a category ID it cannot parse; Update with nothing set calls nothing', async () => {
		const bad = await runExpectingError(faq('create', { category: byId('billing'), question: 'Q', answer: 'A', answerType: 0, additionalFields: {} }));
		expect(bad.error.message).toBe('Tencent Cloud Desk error -7: The chatbot API could not parse the request');
		expect(bad.error.description).toContain('CategoryId');
		const [row] = await listFaqs({ question: 'opening hours' });
		const badUpdate = await runExpectingError(faq('update', { questionId: row.StandardQuestionId, updateFields: { category: byId('x') } }));
		expect(badUpdate.error.message).toMatch(/^Tencent Cloud Desk error -7/);
		const empty = await runExpectingError(faq('update', { questionId: row.StandardQuestionId, updateFields: {} }));
		expect(empty.error.message).toBe('Nothing to update');
		expect(empty.context.requests).toHaveLength(0);
	});

	it('Batch Set disables, then deletes, as Get Many then shows', async () => {
		const ids = (await listFaqs({ category: byId(101) })).map((row) => String(row.StandardQuestionId));
		const disabled = await run(faq('batchSet', { questionIds: ids.join(', '), setTo: 'disable' }));
		expect(disabled.output[0].json).toEqual({ StandardQuestionIds: ids, Status: 5, action: 'disable' });
		expect((await listFaqs({ status: STATUS_DISABLED })).length).toBe(ids.length + 1);
		await run(faq('batchSet', { questionIds: ids, setTo: 'delete' }));
		expect(await listFaqs()).toHaveLength(SEED_FAQS.length - ids.length);
	});

	it('Batch Set says so for an unknown ID and changes nothing', async () => {
		const { error } = await runExpectingError(faq('batchSet', { questionIds: 'ghost-id', setTo: 'delete' }));
		expect(error.message).toBe('Tencent Cloud Desk error -1 from v4/openim_console_http_svc/batch_set_faq');
		expect(error.description).toContain('ghost-id');
		expect(await listFaqs()).toHaveLength(SEED_FAQS.length);
	});

	it('Create Category returns its ID (under a parent); Delete Category drops its questions', async () => {
		const top = await run(faq('createCategory', { title: 'Shipping', additionalFields: {} }));
		const topId = top.output[0].json.CategoryId as number;
		expect(top.output[0].json).toEqual({ Title: 'Shipping', CategoryId: expect.any(Number) });
		const sub = await run(faq('createCategory', { title: 'Returns', additionalFields: { parent: byId(topId) } }));
		expect(sub.context.requests[0].body).toEqual({ Title: 'Returns', ParentId: topId });
		const subId = sub.output[0].json.CategoryId as number;
		await run(faq('create', { category: byId(subId), question: 'Can I return it?', answer: 'Yes.', answerType: 0, additionalFields: {} }));
		expect(await listFaqs({ category: byId(subId) })).toHaveLength(1);

		const deleted = await run(faq('deleteCategory', { category: byId(topId) }));
		expect(deleted.output[0].json).toEqual({ CategoryId: topId, deleted: true });
		expect(await listFaqs({ question: 'return it' })).toHaveLength(0);
	});

	it('Delete Category refuses the system category; -20 names the admin account', async () => {
		const system = await runExpectingError(faq('deleteCategory', { category: byId(SYSTEM_FAQ_CATEGORY_ID) }));
		expect(system.error.description).toContain('system category');
		const notAdmin = await runExpectingError(faq('getAll', { returnAll: true, filters: {} }), { identifier: 'not_an_admin' });
		expect(notAdmin.error.message).toBe('Tencent Cloud Desk error -20: The chatbot API needs the App administrator account');
		expect(await listFaqs()).toHaveLength(SEED_FAQS.length);
	});

	it('the category picker lists the categories that hold questions, filtered by what is typed', async () => {
		const context = createExecuteContext({ parameters: {}, credentials: simulatorCredentials(desk.simulator) });
		const loadOptions = context as unknown as ILoadOptionsFunctions;
		const all = await searchFaqCategories.call(loadOptions);
		const held = [...new Set(SEED_FAQS.map((row) => String(row.CategoryId)))];
		expect(all.results.map((result) => result.value).sort()).toEqual(held.sort());
		expect(all.results).toContainEqual({ name: 'Category 101 · 3 questions', value: '101' });
		expect((await searchFaqCategories.call(loadOptions, '103')).results).toEqual([{ name: 'Category 103 · 1 question', value: '103' }]);
	});
});

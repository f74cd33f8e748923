/**
 * The simulator's FAQ commands over real HTTP (list_faq, add_faq, update_faq, batch_set_faq,
 * add_faq_category, del_faq_category): documented checks (-7), and state shared between them.
 */
import { SEED_FAQ_CATEGORIES, SEED_FAQS, STATUS_DISABLED, STATUS_ENABLED, SYSTEM_FAQ_CATEGORY_ID } from '..';
import { expectFail, expectOk } from '../../../test/helpers/deskAnswers';
import { expectRefused, useChatbotSimulator, type Row } from './chatbotSetup';

const { bot, listAll } = useChatbotSimulator();

const idOf = async (question: string): Promise<string> =>
	String((await listAll('list_faq', { Question: question }))[0].StandardQuestionId);

describe('list_faq', () => {
	it('pages from PageIndex 1 and reports the counts', async () => {
		const first = await bot('list_faq', { PageIndex: 1, PageSize: 4 });
		expectOk(first);
		expect(first.StandardQuestionCount).toBe(SEED_FAQS.length);
		expect(first.AllQuestionCount).toBe(SEED_FAQS.length + 1); // one seeded similar question
		expect(first.QuestionList).toHaveLength(4);
		const second = await bot('list_faq', { PageIndex: 2, PageSize: 4 });
		expect(second.QuestionList).toHaveLength(SEED_FAQS.length - 4);
		expect((first.QuestionList as Row[])[0]).toEqual({
			StandardQuestionId: expect.stringMatching(/^\d+-@RBT#DeskDefaultRobot-/),
			StandardQuestion: SEED_FAQS[0].StandardQuestion,
			Status: STATUS_ENABLED,
			CategoryId: SEED_FAQS[0].CategoryId,
			Answer: SEED_FAQS[0].Answer,
			AnswerType: 0,
			QuestionType: 0,
			SimilarQuestions: [],
		});
	});

	it('filters by search text, category, status and language tag', async () => {
		expect((await listAll('list_faq', { Question: 'FORGOT' })).map((row) => row.StandardQuestion)).toEqual(['How do I reset my password?']);
		expect((await listAll('list_faq', { CategoryId: 101 })).every((row) => row.CategoryId === 101)).toBe(true);
		expect((await listAll('list_faq', { Status: STATUS_DISABLED })).map((row) => row.StandardQuestion)).toEqual(['Where is my invoice?']);
		expect(await listAll('list_faq', { LanguageTag: 'zh' })).toHaveLength(1);
	});

	it.each([
		[{ PageSize: 10 }, 'PageIndex'],
		[{ PageIndex: 0, PageSize: 10 }, 'PageIndex'],
		[{ PageIndex: 1, PageSize: 0 }, 'PageSize'],
		[{ PageIndex: 1, PageSize: 10, Status: 6 }, 'Status'],
		[{ PageIndex: 1, PageSize: 10, CategoryId: '101' }, 'CategoryId'],
	])('-7 names the field for %j', async (body, field) => {
		expectFail(await bot('list_faq', body), -7, field);
	});
});

describe('add_faq and update_faq', () => {
	it('adds an FAQ that list_faq then shows, in effect at once', async () => {
		const answer = await bot('add_faq', {
			CategoryId: 102,
			Question: 'Can I pay by invoice?',
			Answer: 'Yes, for business accounts.',
			AnswerType: 0,
			SimilarQuestions: ['Invoice payment'],
			LanguageTag: 'en',
		});
		expectOk(answer);
		const [added] = await listAll('list_faq', { Question: 'pay by invoice' });
		expect(added).toMatchObject({ CategoryId: 102, Status: STATUS_ENABLED, Answer: 'Yes, for business accounts.', SimilarQuestions: ['Invoice payment'] });
		expect(await listAll('list_faq', { LanguageTag: 'en' })).toHaveLength(1);
	});

	it.each([
		[{ Question: 'Q', Answer: 'A' }, 'CategoryId'],
		[{ CategoryId: 101, Answer: 'A' }, 'Question'],
		[{ CategoryId: 101, Question: 'Q', Answer: '' }, 'Answer'],
		[{ CategoryId: 101, Question: 'Q', Answer: 'A', AnswerType: 1 }, 'AnswerType'],
		[{ CategoryId: 101, Question: 'Q', Answer: 'A', SimilarQuestions: 'one' }, 'SimilarQuestions'],
	])('add_faq: -7 names the field for %j', async (body, field) => {
		expectFail(await bot('add_faq', body), -7, field);
		expect(await listAll('list_faq')).toHaveLength(SEED_FAQS.length);
	});

	it('refuses an FAQ in a category that does not exist', async () => {
		expectRefused(await bot('add_faq', { CategoryId: 999, Question: 'Q', Answer: 'A' }), /CategoryId 999/);
	});

	it('updates only the fields sent', async () => {
		const id = await idOf('reset my password');
		expectOk(await bot('update_faq', { StandardQuestionId: id, Answer: 'Use the reset link.', CategoryId: 102 }));
		const [updated] = await listAll('list_faq', { Question: 'reset my password' });
		expect(updated).toMatchObject({
			StandardQuestionId: id,
			StandardQuestion: 'How do I reset my password?',
			Answer: 'Use the reset link.',
			CategoryId: 102,
			SimilarQuestions: ['I forgot my password'],
		});
	});

	it('update_faq: -7 without StandardQuestionId, refused for an unknown one', async () => {
		expectFail(await bot('update_faq', { Answer: 'x' }), -7, 'StandardQuestionId');
		expectRefused(await bot('update_faq', { StandardQuestionId: 'nope', Answer: 'x' }), /nope/);
	});
});

describe('batch_set_faq', () => {
	it('disables, enables and deletes, as list_faq then shows', async () => {
		const ids = [await idOf('opening hours'), await idOf('delete my account')];
		expectOk(await bot('batch_set_faq', { StandardQuestionIds: ids, Status: STATUS_DISABLED }));
		expect((await listAll('list_faq', { Status: STATUS_DISABLED })).map((row) => row.StandardQuestionId)).toEqual(expect.arrayContaining(ids));
		expectOk(await bot('batch_set_faq', { StandardQuestionIds: ids, Status: STATUS_ENABLED }));
		expect(await listAll('list_faq', { Status: STATUS_DISABLED })).toHaveLength(1);
		expectOk(await bot('batch_set_faq', { StandardQuestionIds: ids, Status: 6 }));
		const left = await listAll('list_faq');
		expect(left).toHaveLength(SEED_FAQS.length - 2);
		expect(left.some((row) => ids.includes(String(row.StandardQuestionId)))).toBe(false);
	});

	it('-7 for a status other than 4, 5, 6 or no IDs; all or nothing for unknown IDs', async () => {
		const id = await idOf('opening hours');
		expectFail(await bot('batch_set_faq', { StandardQuestionIds: [id], Status: 3 }), -7, 'Status');
		expectFail(await bot('batch_set_faq', { StandardQuestionIds: [], Status: 5 }), -7, 'StandardQuestionIds');
		expectRefused(await bot('batch_set_faq', { StandardQuestionIds: [id, 'ghost'], Status: 5 }), /ghost/);
		expect(await listAll('list_faq', { Status: STATUS_DISABLED })).toHaveLength(1);
	});
});

describe('add_faq_category and del_faq_category', () => {
	it('adds a category (two levels at most) that add_faq can then use', async () => {
		const top = await bot('add_faq_category', { Title: 'Shipping' });
		expectOk(top);
		const sub = await bot('add_faq_category', { Title: 'Returns', ParentId: top.CategoryId });
		expectOk(sub);
		expect(sub.CategoryId).not.toBe(top.CategoryId);
		expectRefused(await bot('add_faq_category', { Title: 'Too deep', ParentId: sub.CategoryId }), /two levels/);
		expectOk(await bot('add_faq', { CategoryId: sub.CategoryId, Question: 'How do I return an item?', Answer: 'Within 30 days.' }));
		expect(await listAll('list_faq', { CategoryId: sub.CategoryId })).toHaveLength(1);
	});

	it('-7 without a Title', async () => {
		expectFail(await bot('add_faq_category', { ParentId: 0 }), -7, 'Title');
	});

	it('deleting a category drops its questions and its sub-categories’ questions', async () => {
		const billing = SEED_FAQ_CATEGORIES.find((category) => category.Title === 'Billing')?.CategoryId as number;
		const dropped = SEED_FAQS.filter((faq) => faq.CategoryId === billing || faq.CategoryId === 103).length;
		expectOk(await bot('del_faq_category', { CategoryId: billing }));
		const left = await listAll('list_faq');
		expect(left).toHaveLength(SEED_FAQS.length - dropped);
		expect(left.some((row) => row.CategoryId === billing || row.CategoryId === 103)).toBe(false);
		expectRefused(await bot('add_faq', { CategoryId: 103, Question: 'Q', Answer: 'A' }), /103/);
	});

	it('refuses the system category and unknown ones; -7 without CategoryId', async () => {
		expectRefused(await bot('del_faq_category', { CategoryId: SYSTEM_FAQ_CATEGORY_ID }), /system category/);
		expectRefused(await bot('del_faq_category', { CategoryId: 4242 }), /4242/);
		expectFail(await bot('del_faq_category', {}), -7, 'CategoryId');
		expect(await listAll('list_faq')).toHaveLength(SEED_FAQS.length);
	});
});

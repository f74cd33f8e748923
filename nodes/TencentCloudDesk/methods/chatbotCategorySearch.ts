/**
 * The editor's FAQ and small-talk category pickers. Small-talk categories come from Tencent's own
 * list; FAQ categories have no documented list command (NOT FOUND), so they are gathered from the
 * published questions' CategoryId.
 */
import { collectPages } from '../../shared/paging';
import { fetchSmallTalkCategories } from '../resources/chatbotSmallTalk/getCategories';
import { FAQ_BANK } from '../resources/questionBank/bank';
import { fetchQuestionPage, QUESTION_PAGE_SIZE } from '../resources/questionBank/getAll';
import { wholeListSearch } from '../../shared/pickers/listSearch';

/** At 5 calls/s, 10 pages (200 questions) keep the picker to about 2 s. */
const MAX_FAQ_PAGES = 10;

export const searchFaqCategories = wholeListSearch(async (client) => {
	const questions = await collectPages({
		pageSize: QUESTION_PAGE_SIZE,
		maxPages: MAX_FAQ_PAGES,
		fetchPage: async (pageIndex, pageSize) => await fetchQuestionPage(client, FAQ_BANK.commands.list, {}, pageIndex, pageSize),
	});
	const counts = new Map<string, number>();
	for (const question of questions) {
		const id = String(question.CategoryId ?? '');
		if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
	}
	return [...counts].map(([id, count]) => ({ name: `Category ${id} · ${count} question${count === 1 ? '' : 's'}`, value: id }));
});

export const searchSmallTalkCategories = wholeListSearch(async (client) =>
	(await fetchSmallTalkCategories(client)).map((category) => ({
		name: `${String(category.Title)} (${String(category.CategoryId)})`,
		value: String(category.CategoryId),
	})),
);

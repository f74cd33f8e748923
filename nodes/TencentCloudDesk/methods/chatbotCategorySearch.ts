/**
 * The editor's FAQ and small-talk category pickers. Small-talk categories come from Tencent's own
 * list; FAQ categories have no documented list command (NOT FOUND), so they are gathered from the
 * published questions' CategoryId.
 */
import type { ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { DEFAULT_REQUEST_SETTINGS } from '../descriptions/requestOptions';
import { fetchSmallTalkCategories } from '../resources/chatbotSmallTalk/getCategories';
import { FAQ_BANK } from '../resources/questionBank/bank';
import { fetchQuestionPage, QUESTION_PAGE_SIZE } from '../resources/questionBank/getMany';
import { createDeskClient } from '../transport/deskClient';

/** At 5 calls/s, 10 pages (200 questions) keep the picker to about 2 s. */
const MAX_FAQ_PAGES = 10;

function matching(results: INodeListSearchItems[], filter?: string): INodeListSearchItems[] {
	const needle = filter?.trim().toLowerCase() ?? '';
	return results.filter((result) => !needle || `${result.name} ${result.value}`.toLowerCase().includes(needle));
}

export async function searchFaqCategories(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const client = await createDeskClient(this, DEFAULT_REQUEST_SETTINGS);
	const counts = new Map<string, number>();
	for (let pageIndex = 0; pageIndex < MAX_FAQ_PAGES; pageIndex++) {
		const { items } = await fetchQuestionPage(client, FAQ_BANK.commands.list, {}, pageIndex, QUESTION_PAGE_SIZE);
		for (const question of items) {
			const id = String(question.CategoryId ?? '');
			if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
		}
		if (items.length < QUESTION_PAGE_SIZE) break;
	}
	const results = [...counts].map(([id, count]) => ({ name: `Category ${id} · ${count} question${count === 1 ? '' : 's'}`, value: id }));
	return { results: matching(results, filter) };
}

export async function searchSmallTalkCategories(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const client = await createDeskClient(this, DEFAULT_REQUEST_SETTINGS);
	const categories = await fetchSmallTalkCategories(client);
	const results = categories.map((category) => ({
		name: `${String(category.Title)} (${String(category.CategoryId)})`,
		value: String(category.CategoryId),
	}));
	return { results: matching(results, filter) };
}

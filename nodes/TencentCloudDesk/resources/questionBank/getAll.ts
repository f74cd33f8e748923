/** Get Many (`list_faq` / `list_chitchat`): the bank's published questions, filtered and paged. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { CHATBOT_READ_HINT } from '../../descriptions/chatbotHints';
import { pagingFields, readLimit } from '../../descriptions/paging';
import { optionsCollection } from '../../../shared/requestOptions';
import { collectPages, type Page } from '../../../shared/paging';
import type { DeskClient } from '../../../shared/transport/deskClient';
import type { OperationHandler } from '../types';
import { LANGUAGE_TAG_HINT, STATUS_DISABLED, STATUS_ENABLED, type QuestionBank } from './bank';
import { categoryFrom } from './categoryParameter';
import { filtersCollection } from '../../descriptions/fieldCollections';

/**
 * Questions per call. Tencent documents no maximum PageSize (NOT FOUND); a small page keeps a
 * server-side cap from cutting pages short, and at 5 calls/s reading 100 questions takes 1 s.
 */
export const QUESTION_PAGE_SIZE = 20;

export interface QuestionFilters {
	Question?: string;
	CategoryId?: number | string;
	Status?: number;
	LanguageTag?: string;
}

/** One page (pageIndex 0-based; Tencent's PageIndex starts at 1). */
export async function fetchQuestionPage(
	client: DeskClient,
	command: string,
	filters: QuestionFilters,
	pageIndex: number,
	pageSize: number,
	itemIndex?: number,
): Promise<Page> {
	const answer = await client.openImConsole(command, { ...filters, PageIndex: pageIndex + 1, PageSize: pageSize }, { itemIndex });
	// No total: the docs do not say whether AllQuestionCount or StandardQuestionCount counts the
	// list's entries, so paging stops at the first short page instead.
	return { items: (answer.QuestionList as IDataObject[] | undefined) ?? [] };
}

export function getManyQuestionsDescription(bank: QuestionBank): INodeProperties[] {
	const show = { resource: [bank.resource], operation: ['getAll'] };
	const [returnAll, limit] = pagingFields(bank.resource, 'getAll');
	return [
		{ ...returnAll, hint: `${CHATBOT_READ_HINT} Each call reads ${QUESTION_PAGE_SIZE} questions.` },
		limit,
		filtersCollection(show, [
			bank.categoryLocator('category', undefined, { description: 'Only questions in this category', displayOptions: undefined }),
			...(bank.hasLanguageTag
				? [{ displayName: 'Language Tag', name: 'languageTag', type: 'string' as const, default: '', hint: LANGUAGE_TAG_HINT }]
				: []),
			{
				displayName: 'Search Text',
				name: 'question',
				type: 'string',
				default: '',
				description: 'Only questions that match this text (Tencent’s Question search)',
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: [
					{ name: 'Enabled', value: STATUS_ENABLED, description: 'In effect: the bot answers with it' },
					{ name: 'Disabled', value: STATUS_DISABLED, description: 'Kept but not used by the bot' },
				],
				default: STATUS_ENABLED,
			},
		]),
		optionsCollection(bank.resource, 'getAll'),
	];
}

export function readQuestionFilters(context: IExecuteFunctions, bank: QuestionBank, itemIndex: number): QuestionFilters {
	const raw = context.getNodeParameter('filters', itemIndex, {}) as {
		question?: string;
		category?: unknown;
		status?: number;
		languageTag?: string;
	};
	const filters: QuestionFilters = {};
	if (raw.question?.trim()) filters.Question = raw.question.trim();
	const categoryId = categoryFrom(raw.category);
	if (categoryId !== undefined) filters.CategoryId = categoryId;
	if (raw.status !== undefined) filters.Status = raw.status;
	if (bank.hasLanguageTag && raw.languageTag?.trim()) filters.LanguageTag = raw.languageTag.trim();
	return filters;
}

export function getManyQuestions(bank: QuestionBank): OperationHandler {
	return async function (this: IExecuteFunctions, client, itemIndex): Promise<IDataObject[]> {
		const filters = readQuestionFilters(this, bank, itemIndex);
		return await collectPages({
			pageSize: QUESTION_PAGE_SIZE,
			limit: readLimit(this, itemIndex),
			fetchPage: async (pageIndex, pageSize) =>
				await fetchQuestionPage(client, bank.commands.list, filters, pageIndex, pageSize, itemIndex),
		});
	};
}

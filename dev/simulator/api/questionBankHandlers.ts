/**
 * The four commands the FAQ and small-talk banks share (§B.4: the small-talk ones are "as the FAQ
 * equivalents", without LanguageTag). `isCategory` says which categories the bank's questions may use.
 */
import type { QuestionBankState } from '../chatbotKnowledgeBase';
import { ChatbotStateError } from '../chatbotKnowledgeBase';
import { STATUS_DELETE, STATUS_DISABLED, STATUS_ENABLED } from '../chatbotSeed';
import { botEnum, botInt, botStrings, botText } from './chatbotParams';

type Body = Record<string, unknown>;

export interface BankAccess {
	bank: QuestionBankState;
	isCategory(id: number): boolean;
	hasLanguageTag: boolean;
}

const ANSWER_TYPES = [0, 2] as const;

function checkCategory(access: BankAccess, id: number): void {
	if (!access.isCategory(id)) throw new ChatbotStateError(`CategoryId ${id} does not exist`);
}

/** list_faq / list_chitchat: PageIndex (from 1) and PageSize required and > 0; the published bank only. */
export function listQuestions(access: BankAccess, body: Body): Record<string, unknown> {
	const pageIndex = botInt(body, 'PageIndex', true, 1) as number;
	const pageSize = botInt(body, 'PageSize', true, 1) as number;
	const matched = access.bank.list({
		question: botText(body, 'Question', false) || undefined,
		categoryId: botInt(body, 'CategoryId', false),
		status: botEnum(body, 'Status', [STATUS_ENABLED, STATUS_DISABLED], false),
		languageTag: access.hasLanguageTag ? botText(body, 'LanguageTag', false) : undefined,
	});
	const start = (pageIndex - 1) * pageSize;
	return {
		// UNCONFIRMED: AllQuestionCount counts similar questions too; StandardQuestionCount the list's entries.
		AllQuestionCount: matched.reduce((sum, question) => sum + 1 + question.SimilarQuestions.length, 0),
		StandardQuestionCount: matched.length,
		QuestionList: matched.slice(start, start + pageSize).map(({ StandardQuestionId, StandardQuestion, Status, CategoryId, Answer, AnswerType, QuestionType, SimilarQuestions }) => ({
			StandardQuestionId,
			StandardQuestion,
			Status,
			CategoryId,
			Answer,
			AnswerType,
			QuestionType,
			SimilarQuestions,
		})),
	};
}

/**
 * add_faq / add_chitchat. UNCONFIRMED: which fields are required is not documented; the simulator
 * wants a category, a question and an answer. The answer's fields are not documented: envelope only.
 */
export function addQuestion(access: BankAccess, body: Body): Record<string, unknown> {
	const categoryId = botInt(body, 'CategoryId', true) as number;
	const question = botText(body, 'Question', true) as string;
	const answer = botText(body, 'Answer', true) as string;
	const answerType = botEnum(body, 'AnswerType', ANSWER_TYPES, false) ?? 0;
	const similar = botStrings(body, 'SimilarQuestions', false) ?? [];
	const languageTag = (access.hasLanguageTag ? botText(body, 'LanguageTag', false) : undefined) ?? '';
	checkCategory(access, categoryId);
	access.bank.add({
		CategoryId: categoryId,
		StandardQuestion: question,
		Answer: answer,
		AnswerType: answerType,
		SimilarQuestions: similar,
		LanguageTag: languageTag,
		// Edits "take effect directly on the live network" (§B.4).
		Status: STATUS_ENABLED,
	});
	return {};
}

/** update_faq / update_chitchat: StandardQuestionId required, the rest optional and changed only when sent. */
export function updateQuestion(access: BankAccess, body: Body): Record<string, unknown> {
	const id = botText(body, 'StandardQuestionId', true) as string;
	const question = botText(body, 'Question', false);
	const answer = botText(body, 'Answer', false);
	const answerType = botEnum(body, 'AnswerType', ANSWER_TYPES, false);
	const categoryId = botInt(body, 'CategoryId', false);
	const similar = botStrings(body, 'SimilarQuestions', false);
	if (categoryId !== undefined) checkCategory(access, categoryId);
	access.bank.update(id, {
		...(question !== undefined && { StandardQuestion: question }),
		...(answer !== undefined && { Answer: answer }),
		...(answerType !== undefined && { AnswerType: answerType }),
		...(categoryId !== undefined && { CategoryId: categoryId }),
		...(similar !== undefined && { SimilarQuestions: similar }),
	});
	return {};
}

/** batch_set_faq / batch_set_chitchat: Status 4 enable, 5 disable, 6 delete. */
export function batchSetQuestions(access: BankAccess, body: Body): Record<string, unknown> {
	const ids = botStrings(body, 'StandardQuestionIds', true) as string[];
	const status = botEnum(body, 'Status', [STATUS_ENABLED, STATUS_DISABLED, STATUS_DELETE], true) as number;
	access.bank.setStatus(ids, status);
	return {};
}

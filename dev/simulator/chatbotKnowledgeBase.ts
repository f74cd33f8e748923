/**
 * The chatbot's knowledge base and settings, per app and per simulator instance (the state behind
 * the `openim_console_http_svc` commands): what add/update/batch-set/delete change is what the
 * list commands then show. Also Tencent's 5 calls/s cap on this service, per app.
 */
import {
	SEED_CHITCHAT_CATEGORIES,
	SEED_CHITCHATS,
	SEED_FAQ_CATEGORIES,
	SEED_FAQS,
	SEED_ROBOT_CONFIG,
	STATUS_DELETE,
	SYSTEM_FAQ_CATEGORY_ID,
	type SeedChitchatCategory,
	type SeedQuestion,
} from './chatbotSeed';
import { SlidingWindow } from './slidingWindow';

/** Tencent's documented cap for the chatbot APIs (§B.4). */
export const CHATBOT_RATE_LIMIT_PER_SECOND = 5;

export interface BotQuestion extends SeedQuestion {
	StandardQuestionId: string;
	/** UNCONFIRMED: the values of QuestionType are not documented; the simulator answers 0. */
	QuestionType: number;
}

export interface BotCategory {
	CategoryId: number;
	ParentId: number;
	Title: string;
	system: boolean;
}

export interface QuestionQuery {
	question?: string;
	categoryId?: number;
	status?: number;
	languageTag?: string;
}

export type QuestionChanges = Partial<Pick<SeedQuestion, 'StandardQuestion' | 'Answer' | 'AnswerType' | 'CategoryId' | 'SimilarQuestions'>>;

/** Why a change was refused; the command handler turns it into an error answer. */
export class ChatbotStateError extends Error {}

/** One bank of questions (FAQ or small talk). */
export class QuestionBankState {
	private questions: BotQuestion[] = [];
	private serial = 0;

	constructor(
		private readonly idPrefix: string,
		seed: readonly SeedQuestion[],
	) {
		for (const question of seed) this.add(question);
	}

	/** A new question, in effect at once; its StandardQuestionId looks like Tencent's sample. */
	add(question: SeedQuestion): BotQuestion {
		this.serial++;
		const created: BotQuestion = {
			StandardQuestionId: `${1721001306 + this.serial}-@RBT#DeskDefaultRobot-${this.idPrefix}${String(this.serial).padStart(4, '0')}`,
			...question,
			SimilarQuestions: [...question.SimilarQuestions],
			QuestionType: 0,
		};
		this.questions.push(created);
		return copy(created);
	}

	find(id: string): BotQuestion | undefined {
		const question = this.questions.find((candidate) => candidate.StandardQuestionId === id);
		return question && copy(question);
	}

	update(id: string, changes: QuestionChanges): BotQuestion {
		const question = this.questions.find((candidate) => candidate.StandardQuestionId === id);
		if (!question) throw new ChatbotStateError(`StandardQuestionId ${id} does not exist`);
		Object.assign(question, changes);
		return copy(question);
	}

	/** All or nothing: every ID must exist. Status 6 deletes. */
	setStatus(ids: readonly string[], status: number): void {
		const missing = ids.filter((id) => !this.questions.some((question) => question.StandardQuestionId === id));
		if (missing.length > 0) throw new ChatbotStateError(`StandardQuestionIds ${missing.join(', ')} do not exist`);
		if (status === STATUS_DELETE) {
			this.questions = this.questions.filter((question) => !ids.includes(question.StandardQuestionId));
			return;
		}
		for (const question of this.questions) if (ids.includes(question.StandardQuestionId)) question.Status = status as 4 | 5;
	}

	removeInCategories(categoryIds: readonly number[]): number {
		const before = this.questions.length;
		this.questions = this.questions.filter((question) => !categoryIds.includes(question.CategoryId));
		return before - this.questions.length;
	}

	/** UNCONFIRMED: the search matches the standard question or a similar question, case-insensitively. */
	list(query: QuestionQuery): BotQuestion[] {
		const needle = query.question?.toLowerCase();
		return this.questions
			.filter(
				(question) =>
					(query.categoryId === undefined || question.CategoryId === query.categoryId) &&
					(query.status === undefined || question.Status === query.status) &&
					(!query.languageTag || question.LanguageTag === query.languageTag) &&
					(!needle ||
						[question.StandardQuestion, ...question.SimilarQuestions].some((text) => text.toLowerCase().includes(needle))),
			)
			.map(copy);
	}
}

/** One app's chatbot. */
export class AppChatbot {
	readonly faq: QuestionBankState;
	readonly chitchat: QuestionBankState;
	/** Tencent's cap; tests that are not about it may set 0 (no limit) until the next reset. */
	rateLimitPerSecond = CHATBOT_RATE_LIMIT_PER_SECOND;
	private faqCategories: BotCategory[];
	private readonly chitchatCategories: SeedChitchatCategory[];
	private nextCategoryId = 1001;
	private readonly window = new SlidingWindow();

	constructor() {
		this.faq = new QuestionBankState('faq', SEED_FAQS);
		this.chitchat = new QuestionBankState('chitchat', SEED_CHITCHATS);
		this.faqCategories = SEED_FAQ_CATEGORIES.map((category) => ({ ...category, system: category.CategoryId === SYSTEM_FAQ_CATEGORY_ID }));
		this.chitchatCategories = SEED_CHITCHAT_CATEGORIES.map((category) => ({ ...category }));
	}

	/** Admit one call, or false above the cap (refused calls do not count, as with the 141009 limit). */
	admit(now: number): boolean {
		if (this.rateLimitPerSecond <= 0) return true;
		if (this.window.count(now) >= this.rateLimitPerSecond) return false;
		this.window.add(now);
		return true;
	}

	faqCategory(id: number): BotCategory | undefined {
		const category = this.faqCategories.find((candidate) => candidate.CategoryId === id);
		return category && { ...category };
	}

	listFaqCategories(): BotCategory[] {
		return this.faqCategories.map((category) => ({ ...category }));
	}

	/** Two levels at most (§B.4): a parent must itself be top-level. */
	addFaqCategory(title: string, parentId: number): number {
		if (parentId !== 0) {
			const parent = this.faqCategory(parentId);
			if (!parent) throw new ChatbotStateError(`ParentId ${parentId} does not exist`);
			if (parent.ParentId !== 0) throw new ChatbotStateError(`ParentId ${parentId} is a sub-category; categories have two levels at most`);
		}
		const id = this.nextCategoryId++;
		this.faqCategories.push({ CategoryId: id, ParentId: parentId, Title: title, system: false });
		return id;
	}

	/**
	 * Deletes the category and all its questions (§B.4). UNCONFIRMED: sub-categories and their
	 * questions go too, so no question is left in a category that no longer exists.
	 */
	deleteFaqCategory(id: number): { categories: number[]; questionsDeleted: number } {
		const category = this.faqCategory(id);
		if (!category) throw new ChatbotStateError(`CategoryId ${id} does not exist`);
		if (category.system) throw new ChatbotStateError(`CategoryId ${id} is a system category and cannot be deleted`);
		const doomed = [id, ...this.faqCategories.filter((candidate) => candidate.ParentId === id).map((child) => child.CategoryId)];
		this.faqCategories = this.faqCategories.filter((candidate) => !doomed.includes(candidate.CategoryId));
		return { categories: doomed, questionsDeleted: this.faq.removeInCategories(doomed) };
	}

	hasChitchatCategory(id: number): boolean {
		return this.chitchatCategories.some((category) => category.CategoryId === id);
	}

	listChitchatCategories(): SeedChitchatCategory[] {
		return this.chitchatCategories.map((category) => ({ ...category }));
	}

	robotConfig(): Record<string, unknown> {
		return structuredClone({ ...SEED_ROBOT_CONFIG });
	}
}

/** Every app's chatbot, created from the seed on first use. */
export class ChatbotDirectory {
	private readonly byApp = new Map<number, AppChatbot>();

	forApp(sdkAppId: number): AppChatbot {
		let chatbot = this.byApp.get(sdkAppId);
		if (!chatbot) this.byApp.set(sdkAppId, (chatbot = new AppChatbot()));
		return chatbot;
	}

	/** Every app back to the seed, and the cap back to 5/s. */
	reset(): void {
		this.byApp.clear();
	}
}

function copy(question: BotQuestion): BotQuestion {
	return { ...question, SimilarQuestions: [...question.SimilarQuestions] };
}

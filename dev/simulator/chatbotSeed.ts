/**
 * The chatbot knowledge base every app starts with: FAQ categories (one system category, which
 * cannot be deleted), FAQs, small-talk categories and questions, and the bot's settings.
 * Field names are Tencent's (§B.4); values are made up.
 */

export const CHATBOT_SERVICE = 'openim_console_http_svc';

export const STATUS_ENABLED = 4;
export const STATUS_DISABLED = 5;
export const STATUS_DELETE = 6;

export interface SeedCategory {
	CategoryId: number;
	/** 0 for a top-level category. */
	ParentId: number;
	Title: string;
}

export interface SeedQuestion {
	CategoryId: number;
	StandardQuestion: string;
	Answer: string;
	AnswerType: 0 | 2;
	Status: 4 | 5;
	SimilarQuestions: string[];
	LanguageTag: string;
}

/** The system category (cannot be deleted, §B.4). */
export const SYSTEM_FAQ_CATEGORY_ID = 1;

export const SEED_FAQ_CATEGORIES: readonly SeedCategory[] = [
	{ CategoryId: SYSTEM_FAQ_CATEGORY_ID, ParentId: 0, Title: 'Default' },
	{ CategoryId: 101, ParentId: 0, Title: 'Account' },
	{ CategoryId: 102, ParentId: 0, Title: 'Billing' },
	{ CategoryId: 103, ParentId: 102, Title: 'Invoices' },
];

const faq = (CategoryId: number, StandardQuestion: string, Answer: string, extra: Partial<SeedQuestion> = {}): SeedQuestion => ({
	CategoryId,
	StandardQuestion,
	Answer,
	AnswerType: 0,
	Status: STATUS_ENABLED,
	SimilarQuestions: [],
	LanguageTag: '',
	...extra,
});

export const SEED_FAQS: readonly SeedQuestion[] = [
	faq(1, 'What are your opening hours?', 'Our agents are online 9:00-18:00, Monday to Friday.'),
	faq(101, 'How do I reset my password?', 'Use “Forgot password” on the sign-in page.', { SimilarQuestions: ['I forgot my password'] }),
	faq(101, 'How do I delete my account?', 'Settings → Account → Delete account.'),
	faq(102, 'Which payment methods do you accept?', '<p>Cards and bank transfer.</p>', { AnswerType: 2 }),
	faq(103, 'Where is my invoice?', 'Invoices are under Billing → Invoices.', { Status: STATUS_DISABLED }),
	faq(101, '如何修改密码?', '在设置中修改密码。', { LanguageTag: 'zh' }),
];

export interface SeedChitchatCategory extends SeedCategory {
	MenuType: number;
	Status: number;
}

/** UNCONFIRMED: the meaning of MenuType and Status values is not documented; these are placeholders. */
export const SEED_CHITCHAT_CATEGORIES: readonly SeedChitchatCategory[] = [
	{ CategoryId: 201, ParentId: 0, Title: 'Greetings', MenuType: 0, Status: 0 },
	{ CategoryId: 202, ParentId: 0, Title: 'Thanks', MenuType: 0, Status: 0 },
];

export const SEED_CHITCHATS: readonly SeedQuestion[] = [
	faq(201, 'Hello', 'Hi! How can I help you today?', { SimilarQuestions: ['Hi', 'Good morning'] }),
	faq(201, 'Are you a robot?', 'I am the assistant; an agent can take over any time.'),
	faq(202, 'Thank you', 'You are welcome!'),
];

/** desc_robot_config's fields, with the types and sample values the doc shows. */
export const SEED_ROBOT_CONFIG: Readonly<Record<string, unknown>> = {
	WelcomeCardEnable: true,
	WelcomeCardTitle: 'Frequently asked',
	WelcomeCardQuestions: ['How do I reset my password?', 'Where is my invoice?'],
	ToAgentEnable: true,
	// A String in the doc's table, the number 0.8 in its sample: the simulator follows the sample.
	DirectAnsweringReaches: 0.8,
	ChitchatEnable: true,
	ChitchatReaches: '0.8',
	ClarifyEnable: true,
	ClarifyReaches: '0.6',
	ClarifyMessage: 'Did you mean one of these?',
	ClarifyNumber: 5,
	FallbackMsg: 'Sorry, I did not understand. Type “agent” to talk to a person.',
};

/**
 * An app's customer-service accounts ("客服号", the Chat UserIDs customers talk to): what
 * add_im_agent, update_im_agent and delete_im_agent change and both list commands read.
 * Account-level fields and per-language prompts are kept apart because the multilingual list
 * nests the prompts under MultilingualSettings.
 */
import { DEFAULT_IM_AGENT_NICK, SEED_IM_AGENTS } from './seedData';

/** Trial and standard editions get 10 channel accounts (CS accounts included); premium 200. */
export const MAX_IM_AGENTS = 10;

/**
 * UNCONFIRMED: which language key add_im_agent's prompts land under in get_im_agent_list_multilingual;
 * "zh" is the only key the docs' samples show.
 */
export const DEFAULT_LANGUAGE = 'zh';

/** Fields of the account itself (the rest of add_im_agent's fields are per-language prompts). */
export const ACCOUNT_FIELDS = ['IMAgentNick', 'IMAgentAvatarUrl', 'ChatbotDisabled', 'AgentGroupId', 'AssignmentStrategy', 'ChooseSkillGroupPrompt', 'DisplayGroupsChoices'] as const;

export interface ImAgent {
	userId: string;
	/** The account every app is created with: it cannot be deleted. */
	isDefault: boolean;
	account: Record<string, unknown>;
	/** Prompts by language. */
	languages: Record<string, Record<string, unknown>>;
}

export class ImAgentStore {
	private readonly agents: ImAgent[];

	constructor(defaultUserId: string) {
		this.agents = [
			{ userId: defaultUserId, isDefault: true, account: { IMAgentNick: DEFAULT_IM_AGENT_NICK }, languages: {} },
			...SEED_IM_AGENTS.filter((seed) => seed.userId !== defaultUserId).map((seed) => ({
				userId: seed.userId,
				isDefault: false,
				account: { IMAgentNick: seed.nick },
				languages: {},
			})),
		];
	}

	list(): ImAgent[] {
		return this.agents.map((agent) => structuredClone(agent));
	}

	find(userId: string): ImAgent | undefined {
		const agent = this.agents.find((candidate) => candidate.userId === userId);
		return agent && structuredClone(agent);
	}

	get count(): number {
		return this.agents.length;
	}

	add(userId: string, account: Record<string, unknown>, prompts: Record<string, unknown>): void {
		this.agents.push({ userId, isDefault: false, account: { ...account }, languages: { [DEFAULT_LANGUAGE]: { ...prompts } } });
	}

	/** Only the given fields change; absent ones are left as they were. */
	update(userId: string, account: Record<string, unknown>, prompts: Record<string, unknown>): void {
		const agent = this.agents.find((candidate) => candidate.userId === userId);
		if (!agent) return;
		Object.assign(agent.account, account);
		agent.languages[DEFAULT_LANGUAGE] = { ...agent.languages[DEFAULT_LANGUAGE], ...prompts };
	}

	remove(userId: string): void {
		const index = this.agents.findIndex((candidate) => candidate.userId === userId);
		if (index >= 0) this.agents.splice(index, 1);
	}
}

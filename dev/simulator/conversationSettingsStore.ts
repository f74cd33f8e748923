/**
 * An app's per-channel conversation settings: what get_ and update_channel_specific_conversation_settings
 * read and change. An update merges: fields absent from the request are left unchanged.
 */
import { SEED_CONVERSATION_SETTINGS, seedLanguageSettings } from './serviceSeedData';

export interface ConversationSetting {
	id: number;
	name: string;
	isDefault: boolean;
	/** Prompts and switches by language key ("zh" in the docs' samples). */
	languages: Record<string, Record<string, unknown>>;
}

export class ConversationSettingsStore {
	private readonly settings: ConversationSetting[] = SEED_CONVERSATION_SETTINGS.map(({ id, name }, index) => ({
		id,
		name,
		isDefault: index === 0,
		languages: { zh: seedLanguageSettings(name) },
	}));

	list(): ConversationSetting[] {
		return this.settings.map((setting) => structuredClone(setting));
	}

	find(id: number): ConversationSetting | undefined {
		const setting = this.settings.find((candidate) => candidate.id === id);
		return setting && structuredClone(setting);
	}

	/** Name and per-language fields given replace those fields only. */
	update(id: number, name: string | undefined, languages: Record<string, Record<string, unknown>>): void {
		const setting = this.settings.find((candidate) => candidate.id === id);
		if (!setting) return;
		if (name !== undefined) setting.name = name;
		for (const [language, fields] of Object.entries(languages)) {
			setting.languages[language] = { ...setting.languages[language], ...structuredClone(fields) };
		}
	}
}

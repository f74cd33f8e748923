/**
 * `v4/desk_http_svc/get_channel_specific_conversation_settings`: the per-channel conversation
 * settings, paged: PageNumber from 0, PageSize 0 or absent = 10, at most 10;
 * ConversationSettingIdList picks settings (unknown IDs are left out).
 */
import type { CommandHandler } from '../commandRegistry';
import { optionalInt } from './params';
import { optionalIntArray } from './serviceParams';

const DEFAULT_SETTINGS_PAGE_SIZE = 10;
export const MAX_SETTINGS_PAGE_SIZE = 10;

export const getChannelSpecificConversationSettings: CommandHandler = {
	service: 'desk_http_svc',
	command: 'get_channel_specific_conversation_settings',
	requiresDesk: true,
	handle({ body, services }) {
		const pageNumber = optionalInt(body, 'PageNumber', { min: 0 }) ?? 0;
		const pageSize = optionalInt(body, 'PageSize', { min: 0, max: MAX_SETTINGS_PAGE_SIZE }) || DEFAULT_SETTINGS_PAGE_SIZE;
		const ids = optionalIntArray(body, 'ConversationSettingIdList');
		const matching = services.conversationSettings.list().filter((setting) => !ids || ids.includes(setting.id));
		return {
			TotalCount: matching.length,
			Data: matching.slice(pageNumber * pageSize, (pageNumber + 1) * pageSize).map((setting) => ({
				ConversationSettingId: setting.id,
				Name: setting.name,
				IsDefault: setting.isDefault ? 1 : 0,
				MultilingualSettings: setting.languages,
			})),
		};
	},
};

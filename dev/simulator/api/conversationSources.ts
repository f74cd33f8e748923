/**
 * The ConversationSources filter of the statistics commands: [{ChannelType (required: 2, 3, 4,
 * 7 or 10), ChannelId}]. The simulator's sessions come from two channels: Web (4, Web/H5) and
 * SDK (10, App SDK); a ChannelId is compared with the session's customer-service account.
 */
import type { DeskSession } from '../types';
import { invalidParameter, optionalString, requiredEnum } from './params';

export const CHANNEL_TYPES = [2, 3, 4, 7, 10] as const;
const CHANNEL_TYPE_OF = { Web: 4, SDK: 10 } as const;

export type SessionFilter = (session: DeskSession) => boolean;

export function conversationSourcesFilter(body: Record<string, unknown>): SessionFilter {
	const value = body.ConversationSources;
	if (value === undefined) return () => true;
	if (!Array.isArray(value)) throw invalidParameter('ConversationSources', 'must be an array');
	const sources = value.map((entry: unknown, index) => {
		const name = `ConversationSources[${index}]`;
		if (!entry || typeof entry !== 'object' || Array.isArray(entry)) throw invalidParameter(name, 'must be an object');
		const source = entry as Record<string, unknown>;
		return {
			channelType: requiredEnum({ [`${name}.ChannelType`]: source.ChannelType }, `${name}.ChannelType`, CHANNEL_TYPES),
			channelId: optionalString({ [`${name}.ChannelId`]: source.ChannelId }, `${name}.ChannelId`),
		};
	});
	if (sources.length === 0) return () => true;
	return (session) =>
		sources.some(
			(source) =>
				source.channelType === CHANNEL_TYPE_OF[session.channelType] &&
				(source.channelId === undefined || source.channelId === session.customerServiceId),
		);
}

/** `v4/desk_http_svc/describe_chat_messages`: a session's messages, live or ended, paged by Limit/Offset. */
import type { CommandHandler } from '../commandRegistry';
import { findAnySession } from './findSession';
import { limitOffsetParams, optionalEnum, ORDER_VALUES, requiredString } from './params';

export const describeChatMessages: CommandHandler = {
	service: 'desk_http_svc',
	command: 'describe_chat_messages',
	requiresDesk: true,
	handle({ app, body, sessions }) {
		const sessionId = requiredString(body, 'SessionId');
		const { limit, offset } = limitOffsetParams(body);
		const order = optionalEnum(body, 'Order', ORDER_VALUES) ?? 2;
		const session = findAnySession(sessions, app, sessionId);
		// Stored in send order, which is time order.
		const messages = order === 1 ? session.messages : [...session.messages].reverse();
		return {
			Messages: messages.slice(offset, offset + limit).map((message) => ({
				FromAccount: message.from,
				FromAccountRole: message.role,
				MsgBody: message.msgBody,
				Timestamp: message.time,
			})),
			TotalCount: messages.length,
		};
	},
};

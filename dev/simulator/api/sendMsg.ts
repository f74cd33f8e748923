/**
 * `v4/desk_http_svc/send_msg`: send a message into a session. With an agent on it the agent
 * speaks (Human.AgentSendMsg); before that the customer-service account does (ChatBot.RobotSendMsg).
 * UNCONFIRMED: the response fields (MsgTime in Unix seconds, MsgKey) and the sender choice.
 * A repeated MsgRandom is delivered again: whether Desk drops it is NOT FOUND in Tencent's docs.
 */
import type { CommandHandler } from '../commandRegistry';
import { findActiveSession } from './findSession';
import { parseMsgBody } from './msgBody';
import { invalidParameter, MAX_UINT32, optionalString, optionalText, requiredInt } from './params';

export const sendMsg: CommandHandler = {
	service: 'desk_http_svc',
	command: 'send_msg',
	requiresDesk: true,
	handle({ app, body, sessions, applySteps }) {
		const sessionId = optionalString(body, 'SessionId');
		if (sessionId === undefined) {
			const pairForm = body.FromAccount !== undefined || body.ToAccount !== undefined;
			throw invalidParameter('SessionId', pairForm ? 'is required: only SessionId is supported by the simulator (not FromAccount + ToAccount)' : 'is required');
		}
		requiredInt(body, 'MsgRandom', { min: 0, max: MAX_UINT32 });
		const msgBody = parseMsgBody(body.MsgBody);
		const cloudCustomData = optionalText(body, 'CloudCustomData') ?? '';
		const session = findActiveSession(sessions, app, sessionId);

		const event = session.phase === 'Agent' ? 'Human.AgentSendMsg' : 'ChatBot.RobotSendMsg';
		const [applied] = applySteps(session.sessionId, [{ event, msgBody, cloudCustomData }]);
		const message = applied.message as NonNullable<typeof applied.message>;
		return { MsgTime: Math.floor(message.time / 1000), MsgKey: message.msgKey };
	},
};

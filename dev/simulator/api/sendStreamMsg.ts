/**
 * `v4/desk_http_svc/send_stream_msg`: a bot message sent in chunks. The first call (no MsgKey)
 * opens it and answers its MsgKey; later calls name that key; `Finish: 1` closes it, and the
 * whole text becomes one ChatBot.RobotSendMsg of the session with that MsgKey.
 * UNCONFIRMED: the codes for an unknown MsgKey and for a session an agent has (141004 here), and
 * that nothing is visible in the session before Finish.
 */
import type { CommandHandler } from '../commandRegistry';
import { TRANSITIONS } from '../sessionStateMachine';
import { findActiveSession } from './findSession';
import { invalidParameter, optionalEnum, optionalString, optionalText, requiredString } from './params';

const BOT_MESSAGE = 'ChatBot.RobotSendMsg';

export const sendStreamMsg: CommandHandler = {
	service: 'desk_http_svc',
	command: 'send_stream_msg',
	requiresDesk: true,
	handle({ app, body, sessions, services, applySteps }) {
		const sessionId = requiredString(body, 'SessionId');
		const chunk = optionalText(body, 'Chunk');
		if (chunk === undefined) throw invalidParameter('Chunk', 'is required');
		const msgKey = optionalString(body, 'MsgKey');
		const finish = optionalEnum(body, 'Finish', [0, 1]) === 1;
		const session = findActiveSession(sessions, app, sessionId);
		if (!TRANSITIONS[BOT_MESSAGE].from.includes(session.phase)) {
			throw invalidParameter('SessionId', `${sessionId} is with an agent (${session.phase}); streaming messages are the chatbot's`);
		}

		let stream;
		if (msgKey === undefined) {
			stream = services.streams.start(sessionId, chunk);
		} else {
			if (services.streams.find(msgKey)?.sessionId !== sessionId) throw invalidParameter('MsgKey', `${msgKey} is not an open streaming message of this session`);
			stream = services.streams.append(msgKey, chunk) ?? services.streams.start(sessionId, chunk);
		}
		if (finish) {
			applySteps(sessionId, [{ event: BOT_MESSAGE, text: stream.text, msgKey: stream.msgKey }]);
			services.streams.close(stream.msgKey);
		}
		return { MsgKey: stream.msgKey };
	},
};

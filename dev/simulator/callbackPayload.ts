/** The body of a `Desk.SessionEventNotify` callback, built from one applied session step. */
import { CALLBACK_ACK } from '../../nodes/shared/callbackAck';
import { SESSION_EVENT_COMMAND } from '../../nodes/shared/events';
import type { AppliedStep } from './sessionStore';
import type { ChannelType, MsgElement } from './types';

/** The trigger's acknowledgement as bytes on the wire: what Desk (and every test) compares an answer with. */
export const CALLBACK_ACK_TEXT = JSON.stringify(CALLBACK_ACK);

export interface SessionEventCallbackBody {
	CallbackCommand: string;
	SessionId: string;
	Event: string;
	/** Unix milliseconds. */
	EventTime: number;
	ChannelType: ChannelType;
	ClientUserId: string;
	CustomerServiceId: string;
	AgentId: string;
	MsgKey?: string;
	MsgBody?: MsgElement[];
	CloudCustomData?: string;
	IsContactUser: boolean;
	SatisfactionSelected?: number;
	/** The previous agent, on AgentForward. */
	ForwardFromAgentId?: string;
}

/** Field order follows the spec's sample; message fields only on message events. */
export function buildCallbackBody(applied: AppliedStep): SessionEventCallbackBody {
	const { session, message } = applied;
	return {
		CallbackCommand: SESSION_EVENT_COMMAND,
		SessionId: session.sessionId,
		Event: applied.event,
		EventTime: applied.time,
		ChannelType: session.channelType,
		ClientUserId: session.clientUserId,
		CustomerServiceId: session.customerServiceId,
		AgentId: applied.agentId,
		...(message && { MsgKey: message.msgKey, MsgBody: message.msgBody, CloudCustomData: message.cloudCustomData }),
		IsContactUser: session.isContactUser,
		...(applied.satisfaction !== undefined && { SatisfactionSelected: applied.satisfaction }),
		...(applied.forwardFromAgentId !== undefined && { ForwardFromAgentId: applied.forwardFromAgentId }),
	};
}

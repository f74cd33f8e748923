/**
 * The item a decision callback becomes: every field Desk sent, unchanged (Tencent's names), plus
 * the camelCase fields a workflow decides on, so no Code node is needed to read them.
 */
import type { IDataObject } from 'n8n-workflow';

import type { DecisionKind } from '../shared/decisionCallbacks';
import { isoTime } from '../shared/eventTime';
import { callbackQueryFields } from '../shared/queryValue';

function text(value: unknown): string | undefined {
	return typeof value === 'string' ? value : undefined;
}

function groupId(value: unknown): number | undefined {
	if (typeof value === 'number') return value;
	return typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : undefined;
}

const READABLE: Readonly<Record<DecisionKind, (body: Record<string, unknown>) => IDataObject>> = {
	assignHuman: (body) => ({
		sessionId: text(body.SessionId),
		clientUserId: text(body.ClientUserId),
		// Only with "SDK light integration" (the newest page).
		customerServiceId: text(body.CustomerServiceId),
	}),
	apiCall: (body) => {
		const variables = body.Body as IDataObject;
		return {
			sessionId: text(variables.SystemSessionID),
			clientUserId: text(variables.SystemClientUserID),
			variables,
		};
	},
	beforeContact: (body) => ({
		clientUserId: text(body.ClientUserId),
		agentId: text(body.MemberId),
		customerServiceId: text(body.ChannelId),
		channelType: text(body.ChannelType),
		// A string in Tencent's table, a number in its sample.
		skillGroupId: groupId(body.GroupId),
	}),
};

/**
 * `decisionId` lets the answer step tell whether Desk still waits for its answer (shared/decisionDelivery.ts);
 * none when Desk was answered at once.
 */
export function decisionItem(
	decision: DecisionKind,
	command: string,
	body: Record<string, unknown>,
	query: Record<string, unknown>,
	decisionId?: string,
): IDataObject {
	const readable = Object.fromEntries(Object.entries(READABLE[decision](body)).filter(([, value]) => value !== undefined));
	return {
		...(body as IDataObject),
		decision,
		callbackCommand: command,
		...readable,
		eventTime: isoTime(body.EventTime),
		callback: callbackQueryFields(query),
		...(decisionId !== undefined && { decisionId }),
	};
}

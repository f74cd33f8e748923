/**
 * The item a callback becomes: every field Desk sent, unchanged (PascalCase, Tencent's names),
 * plus camelCase fields users would otherwise compute in a Code node.
 */
import type { IDataObject } from 'n8n-workflow';

import { eventPhase, findDeskEvent } from '../shared/events';
import { messageText } from '../shared/messageText';
import { queryString } from './queryValue';
import type { DeskCallbackBody } from './verifyCallback';

const CALLBACK_QUERY_FIELDS = ['SdkAppid', 'CallbackCommand', 'ClientIP', 'OptPlatform', 'RequestID', 'RequestTime'];

function isoTime(eventTime: unknown): string | null {
	const ms = typeof eventTime === 'string' && /^\d+$/.test(eventTime) ? Number(eventTime) : eventTime;
	if (typeof ms !== 'number' || !Number.isFinite(ms)) return null;
	const date = new Date(ms);
	return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

export function eventItem(body: DeskCallbackBody, query: Record<string, unknown>): IDataObject {
	const callback: IDataObject = {};
	for (const field of CALLBACK_QUERY_FIELDS) {
		const value = queryString(query, field);
		if (value !== undefined) callback[field] = value;
	}
	const item: IDataObject = {
		...(body as IDataObject),
		eventName: findDeskEvent(body.Event)?.name ?? body.Event,
		eventTime: isoTime(body.EventTime),
		phase: eventPhase(body.Event),
		callback,
	};
	if (body.MsgBody !== undefined) item.messageText = messageText(body.MsgBody);
	return item;
}

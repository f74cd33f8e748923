/**
 * The item a callback becomes: every field Desk sent, unchanged (PascalCase, Tencent's names),
 * plus camelCase fields users would otherwise compute in a Code node.
 */
import type { IDataObject } from 'n8n-workflow';

import { eventPhase, findDeskEvent } from '../shared/events';
import { isoTime } from '../shared/eventTime';
import { messageText } from '../shared/messageText';
import { callbackQueryFields } from '../shared/queryValue';
import type { DeskCallbackBody } from './verifyCallback';

export function eventItem(body: DeskCallbackBody, query: Record<string, unknown>): IDataObject {
	const item: IDataObject = {
		...(body as IDataObject),
		eventName: findDeskEvent(body.Event)?.name ?? body.Event,
		eventTime: isoTime(body.EventTime),
		phase: eventPhase(body.Event),
		callback: callbackQueryFields(query),
	};
	if (body.MsgBody !== undefined) item.messageText = messageText(body.MsgBody);
	return item;
}

/**
 * Reading Desk's session records (`describe_im_cdr_list`) and a session's messages
 * (`describe_chat_messages`), paged to the end: shared by the action node's Session Record → Get Many and
 * Session → Get Messages and by the Session Record Trigger, so all three read Desk the same way.
 */
import type { IDataObject } from 'n8n-workflow';

import { messageText } from './messageText';
import { splitRange } from './timeWindows';
import type { DeskClient } from './transport/deskClient';
import { collectPages } from './paging';

/** Desk's maximum `Limit` for both commands. */
export const RECORD_PAGE_SIZE = 100;

export interface RecordQuery {
	/** Unix seconds, inclusive. */
	start: number;
	/** Unix seconds, inclusive; any distance from `start` (read in pieces Desk accepts). */
	end: number;
	clientUserId?: string;
	/** Stop after this many records; undefined = all. */
	limit?: number;
	itemIndex?: number;
}

export async function fetchSessionRecords(client: DeskClient, query: RecordQuery): Promise<IDataObject[]> {
	const records: IDataObject[] = [];
	// Newest piece first, so a Limit keeps the latest records of a long range.
	for (const window of splitRange(query).reverse()) {
		const limit = query.limit === undefined ? undefined : query.limit - records.length;
		if (limit !== undefined && limit <= 0) break;
		records.push(...(await fetchRecordWindow(client, { ...query, ...window, limit })));
	}
	return records;
}

/** One range Desk accepts as it is, all pages (or up to the limit). */
async function fetchRecordWindow(client: DeskClient, query: RecordQuery): Promise<IDataObject[]> {
	const filter: IDataObject = { StartTimestamp: query.start, EndTimestamp: query.end };
	if (query.clientUserId) filter.ClientUserId = query.clientUserId;
	return await collectPages({
		pageSize: RECORD_PAGE_SIZE,
		limit: query.limit,
		fetchPage: async (pageIndex, pageSize) => {
			const answer = await client.desk(
				'describe_im_cdr_list',
				{ ...filter, Limit: pageSize, Offset: pageIndex * pageSize },
				{ itemIndex: query.itemIndex },
			);
			return { items: (answer.IMCdrList as IDataObject[] | undefined) ?? [], total: answer.TotalCount as number };
		},
	});
}

export const MESSAGE_ORDER = { oldestFirst: 1, newestFirst: 2 } as const;
export type MessageOrder = keyof typeof MESSAGE_ORDER;

export interface MessageQuery {
	order?: MessageOrder;
	limit?: number;
	itemIndex?: number;
	/** Error codes to treat as "no messages" (e.g. 141005 for a session Desk no longer knows). */
	acceptErrorCodes?: number[];
}

/** A session's messages, each with its time as ISO 8601 and its plain text added. */
export async function fetchSessionMessages(
	client: DeskClient,
	sessionId: string,
	{ order = 'oldestFirst', limit, itemIndex, acceptErrorCodes }: MessageQuery = {},
): Promise<IDataObject[]> {
	const messages = await collectPages({
		pageSize: RECORD_PAGE_SIZE,
		limit,
		fetchPage: async (pageIndex, pageSize) => {
			const answer = await client.desk(
				'describe_chat_messages',
				{ SessionId: sessionId, Limit: pageSize, Offset: pageIndex * pageSize, Order: MESSAGE_ORDER[order] },
				{ itemIndex, acceptErrorCodes },
			);
			if (Number(answer.ErrorCode ?? 0) !== 0) return { items: [], total: 0 };
			return { items: (answer.Messages as IDataObject[] | undefined) ?? [], total: answer.TotalCount as number };
		},
	});
	return messages.map((message) => ({
		SessionId: sessionId,
		...message,
		time: typeof message.Timestamp === 'number' ? new Date(message.Timestamp).toISOString() : null,
		messageText: messageText(message.MsgBody),
	}));
}

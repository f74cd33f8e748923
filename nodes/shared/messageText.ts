/** Plain text out of Tencent's `MsgBody`, for callbacks and for message history alike. */

/** The text of a message: its `TIMTextElem` texts joined by newlines ('' for non-text messages). */
export function messageText(msgBody: unknown): string {
	if (!Array.isArray(msgBody)) return '';
	return msgBody
		.filter((element) => element?.MsgType === 'TIMTextElem' && typeof element?.MsgContent?.Text === 'string')
		.map((element) => element.MsgContent.Text as string)
		.join('\n');
}

/** Reading a callback's body exactly as Desk sent it, inside n8n's webhook context. */
import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

interface WebhookRequest {
	rawBody?: Buffer;
	/** n8n's body reader: trigger versions above 1 get no body read for a request with no Content-Type. */
	readRawBody?: () => Promise<void>;
}

/**
 * The body as sent. Tencent does not document its callbacks' Content-Type, so a body n8n left unread
 * (no or an unknown Content-Type) is read here rather than refused as empty. Without a raw body
 * (n8n keeps one for webhooks) what n8n parsed is serialized again.
 */
export async function callbackRawBody(context: IWebhookFunctions): Promise<Buffer | string | undefined> {
	const request = context.getRequestObject() as WebhookRequest;
	if (!request.rawBody?.length && typeof request.readRawBody === 'function') await request.readRawBody();
	if (request.rawBody) return request.rawBody;
	const parsed = context.getBodyData() as IDataObject | undefined;
	return parsed === undefined ? undefined : JSON.stringify(parsed);
}

/**
 * A callback is judged by what it says, not how it is wrapped: Tencent does not document the
 * Content-Type of its callbacks, and a body that names another command than the query is refused.
 */
import { callWebhook, callbackQuery, sampleBody } from '../helpers/webhookContext';
import { itemOn } from '../helpers/webhookAssertions';

describe('body wrapping', () => {
	it('reads a body n8n left unread (no Content-Type) and runs the workflow with it', async () => {
		const body = sampleBody('NoAgentOnline');
		const call = await callWebhook({ unreadBody: JSON.stringify(body), query: callbackQuery() });
		expect(itemOn(call, 1, 0).json).toMatchObject({ SessionId: body.SessionId, Event: 'NoAgentOnline' });
	});

	it('an empty unread body is still refused as not a Desk event', async () => {
		const call = await callWebhook({ unreadBody: '', query: callbackQuery() });
		expect(call.response.statusCode).toBe(400);
		expect(call.result.workflowData).toBeUndefined();
	});
});

describe('CallbackCommand in the body and the query', () => {
	it('a body that says it is another command than the query runs nothing and is answered 400', async () => {
		for (const [inQuery, inBody] of [
			['Desk.SessionEventNotify', 'Chatbot.InterfaceInvocation'],
			['Chatbot.InterfaceInvocation', 'Desk.SessionEventNotify'],
		]) {
			const body = sampleBody('SessionBegin', { CallbackCommand: inBody });
			const call = await callWebhook({
				rawBody: JSON.stringify(body),
				query: { ...callbackQuery(), CallbackCommand: inQuery },
			});
			expect(call.response.statusCode).toBe(400);
			expect(call.response.body).toMatchObject({ ActionStatus: 'FAIL', ErrorCode: 400 });
			expect(call.result.workflowData).toBeUndefined();
		}
	});
});

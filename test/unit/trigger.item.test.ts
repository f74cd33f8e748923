/**
 * The item the trigger's webhook() emits: every field Desk sent, plus eventName, eventTime, phase,
 * messageText and the callback's query metadata.
 */
import type { IDataObject } from 'n8n-workflow';

import {
	TEST_SDK_APP_ID,
	callWebhook,
	callbackQuery,
	sampleBody,
	validRequest,
} from '../helpers/webhookContext';
import { itemOn } from '../helpers/webhookAssertions';

describe('the item', () => {
	it('keeps every field Desk sent and adds eventName, eventTime, phase, messageText and callback', async () => {
		const body = sampleBody('ChatBot.UserSendMsg', {
			MsgBody: [
				{ MsgType: 'TIMTextElem', MsgContent: { Text: 'First line' } },
				{ MsgType: 'TIMImageElem', MsgContent: { UUID: 'img-1', ImageFormat: 1, ImageInfoArray: [] } },
				{ MsgType: 'TIMTextElem', MsgContent: { Text: 'Second line' } },
				{ MsgType: 'TIMCustomElem', MsgContent: { Data: '{"x":1}' } },
			],
			ForwardFromAgentId: 'previous@example.com',
			UnknownFutureField: { nested: [1, 2, 3] },
		});
		const query = callbackQuery({ requestId: 'req-shape-1' });
		const item = itemOn(await callWebhook({ rawBody: Buffer.from(JSON.stringify(body)), query }), 1, 0);
		for (const [key, value] of Object.entries(body)) expect(item.json[key]).toEqual(value);
		expect(item.json.eventName).toBe('Chatbot: User Message');
		expect(item.json.eventTime).toBe('2024-09-05T12:40:20.017Z');
		expect(item.json.phase).toBe('chatbot');
		expect(item.json.messageText).toBe('First line\nSecond line');
		expect(item.json.callback).toEqual({
			SdkAppid: String(TEST_SDK_APP_ID),
			CallbackCommand: 'Desk.SessionEventNotify',
			ClientIP: '203.0.113.7',
			OptPlatform: 'RESTAPI',
			RequestID: 'req-shape-1',
			RequestTime: query.RequestTime,
		});
		expect(Object.keys(item.json).sort()).toEqual(
			[...Object.keys(body), 'eventName', 'eventTime', 'phase', 'messageText', 'callback'].sort(),
		);
		expect(item).toEqual({ json: item.json });
	});

	it.each([
		['SessionBegin', 'Session Begin', 'session'],
		['Human.AgentSendMsg', 'Human: Agent Message', 'human'],
		['NoAgentOnline', 'No Agent Online', 'human'],
		['SatisfactionSelected', 'Satisfaction Rated', 'session'],
		['ChatBot.RobotSendCard', 'ChatBot.RobotSendCard', 'chatbot'],
		['Human.AgentSendCard', 'Human.AgentSendCard', 'human'],
		['SessionArchived', 'SessionArchived', 'session'],
	])('names %s “%s”, phase %s', async (event, eventName, phase) => {
		const item = itemOn(await callWebhook(validRequest(event)), 1, 0);
		expect(item.json).toMatchObject({ Event: event, eventName, phase });
	});

	it('has messageText only when there is a MsgBody, and "" for non-text messages', async () => {
		const noMessage = JSON.stringify({ SessionId: 's', Event: 'SessionBegin', EventTime: 1 });
		const item = itemOn(await callWebhook({ rawBody: noMessage, query: callbackQuery() }), 1, 0);
		expect(item.json).not.toHaveProperty('messageText');
		const image = JSON.stringify(sampleBody('Human.UserSendMsg', { MsgBody: [{ MsgType: 'TIMImageElem', MsgContent: {} }] }));
		expect(itemOn(await callWebhook({ rawBody: image, query: callbackQuery() }), 1, 0).json.messageText).toBe('');
		const odd = JSON.stringify(sampleBody('Human.UserSendMsg', { MsgBody: 'not an array' }));
		expect(itemOn(await callWebhook({ rawBody: odd, query: callbackQuery() }), 1, 0).json.messageText).toBe('');
	});

	it.each<[string, unknown, string | null]>([
		['milliseconds', 1725540020017, '2024-09-05T12:40:20.017Z'],
		['milliseconds as digits', '1725540020017', '2024-09-05T12:40:20.017Z'],
		['missing', undefined, null],
		['not a number', 'yesterday', null],
		['out of range', 1e20, null],
	])('eventTime from EventTime %s', async (_name, EventTime, expected) => {
		const body = { SessionId: 's', Event: 'SessionBegin', EventTime };
		expect(itemOn(await callWebhook({ rawBody: JSON.stringify(body), query: callbackQuery() }), 1, 0).json.eventTime).toBe(expected);
	});

	it('takes the first of repeated query values for the callback metadata and leaves out non-strings', async () => {
		const query: Record<string, unknown> = { ...callbackQuery(), ClientIP: ['198.51.100.1', '198.51.100.2'], OptPlatform: { x: 1 } };
		const callback = itemOn(await callWebhook({ rawBody: JSON.stringify(sampleBody()), query }), 1, 0).json.callback as IDataObject;
		expect(callback.ClientIP).toBe('198.51.100.1');
		expect(callback).not.toHaveProperty('OptPlatform');
	});
});

/**
 * Where the trigger's webhook() puts a callback: one output or one per event, All Events or a selection,
 * unknown events, no events; and callback commands other than Desk.SessionEventNotify.
 */
import {
	callWebhook,
	callbackQuery,
	sampleBody,
	validRequest,
	type WebhookRequest,
} from '../helpers/webhookContext';
import { EVENT_VALUES, expectAckOnly, itemOn, perEventAll, UNKNOWN_EVENT } from '../helpers/webhookAssertions';

describe('routing', () => {
	it('single output with All Events: every event, known or not, on output 0', async () => {
		for (const event of [...EVENT_VALUES, UNKNOWN_EVENT]) {
			expect(itemOn(await callWebhook(validRequest(event)), 1, 0).json.Event).toBe(event);
		}
	});

	it('single output with some events: those on output 0, the rest acknowledged only', async () => {
		const setup = { parameters: { routing: 'single', events: ['SessionEnd', 'NoAgentOnline'] } };
		itemOn(await callWebhook(validRequest('SessionEnd'), setup), 1, 0);
		itemOn(await callWebhook(validRequest('NoAgentOnline'), setup), 1, 0);
		expectAckOnly(await callWebhook(validRequest('SessionBegin'), setup));
		expectAckOnly(await callWebhook(validRequest(UNKNOWN_EVENT), setup));
	});

	it('one output per event with All Events: 18 arrays, each event on its own, unknown ones on Other', async () => {
		for (const [index, event] of EVENT_VALUES.entries()) {
			expect(itemOn(await callWebhook(validRequest(event), perEventAll), 18, index).json.Event).toBe(event);
		}
		expect(itemOn(await callWebhook(validRequest(UNKNOWN_EVENT), perEventAll), 18, 17).json.Event).toBe(UNKNOWN_EVENT);
	});

	it('one output per selected event: catalogue order whatever the selection order; unselected and unknown dropped', async () => {
		const setup = { parameters: { routing: 'perEvent', events: ['SessionEnd', 'NoAgentOnline', 'SessionBegin'] } };
		itemOn(await callWebhook(validRequest('SessionBegin'), setup), 3, 0);
		itemOn(await callWebhook(validRequest('NoAgentOnline'), setup), 3, 1);
		itemOn(await callWebhook(validRequest('SessionEnd'), setup), 3, 2);
		expectAckOnly(await callWebhook(validRequest('ChatBot.UserSendMsg'), setup));
		expectAckOnly(await callWebhook(validRequest(UNKNOWN_EVENT), setup));
	});

	it('no events selected: everything acknowledged, nothing run', async () => {
		for (const routing of ['single', 'perEvent']) {
			for (const event of ['SessionBegin', UNKNOWN_EVENT]) {
				expectAckOnly(await callWebhook(validRequest(event), { parameters: { routing, events: [] } }));
			}
		}
	});
});

describe('other callback commands', () => {
	const otherCommand = (): WebhookRequest => ({
		rawBody: JSON.stringify(sampleBody('SessionBegin', { CallbackCommand: 'Desk.Other' })),
		query: callbackQuery({ command: 'Desk.Other' }),
	});

	it('are acknowledged without running by default', async () => {
		expectAckOnly(await callWebhook(otherCommand()));
		expectAckOnly(await callWebhook(otherCommand(), { parameters: { options: { allowOtherCommands: false } } }));
	});

	it('run with Run for Other Callback Commands, routed like any event', async () => {
		const item = itemOn(await callWebhook(otherCommand(), { parameters: { options: { allowOtherCommands: true } } }), 1, 0);
		expect(item.json.callback).toMatchObject({ CallbackCommand: 'Desk.Other' });
		itemOn(await callWebhook(otherCommand(), { parameters: { ...perEventAll.parameters, options: { allowOtherCommands: true } } }), 18, 0);
	});

	it('take the command from the body when the query has none', async () => {
		const query: Record<string, unknown> = { ...callbackQuery() };
		delete query.CallbackCommand;
		expectAckOnly(await callWebhook({ rawBody: JSON.stringify(sampleBody('SessionBegin', { CallbackCommand: 'Desk.Other' })), query }));
		itemOn(await callWebhook({ rawBody: JSON.stringify(sampleBody('SessionBegin')), query }), 1, 0);
	});

	it('do not crash the handler when the body’s command is an object that cannot become a string', async () => {
		const query: Record<string, unknown> = { ...callbackQuery() };
		delete query.CallbackCommand;
		const rawBody = '{"SessionId":"s","Event":"SessionBegin","CallbackCommand":{"toString":0,"valueOf":0}}';
		expectAckOnly(await callWebhook({ rawBody, query }));
		const item = itemOn(await callWebhook({ rawBody, query }, { parameters: { options: { allowOtherCommands: true } } }), 1, 0);
		expect(item.json.CallbackCommand).toEqual({ toString: 0, valueOf: 0 });
	});
});

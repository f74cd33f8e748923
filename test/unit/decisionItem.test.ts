/**
 * The item a decision callback becomes: Desk's fields unchanged, the camelCase fields a workflow
 * decides on, eventTime as ISO 8601, and the callback's query fields (never Sign).
 */
import { computeCallbackSign } from '../../nodes/shared/callbackSignature';
import { decisionItem } from '../../nodes/TencentCloudDeskDecisionTrigger/decisionItem';

const DECISION_ID = 'a0b1c2d3-0000-4000-8000-000000000001';
/** Every item carries the ID the answer step looks its delivery up by. */
const itemOf = (...[decision, command, body, query]: Parameters<typeof decisionItem>) => decisionItem(decision, command, body, query, DECISION_ID);

const QUERY = {
	SdkAppid: '1400000042',
	CallbackCommand: 'ChatBot.OnAssignHuman',
	contenttype: 'json',
	ClientIP: '10.0.0.7',
	OptPlatform: 'RESTAPI',
	RequestID: 'req-77',
	RequestTime: '1750769273',
	Sign: computeCallbackSign('item-test-token', '1750769273'),
};
const CALLBACK = {
	SdkAppid: '1400000042',
	CallbackCommand: 'ChatBot.OnAssignHuman',
	ClientIP: '10.0.0.7',
	OptPlatform: 'RESTAPI',
	RequestID: 'req-77',
	RequestTime: '1750769273',
};

it('has no decisionId when Desk was answered at once (none given)', () => {
	expect(decisionItem('assignHuman', 'ChatBot.OnAssignHuman', { SessionId: 's' }, {})).not.toHaveProperty('decisionId');
});

describe('assignHuman', () => {
	const body = {
		CallbackCommand: 'ChatBot.OnAssignHuman',
		SessionId: 'aa-bb-cc-dd',
		ClientUserId: '123',
		CustomerServiceId: '@customer_service_account',
		EventTime: 1670574414123,
	};

	it('keeps Desk’s fields and adds the readable ones', () => {
		expect(itemOf('assignHuman', 'ChatBot.OnAssignHuman', body, QUERY)).toEqual({
			...body,
			decision: 'assignHuman',
			callbackCommand: 'ChatBot.OnAssignHuman',
			sessionId: 'aa-bb-cc-dd',
			clientUserId: '123',
			customerServiceId: '@customer_service_account',
			eventTime: '2022-12-09T08:26:54.123Z',
			callback: CALLBACK,
			decisionId: DECISION_ID,
		});
	});

	it('leaves out readable fields Desk did not send as text (CustomerServiceId exists only with SDK light integration)', () => {
		const item = itemOf('assignHuman', 'ChatBot.OnAssignAgent', { SessionId: 's-1', ClientUserId: 42 }, {});
		expect(item).not.toHaveProperty('customerServiceId');
		expect(item).not.toHaveProperty('clientUserId');
		expect(item.ClientUserId).toBe(42);
		expect(item.callbackCommand).toBe('ChatBot.OnAssignAgent');
		expect(item.sessionId).toBe('s-1');
	});
});

describe('apiCall', () => {
	const variables = {
		SystemClientUserID: 'user517',
		SystemSessionID: '207cac25-f49e-4ada-9c9f-301cea31dcf2',
		staticKey: 'staticValue',
		testKey3: '',
	};
	const body = { CallbackCommand: 'Chatbot.InterfaceInvocation', Body: variables, EventTime: 1731488371784 };

	it('reads the session and user from the system variables and gives all variables as an object', () => {
		expect(itemOf('apiCall', 'Chatbot.InterfaceInvocation', body, { ...QUERY, CallbackCommand: 'Chatbot.InterfaceInvocation' })).toEqual({
			...body,
			decision: 'apiCall',
			callbackCommand: 'Chatbot.InterfaceInvocation',
			sessionId: '207cac25-f49e-4ada-9c9f-301cea31dcf2',
			clientUserId: 'user517',
			variables,
			eventTime: '2024-11-13T08:59:31.784Z',
			callback: { ...CALLBACK, CallbackCommand: 'Chatbot.InterfaceInvocation' },
			decisionId: DECISION_ID,
		});
	});

	it('gives variables without system variables, and no sessionId or clientUserId then', () => {
		const item = itemOf('apiCall', 'Chatbot.InterfaceInvocation', { Body: { orderId: 'o-1' } }, {});
		expect(item.variables).toEqual({ orderId: 'o-1' });
		expect(item).not.toHaveProperty('sessionId');
		expect(item).not.toHaveProperty('clientUserId');
	});
});

describe('beforeContact', () => {
	const body = {
		CallbackCommand: 'Desk.CallbackBeforeIMContactUser',
		ClientUserId: 'test_user_id',
		ChannelId: '@customer_service_account',
		ChannelType: 'SDK',
		GroupId: 4011,
		MemberId: 'staff@test.com',
		EventTime: 1750769273237,
	};

	it('names the user, the agent, the CS account, the channel type and the skill group', () => {
		expect(itemOf('beforeContact', 'Desk.CallbackBeforeIMContactUser', body, {})).toEqual({
			...body,
			decision: 'beforeContact',
			callbackCommand: 'Desk.CallbackBeforeIMContactUser',
			clientUserId: 'test_user_id',
			agentId: 'staff@test.com',
			customerServiceId: '@customer_service_account',
			channelType: 'SDK',
			skillGroupId: 4011,
			eventTime: '2025-06-24T12:47:53.237Z',
			callback: {},
			decisionId: DECISION_ID,
		});
	});

	it('turns a string GroupId (as Tencent’s table types it) into a number, keeping the raw field as sent', () => {
		const item = itemOf('beforeContact', 'Desk.CallbackBeforeIMContactUser', { ...body, GroupId: '4011' }, {});
		expect(item.skillGroupId).toBe(4011);
		expect(item.GroupId).toBe('4011');
	});

	it.each<[string, unknown]>([
		['not a number', 'sales'],
		['a negative string', '-3'],
		['null', null],
		['missing', undefined],
	])('leaves skillGroupId out when GroupId is %s', (_name, GroupId) => {
		expect(itemOf('beforeContact', 'Desk.CallbackBeforeIMContactUser', { ...body, GroupId }, {})).not.toHaveProperty('skillGroupId');
	});
});

describe('eventTime', () => {
	const at = (EventTime: unknown) => itemOf('assignHuman', 'ChatBot.OnAssignHuman', { SessionId: 's', EventTime }, {}).eventTime;

	it('reads milliseconds from a number or a numeric string', () => {
		expect(at(1670574414123)).toBe('2022-12-09T08:26:54.123Z');
		expect(at('1670574414123')).toBe('2022-12-09T08:26:54.123Z');
		expect(at(0)).toBe('1970-01-01T00:00:00.000Z');
	});

	it.each<[string, unknown]>([
		['missing', undefined],
		['null', null],
		['text', 'yesterday'],
		['a signed string', '-1'],
		['a decimal string', '1670574414123.5'],
		['beyond what a Date can hold', 1e20],
		['a numeric string beyond what a Date can hold', '100000000000000000000'],
		['an object', { ms: 1 }],
		['a boolean', true],
	])('is null when EventTime is %s', (_name, EventTime) => {
		expect(at(EventTime)).toBeNull();
	});
});

describe('callback query fields', () => {
	it('keeps the known query fields from their first value, never Sign or contenttype', () => {
		const item = itemOf('assignHuman', 'ChatBot.OnAssignHuman', { SessionId: 's' }, {
			...QUERY,
			SdkAppid: ['1400000042', '1'],
			RequestID: ['req-77', 'req-78'],
			Sign: [QUERY.Sign, 'x'],
			extra: 'not kept',
		});
		expect(item.callback).toEqual(CALLBACK);
		expect(JSON.stringify(item)).not.toContain(QUERY.Sign);
	});

	it('leaves out fields that are missing or not text', () => {
		expect(itemOf('assignHuman', 'ChatBot.OnAssignHuman', { SessionId: 's' }, { SdkAppid: 1400000042, ClientIP: ['10.0.0.7'] }).callback).toEqual({
			ClientIP: '10.0.0.7',
		});
	});

	it('puts its own fields after Desk’s, so a body cannot fake the decision or the callback fields', () => {
		const item = itemOf('assignHuman', 'ChatBot.OnAssignHuman', { SessionId: 's', decision: 'apiCall', callback: 'x', eventTime: 'y' }, {});
		expect(item.decision).toBe('assignHuman');
		expect(item.callback).toEqual({});
		expect(item.eventTime).toBeNull();
	});
});

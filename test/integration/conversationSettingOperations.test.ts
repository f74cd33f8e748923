/**
 * The action node's Conversation Setting operations (Get, Get Many, Update) and its picker, and Group Chat →
 * Create, through execute() against the simulator over real HTTP.
 */
import type { ILoadOptionsFunctions } from 'n8n-workflow';

import { searchConversationSettings } from '../../nodes/TencentCloudDesk/methods/customerServiceListSearch';
import { DEFAULT_CUSTOMER_SERVICE_ID } from '../../dev/simulator';
import { simulatorCredentials } from '../../dev/simulator/n8nCredential';
import { SEED_CONVERSATION_SETTINGS } from '../../dev/simulator/serviceSeedData';
import { byId, useDeskOperations } from '../helpers/deskOperations';
import { createExecuteContext, type Parameters } from '../helpers/executeContext';

jest.setTimeout(60_000);

const desk = useDeskOperations();
const { run, runExpectingError } = desk;

const setting = (operation: string, parameters: Parameters = {}): Parameters => ({ resource: 'conversationSetting', operation, options: {}, ...parameters });
const [first, second] = SEED_CONVERSATION_SETTINGS;
type Setting = { MultilingualSettings: Record<string, Record<string, unknown>> } & Record<string, unknown>;
const getOne = async (id: number) => (await run(setting('get', { setting: byId(id) }))).output[0].json as Setting;

describe('Conversation Setting', () => {
	it('gets every setting across Desk’s pages of 10, or up to a limit', async () => {
		const all = await run(setting('getAll', { returnAll: true }));
		expect(all.output.map((item) => item.json.ConversationSettingId)).toEqual(SEED_CONVERSATION_SETTINGS.map((entry) => entry.id));
		expect(all.context.requests.map((request) => (request.body as { PageNumber: number }).PageNumber)).toEqual([0, 1]);
		expect((await run(setting('getAll', { returnAll: false, limit: 3 }))).output).toHaveLength(3);
	});

	it('gets one by ID, and says so when it does not exist', async () => {
		expect(await getOne(first.id)).toMatchObject({ ConversationSettingId: first.id, Name: first.name, IsDefault: 1 });
		const { error } = await runExpectingError(setting('get', { setting: byId(99) }));
		expect(error.message).toBe('Conversation setting 99 does not exist');
	});

	it('updates the name and one language’s fields, leaving the rest', async () => {
		const before = await getOne(second.id);
		const { output, context } = await run(
			setting('update', { setting: byId(second.id), name: 'Pre-sales', language: 'zh', updateFields: { welcomeMessage: 'Hi!', endPromptDisabled: true, userTimeout: 120 } }),
		);
		const sent = { Name: 'Pre-sales', MultilingualSettings: { zh: { WelcomeMessage: 'Hi!', EndPromptDisabled: 1, UserTimeout: 120 } } };
		expect(context.requests[0].body).toEqual({ ConversationSettingId: second.id, ConversationSettings: sent });
		expect(output[0].json).toEqual({ ConversationSettingId: second.id, ConversationSettings: sent, updated: true });
		const after = await getOne(second.id);
		expect(after.MultilingualSettings.zh).toEqual({ ...before.MultilingualSettings.zh, WelcomeMessage: 'Hi!', EndPromptDisabled: 1, UserTimeout: 120 });
	});

	it('sends only the name when no field is added, refuses an empty update, and names 141004 for an unknown setting', async () => {
		const { context } = await run(setting('update', { setting: byId(first.id), name: 'Renamed', language: 'zh', updateFields: {} }));
		expect(context.requests[0].body).toEqual({ ConversationSettingId: first.id, ConversationSettings: { Name: 'Renamed' } });
		expect((await runExpectingError(setting('update', { setting: byId(first.id), name: '', language: 'zh', updateFields: {} }))).error.message).toBe('Nothing to update');
		const { error } = await runExpectingError(setting('update', { setting: byId(99), name: 'x', language: 'zh', updateFields: {} }));
		expect(error.message).toBe('Tencent Cloud Desk error 141004: Invalid parameter');
	});

	it('offers the settings in the picker, page by page', async () => {
		const loadOptions = createExecuteContext({ parameters: {}, credentials: simulatorCredentials(desk.simulator) }) as unknown as ILoadOptionsFunctions;
		const page0 = await searchConversationSettings.call(loadOptions);
		expect(page0.results[0]).toEqual({ name: `${first.name} (${first.id}) · default`, value: String(first.id) });
		expect(page0.paginationToken).toBe('1');
		const page1 = await searchConversationSettings.call(loadOptions, undefined, page0.paginationToken);
		expect(page1.results).toHaveLength(SEED_CONVERSATION_SETTINGS.length - 10);
		expect(page1.paginationToken).toBeUndefined();
	});
});

describe('Group Chat', () => {
	const group = (parameters: Parameters): Parameters => ({ resource: 'groupChat', operation: 'create', options: {}, type: 'Private', account: byId(DEFAULT_CUSTOMER_SERVICE_ID), additionalFields: {}, ...parameters });

	it('creates a group with the CS account first and the members after it', async () => {
		const { output, context } = await run(
			group({ groupId: 'vip-1', name: 'VIP', members: { member: [{ userId: 'user1', admin: true }, { userId: 'user2' }] }, additionalFields: { introduction: 'VIPs', ownerAccount: '' } }),
		);
		expect(context.requests[0].body).toEqual({
			Type: 'Private',
			GroupId: 'vip-1',
			Name: 'VIP',
			Introduction: 'VIPs',
			MemberList: [{ Member_Account: DEFAULT_CUSTOMER_SERVICE_ID }, { Member_Account: 'user1', Role: 'Admin' }, { Member_Account: 'user2' }],
		});
		expect(output[0].json).toMatchObject({ GroupId: 'vip-1', created: true });
		const again = await runExpectingError(group({ groupId: 'vip-1', name: 'VIP', members: { member: [{ userId: 'user1' }] } }));
		expect(again.error.message).toBe('Tencent Cloud Desk error 141004: Invalid parameter');
	});

	it('needs a member besides the CS account before calling Tencent', async () => {
		const { error, context } = await runExpectingError(group({ groupId: 'g', name: 'G', members: { member: [{ userId: DEFAULT_CUSTOMER_SERVICE_ID }] } }));
		expect(error.message).toContain('members besides the customer service account');
		expect(context.requests).toHaveLength(0);
	});
});

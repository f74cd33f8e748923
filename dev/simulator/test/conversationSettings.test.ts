/**
 * The simulator's conversation-settings and group-chat commands over real HTTP:
 * get_channel_specific_conversation_settings (pages of at most 10 from page 0, picking by ID),
 * update_channel_specific_conversation_settings (absent fields unchanged), create_group (one CS
 * account and another member), and 141004 for each invalid request.
 */
import { DEFAULT_CUSTOMER_SERVICE_ID, SEED_IM_AGENTS } from '..';
import { SEED_CONVERSATION_SETTINGS } from '../serviceSeedData';
import { expectFail, expectOk } from '../../../test/helpers/deskAnswers';
import { useSimulator } from './helpers';

const api = useSimulator(() => ({ faults: { rateLimitPerSecond: 0 } }));
const { call } = api;

beforeEach(() => api.sim.reset());

type Setting = { ConversationSettingId: number; Name: string; IsDefault: number; MultilingualSettings: Record<string, Record<string, unknown>> };
const [first, second] = SEED_CONVERSATION_SETTINGS;
const settingOf = async (id: number) => ((await call('get_channel_specific_conversation_settings', { ConversationSettingIdList: [id] })).Data as Setting[])[0];

describe('get_channel_specific_conversation_settings', () => {
	it('pages 10 at a time from page 0 by default, with the total', async () => {
		const page0 = await call('get_channel_specific_conversation_settings', {});
		expectOk(page0);
		expect(page0.TotalCount).toBe(SEED_CONVERSATION_SETTINGS.length);
		expect((page0.Data as Setting[]).map((setting) => setting.ConversationSettingId)).toEqual(SEED_CONVERSATION_SETTINGS.slice(0, 10).map((setting) => setting.id));
		expect((page0.Data as Setting[])[0]).toMatchObject({ Name: first.name, IsDefault: 1, MultilingualSettings: { zh: { UserTimeout: 300 } } });
		const page1 = await call('get_channel_specific_conversation_settings', { PageNumber: 1, PageSize: 10 });
		expect((page1.Data as Setting[]).map((setting) => setting.ConversationSettingId)).toEqual(SEED_CONVERSATION_SETTINGS.slice(10).map((setting) => setting.id));
		const picked = await call('get_channel_specific_conversation_settings', { ConversationSettingIdList: [second.id, 1] });
		expect(picked).toMatchObject({ TotalCount: 1, Data: [{ ConversationSettingId: second.id }] });
	});

	it('refuses a negative page, a page size over 10 and IDs that are not integers (141004)', async () => {
		expectFail(await call('get_channel_specific_conversation_settings', { PageNumber: -1 }), 141004, /PageNumber/);
		expectFail(await call('get_channel_specific_conversation_settings', { PageSize: 11 }), 141004, /PageSize/);
		expectFail(await call('get_channel_specific_conversation_settings', { ConversationSettingIdList: ['10001'] }), 141004, /ConversationSettingIdList/);
	});
});

describe('update_channel_specific_conversation_settings', () => {
	it('changes the name and the fields sent, and leaves the others', async () => {
		const before = await settingOf(second.id);
		expectOk(
			await call('update_channel_specific_conversation_settings', {
				ConversationSettingId: second.id,
				ConversationSettings: { Name: 'Pre-sales', MultilingualSettings: { zh: { WelcomeMessage: 'Hi!', EndPromptDisabled: 1 } } },
			}),
		);
		const after = await settingOf(second.id);
		expect(after.Name).toBe('Pre-sales');
		expect(after.MultilingualSettings.zh).toEqual({ ...before.MultilingualSettings.zh, WelcomeMessage: 'Hi!', EndPromptDisabled: 1 });
		expect(await settingOf(first.id)).toMatchObject({ Name: first.name });
	});

	it('refuses an unknown setting, a mis-cased key and a bad switch with 141004, changing nothing', async () => {
		const update = (settings: Record<string, unknown>, id = second.id) => call('update_channel_specific_conversation_settings', { ConversationSettingId: id, ConversationSettings: settings });
		expectFail(await update({ Name: 'x' }, 99), 141004, /ConversationSettingId 99 does not exist/);
		expectFail(await update({ MultilingualSettings: { zh: { welcomeMessage: 'x' } } }), 141004, /welcomeMessage is not a known field/);
		expectFail(await update({ MultilingualSettings: { zh: { EndPromptDisabled: true } } }), 141004, /EndPromptDisabled/);
		expectFail(await call('update_channel_specific_conversation_settings', { ConversationSettingId: second.id }), 141004, /ConversationSettings is required/);
		expect((await settingOf(second.id)).Name).toBe(second.name);
	});
});

describe('create_group', () => {
	const members = [{ Member_Account: DEFAULT_CUSTOMER_SERVICE_ID }, { Member_Account: 'user1', Role: 'Admin' }];

	it('creates a group with one customer-service account and a customer', async () => {
		expectOk(await call('create_group', { Type: 'Private', GroupId: 'vip-1', Name: 'VIP', Introduction: 'Our VIPs', MemberList: members }));
		// Its ID is now taken.
		expectFail(await call('create_group', { Type: 'Private', GroupId: 'vip-1', Name: 'VIP', MemberList: members }), 141004, /vip-1 already exists/);
	});

	it('refuses zero or two CS accounts, no other member, another type, and too many members (141004)', async () => {
		const create = (extra: Record<string, unknown>) => call('create_group', { Type: 'Public', GroupId: 'g', Name: 'G', MemberList: members, ...extra });
		expectFail(await create({ MemberList: [{ Member_Account: 'user1' }] }), 141004, /exactly one customer service account \(has 0\)/);
		expectFail(await create({ MemberList: [...members, { Member_Account: SEED_IM_AGENTS[0].userId }] }), 141004, /has 2/);
		expectFail(await create({ MemberList: [{ Member_Account: DEFAULT_CUSTOMER_SERVICE_ID }] }), 141004, /besides the customer service account/);
		expectFail(await create({ Type: 'AVChatRoom' }), 141004, /Type/);
		const many = Array.from({ length: 101 }, (_, index) => ({ Member_Account: `u${index}` }));
		expectFail(await create({ MemberList: many }), 141004, /at most 100/);
		expectFail(await create({ Name: undefined }), 141004, /Name is required/);
	});
});

/**
 * The simulator's customer-service account commands over real HTTP: add_im_agent, update_im_agent,
 * delete_im_agent and get_im_agent_list_multilingual, with both lists agreeing, the per-app limit
 * (141007), the default account that cannot be deleted, and each refusal (141004) changing nothing.
 */
import { DEFAULT_CUSTOMER_SERVICE_ID, SEED_IM_AGENTS } from '..';
import { MAX_IM_AGENTS } from '../imAgentStore';
import { expectFail, expectOk } from '../../../test/helpers/deskAnswers';
import { useSimulator } from './helpers';

const api = useSimulator(() => ({ faults: { rateLimitPerSecond: 0 } }));
const { call } = api;

beforeEach(() => api.sim.reset());

const plainIds = async () => ((await call('get_im_agent_list')).Data as Array<{ IMAgentUserId: string }>).map((agent) => agent.IMAgentUserId);
const multilingual = async (body: Record<string, unknown> = {}) => (await call('get_im_agent_list_multilingual', body)).Data as Array<Record<string, unknown>>;

describe('add_im_agent', () => {
	it('creates an account that both lists show, with its prompts under MultilingualSettings', async () => {
		expectOk(
			await call('add_im_agent', {
				IMAgentUserID: '@cs_shop',
				IMAgentNick: 'Shop',
				WelcomeMessage: 'Welcome!',
				ChatbotDisabled: 1,
				AgentGroupId: 2,
				UserTimeout: 600,
				WorkTimeConfig: { Type: 1, Periods: [{ Day: 'Monday', PeriodsWithinOneDay: [{ Start: '09:00', End: '11:30' }] }] },
			}),
		);
		expect(await plainIds()).toEqual([DEFAULT_CUSTOMER_SERVICE_ID, ...SEED_IM_AGENTS.map((agent) => agent.userId), '@cs_shop']);
		const [shop] = await multilingual({ IMAgentUserIDList: ['@cs_shop'] });
		expect(shop).toMatchObject({ IMAgentUserID: '@cs_shop', IMAgentNick: 'Shop', ChatbotDisabled: 1, AgentGroupId: 2 });
		expect(shop.MultilingualSettings).toEqual({
			zh: { WelcomeMessage: 'Welcome!', UserTimeout: 600, WorkTimeConfig: { Type: 1, Periods: [{ Day: 'Monday', PeriodsWithinOneDay: [{ Start: '09:00', End: '11:30' }] }] } },
		});
	});

	it('refuses a taken ID, a mis-cased field, an unknown skill group and a bad work time with 141004', async () => {
		expectFail(await call('add_im_agent', { IMAgentUserID: DEFAULT_CUSTOMER_SERVICE_ID }), 141004, /IMAgentUserID .*already exists/);
		expectFail(await call('add_im_agent', { IMAgentUserId: '@cs_new' }), 141004, /IMAgentUserId is not a known field/);
		expectFail(await call('add_im_agent', { IMAgentUserID: '@cs_new', AgentGroupId: 99 }), 141004, /AgentGroupId 99 is not a skill group/);
		expectFail(await call('add_im_agent', { IMAgentUserID: '@cs_new', WorkTimeConfig: { Type: 1, Periods: [{ Day: 'Mon' }] } }), 141004, /Periods.Day/);
		expectFail(await call('add_im_agent', { IMAgentUserID: '@cs_new', ChatbotDisabled: 2 }), 141004, /ChatbotDisabled/);
		expect(await plainIds()).not.toContain('@cs_new');
	});

	it(`stops at ${MAX_IM_AGENTS} accounts with 141007`, async () => {
		const free = MAX_IM_AGENTS - (SEED_IM_AGENTS.length + 1);
		for (let index = 0; index < free; index++) expectOk(await call('add_im_agent', { IMAgentUserID: `@cs_${index}` }));
		expectFail(await call('add_im_agent', { IMAgentUserID: '@cs_one_too_many' }), 141007);
		expect(await plainIds()).toHaveLength(MAX_IM_AGENTS);
	});
});

describe('update_im_agent', () => {
	it('changes only the fields sent', async () => {
		expectOk(await call('add_im_agent', { IMAgentUserID: '@cs_shop', IMAgentNick: 'Shop', WelcomeMessage: 'Hi', EndPrompt: 'Bye' }));
		expectOk(await call('update_im_agent', { IMAgentUserID: '@cs_shop', WelcomeMessage: 'Hello again', AgentGroupId: 1 }));
		const [shop] = await multilingual({ IMAgentUserIDList: ['@cs_shop'] });
		expect(shop).toMatchObject({ IMAgentNick: 'Shop', AgentGroupId: 1, MultilingualSettings: { zh: { WelcomeMessage: 'Hello again', EndPrompt: 'Bye' } } });
	});

	it('answers 141004 for an unknown account or a missing ID', async () => {
		expectFail(await call('update_im_agent', { IMAgentUserID: '@nobody', IMAgentNick: 'x' }), 141004, /@nobody does not exist/);
		expectFail(await call('update_im_agent', { IMAgentNick: 'x' }), 141004, /IMAgentUserID is required/);
	});
});

describe('delete_im_agent', () => {
	it('deletes an account from both lists', async () => {
		const [first] = SEED_IM_AGENTS;
		expectOk(await call('delete_im_agent', { IMAgentUserID: first.userId }));
		expect(await plainIds()).not.toContain(first.userId);
		expect((await multilingual()).map((agent) => agent.IMAgentUserID)).not.toContain(first.userId);
	});

	it('keeps the default account and refuses unknown ones with 141004', async () => {
		expectFail(await call('delete_im_agent', { IMAgentUserID: DEFAULT_CUSTOMER_SERVICE_ID }), 141004, /default account/);
		expectFail(await call('delete_im_agent', { IMAgentUserID: '@nobody' }), 141004, /does not exist/);
		expect(await plainIds()).toContain(DEFAULT_CUSTOMER_SERVICE_ID);
	});
});

describe('get_im_agent_list_multilingual', () => {
	it('lists every account, or the ones asked for, and refuses a list that is not of strings', async () => {
		expect((await multilingual()).map((agent) => agent.IMAgentUserID)).toEqual(await plainIds());
		expect((await multilingual({ IMAgentUserIDList: [SEED_IM_AGENTS[1].userId, '@unknown'] })).map((agent) => agent.IMAgentUserID)).toEqual([SEED_IM_AGENTS[1].userId]);
		expectFail(await call('get_im_agent_list_multilingual', { IMAgentUserIDList: [1] }), 141004, /IMAgentUserIDList/);
	});
});

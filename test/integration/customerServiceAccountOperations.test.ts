/**
 * The action node's Customer Service Account operations (Create, Update, Delete, Get Many with and without
 * settings) and the account picker, through execute() against the simulator over real HTTP.
 */
import type { ILoadOptionsFunctions } from 'n8n-workflow';

import { searchCustomerServiceAccounts } from '../../nodes/TencentCloudDesk/methods/customerServiceListSearch';
import { DEFAULT_CUSTOMER_SERVICE_ID, SEED_IM_AGENTS } from '../../dev/simulator';
import { simulatorCredentials } from '../../dev/simulator/n8nCredential';
import { byId, useDeskOperations } from '../helpers/deskOperations';
import { createExecuteContext, type Parameters } from '../helpers/executeContext';

jest.setTimeout(60_000);

const desk = useDeskOperations();
const { run, runExpectingError } = desk;

const account = (operation: string, parameters: Parameters = {}): Parameters => ({ resource: 'customerServiceAccount', operation, options: {}, ...parameters });
const getMany = async (parameters: Parameters = {}) => (await run(account('getAll', { returnAll: true, ...parameters }))).output.map((item) => item.json);

describe('Customer Service Account', () => {
	it('creates an account with settings, which Get Many then lists, with its prompts when settings are included', async () => {
		const { output } = await run(
			account('create', {
				accountId: '@shop',
				additionalFields: { nickName: 'Shop', welcomeMessage: 'Welcome!', chatbotDisabled: true, displayedSkillGroupIds: '1, 2', workTimeConfig: '{"Type":0}' },
			}),
		);
		expect(output[0].json).toMatchObject({ IMAgentUserID: '@shop', ChatbotDisabled: 1, DisplayGroupsChoices: [1, 2], WorkTimeConfig: { Type: 0 }, created: true });
		expect((await getMany()).map((entry) => entry.IMAgentUserId)).toContain('@shop');
		const [shop] = await getMany({ includeSettings: true, accountIds: '@shop' });
		expect(shop).toMatchObject({ IMAgentUserID: '@shop', IMAgentNick: 'Shop', ChatbotDisabled: 1, MultilingualSettings: { zh: { WelcomeMessage: 'Welcome!', WorkTimeConfig: { Type: 0 } } } });
	});

	it('limits Get Many unless Return All', async () => {
		expect(await getMany({ returnAll: false, limit: 2 })).toHaveLength(2);
		expect(await getMany()).toHaveLength(SEED_IM_AGENTS.length + 1);
	});

	it('updates only the fields added, and refuses an update with none', async () => {
		await run(account('create', { accountId: '@shop', additionalFields: { nickName: 'Shop', endPrompt: 'Bye' } }));
		const { output } = await run(account('update', { account: byId('@shop'), updateFields: { endPrompt: 'See you' } }));
		expect(output[0].json).toEqual({ IMAgentUserID: '@shop', EndPrompt: 'See you', updated: true });
		const [shop] = await getMany({ includeSettings: true, accountIds: '@shop' });
		expect(shop).toMatchObject({ IMAgentNick: 'Shop', MultilingualSettings: { zh: { EndPrompt: 'See you' } } });
		const { error } = await runExpectingError(account('update', { account: byId('@shop'), updateFields: {} }));
		expect(error.message).toBe('No field to update');
	});

	it('deletes an account; the default one is refused with Tencent’s 141004', async () => {
		const { output } = await run(account('delete', { account: byId(SEED_IM_AGENTS[0].userId) }));
		expect(output[0].json).toEqual({ IMAgentUserID: SEED_IM_AGENTS[0].userId, deleted: true });
		expect((await getMany()).map((entry) => entry.IMAgentUserId)).not.toContain(SEED_IM_AGENTS[0].userId);
		const { error } = await runExpectingError(account('delete', { account: byId(DEFAULT_CUSTOMER_SERVICE_ID) }));
		expect(error.message).toBe('Tencent Cloud Desk error 141004: Invalid parameter');
		expect(error.description).toContain('cannot be deleted');
	});

	it('answers 141007 beyond the account limit, and rejects a bad skill group list before calling Tencent', async () => {
		for (let index = 0; index < 7; index++) await run(account('create', { accountId: `@cs_${index}`, additionalFields: {} }));
		const { error } = await runExpectingError(account('create', { accountId: '@one_too_many', additionalFields: {} }));
		expect(error.message).toBe('Tencent Cloud Desk error 141007: The number of customer service accounts exceeds the maximum');
		const bad = await runExpectingError(account('update', { account: byId('@cs_1'), updateFields: { displayedSkillGroupIds: '1,x' } }));
		expect(bad.error.message).toBe('Displayed Skill Groups: “x” is not an ID');
		expect(bad.context.requests).toHaveLength(0);
	});

	it('offers the accounts in the picker, filtered by what is typed', async () => {
		const context = createExecuteContext({ parameters: {}, credentials: simulatorCredentials(desk.simulator) });
		const loadOptions = context as unknown as ILoadOptionsFunctions;
		expect((await searchCustomerServiceAccounts.call(loadOptions)).results).toHaveLength(SEED_IM_AGENTS.length + 1);
		expect((await searchCustomerServiceAccounts.call(loadOptions, 'pre-sales')).results).toEqual([
			{ name: `${SEED_IM_AGENTS[0].nick} (${SEED_IM_AGENTS[0].userId})`, value: SEED_IM_AGENTS[0].userId },
		]);
	});
});

/**
 * The customer-service configuration operations inside a real n8n 2.41.1 with the packed package
 * installed: one headless workflow creates a CS account, a quick-reply category and a group chat with
 * that account, updates a conversation setting and transfers a chatbot session to a human; the
 * simulator's state then shows each change. Also n8n's own resource-locator search for the new pickers.
 * One n8n for the file.
 */
import { callDeskApi, DEFAULT_CUSTOMER_SERVICE_ID, SEED_SESSION_IDS } from '../../dev/simulator';
import { SEED_CONVERSATION_SETTINGS } from '../../dev/simulator/serviceSeedData';
import { actionNodeChain, CREDENTIAL_NAME } from '../helpers/deskInN8n';
import { useSimulatorInN8n } from '../helpers/simulatorInN8n';

jest.setTimeout(180_000);

const NODE_TYPE = 'n8n-nodes-tencent-desk.tencentCloudDesk';
const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const noPicker = { __rl: true, mode: 'list', value: '' };
const setting = SEED_CONVERSATION_SETTINGS[1];


const env = useSimulatorInN8n();

const desk = (command: string, body: Record<string, unknown>) => callDeskApi(env.simulator.url, `desk_http_svc/${command}`, body);

describe('customer-service operations in a real n8n', () => {
	it('offers the new resources and operations in the node type n8n loaded', async () => {
		const [node] = (await env.n8n.api.nodeTypes()).filter((type) => type.name === NODE_TYPE) as unknown as Array<{ properties: Array<{ name: string; options?: Array<{ value: string }> }> }>;
		const resources = node.properties.find((property) => property.name === 'resource')?.options?.map((option) => option.value);
		expect(resources).toEqual(expect.arrayContaining(['customerServiceAccount', 'quickReply', 'conversationSetting', 'groupChat']));
		const operations = node.properties.filter((property) => property.name === 'operation').flatMap((property) => property.options?.map((option) => option.value) ?? []);
		expect(operations).toEqual(expect.arrayContaining(['create', 'update', 'delete', 'createGroup', 'getAll', 'get', 'transferToHuman', 'contactUser', 'sendStreamMessage']));
	});

	it('with Continue On Fail, a Desk error item carries n8n’s error and the “… as Data” fields into the next node', async () => {
		const chain = actionNodeChain('Error output headless', [
			{ name: 'End', parameters: { resource: 'session', operation: 'end', sessionId: 'no-such-session', options: {} } },
		]);
		const end = chain.nodes.find((node) => node.name === 'End');
		Object.assign(end ?? {}, { onError: 'continueRegularOutput' });
		const workflow = {
			...chain,
			nodes: [...chain.nodes, { name: 'Next', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [440, 0] as [number, number], parameters: {} }],
			connections: { ...chain.connections, End: { main: [[{ node: 'Next', type: 'main', index: 0 }]] } },
		};
		const { id } = await env.n8n.api.createWorkflow(workflow);
		const result = await env.n8n.runWorkflowHeadless(id);
		expect({ code: result.code, error: result.data?.data.resultData.error }).toEqual({ code: 0, error: undefined });
		const runData = (result.data?.data.resultData.runData ?? {}) as Record<string, Array<{ data?: { main?: Array<Array<{ json: Record<string, unknown> }>> } }>>;
		expect(runData.Next?.[0]?.data?.main?.[0]?.map((item) => item.json)).toEqual([
			{
				error: 'Tencent Cloud Desk error 141005: The session does not exist or has ended',
				description: expect.stringContaining('“Return Already Ended as Data”'),
				errorCode: 141005,
				errorMeaning: 'The session does not exist or has ended',
				errorInfo: expect.any(String),
			},
		]);
	});

	it('with Continue (using error output), a Desk error item goes to the error output with the Desk fields under details', async () => {
		const chain = actionNodeChain('Error output branch headless', [
			{ name: 'End', parameters: { resource: 'session', operation: 'end', sessionId: 'no-such-session', options: {} } },
		]);
		const end = chain.nodes.find((node) => node.name === 'End');
		Object.assign(end ?? {}, { onError: 'continueErrorOutput' });
		const noOp = (name: string, y: number) => ({ name, type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [440, y] as [number, number], parameters: {} });
		const workflow = {
			...chain,
			nodes: [...chain.nodes, noOp('Ended', 0), noOp('Failed', 200)],
			connections: { ...chain.connections, End: { main: [[{ node: 'Ended', type: 'main', index: 0 }], [{ node: 'Failed', type: 'main', index: 0 }]] } },
		};
		const { id } = await env.n8n.api.createWorkflow(workflow);
		const result = await env.n8n.runWorkflowHeadless(id);
		expect({ code: result.code, error: result.data?.data.resultData.error }).toEqual({ code: 0, error: undefined });
		const runData = (result.data?.data.resultData.runData ?? {}) as Record<string, Array<{ data?: { main?: Array<Array<{ json: Record<string, unknown> }>> } }>>;
		expect(runData.Ended).toBeUndefined();
		const [failed] = runData.Failed?.[0]?.data?.main?.[0] ?? [];
		expect(failed?.json).toMatchObject({
			error: 'Tencent Cloud Desk error 141005: The session does not exist or has ended',
			details: { errorCode: 141005, errorMeaning: 'The session does not exist or has ended', description: expect.stringContaining('“Return Already Ended as Data”') },
		});
	});

	it('creates an account, a category and a group chat, updates a setting and transfers to a human, run headless', async () => {
		const workflow = actionNodeChain('Customer-service setup headless', [
			{
				name: 'Create Account',
				parameters: { resource: 'customerServiceAccount', operation: 'create', accountId: '@e2e_shop', additionalFields: { nickName: 'E2E Shop', welcomeMessage: 'Hi' }, options: {} },
			},
			{
				name: 'Create Category',
				parameters: { resource: 'quickReply', operation: 'createGroup', groupName: 'E2E scripts', useScopeType: 'members', agentEmails: 'alice@example.com', options: {} },
			},
			{
				name: 'Update Setting',
				parameters: { resource: 'conversationSetting', operation: 'update', setting: byId(String(setting.id)), name: 'E2E', language: 'zh', updateFields: { welcomeMessage: 'Hello from n8n' }, options: {} },
			},
			{
				name: 'Create Group Chat',
				parameters: {
					resource: 'groupChat',
					operation: 'create',
					groupId: 'e2e-group',
					name: 'E2E',
					type: 'Private',
					account: byId("={{ $('Create Account').item.json.IMAgentUserID }}"),
					members: { member: [{ userId: 'user1', admin: true }] },
					additionalFields: {},
					options: {},
				},
			},
			{
				name: 'Transfer to Human',
				parameters: { resource: 'session', operation: 'transferToHuman', sessionId: SEED_SESSION_IDS.chatbot, skillGroup: noPicker, preferredAgents: 'grace@example.com', options: {} },
			},
		]);
		const { id } = await env.n8n.api.createWorkflow(workflow);
		const result = await env.n8n.runWorkflowHeadless(id);
		expect(result.code).toBe(0);
		const output = JSON.stringify(result.data);
		for (const marker of ['"IMAgentUserID":"@e2e_shop"', '"GroupName":"E2E scripts"', '"updated":true', '"GroupId":"e2e-group"', '"AgentId":"grace@example.com"']) {
			expect(output).toContain(marker);
		}
		expect(output).not.toContain(env.simulator.app.secretKey);

		// What Desk (the simulator) now holds.
		expect(((await desk('get_im_agent_list', {})).Data as Array<{ IMAgentUserId: string }>).map((account) => account.IMAgentUserId)).toContain('@e2e_shop');
		const categories = (await desk('get_available_quick_reply_list', { MemberId: 'alice@example.com' })).Data as Array<{ GroupName: string }>;
		expect(categories.map((category) => category.GroupName)).toContain('E2E scripts');
		const settings = await desk('get_channel_specific_conversation_settings', { ConversationSettingIdList: [setting.id] });
		expect(settings.Data).toMatchObject([{ Name: 'E2E', MultilingualSettings: { zh: { WelcomeMessage: 'Hello from n8n' } } }]);
		const again = await desk('create_group', { Type: 'Private', GroupId: 'e2e-group', Name: 'x', MemberList: [{ Member_Account: '@e2e_shop' }, { Member_Account: 'user2' }] });
		expect(again.ErrorInfo).toContain('e2e-group already exists');
		expect(await desk('get_session_state', { SessionId: SEED_SESSION_IDS.chatbot })).toMatchObject({ CurrentState: 'Agent', AgentId: 'grace@example.com' });
	});

	it('fills the customer service account picker through n8n’s resource-locator search', async () => {
		const answer = await env.n8n.api.rest<{ results: Array<{ name: string; value: string }> }>('POST', '/dynamic-node-parameters/resource-locator-results', {
			path: 'account',
			methodName: 'searchCustomerServiceAccounts',
			nodeTypeAndVersion: { name: NODE_TYPE, version: 1 },
			currentNodeParameters: { resource: 'customerServiceAccount', operation: 'delete', account: noPicker },
			credentials: { tencentCloudDeskApi: { id: env.credentialId, name: CREDENTIAL_NAME } },
			filter: 'customer',
		});
		expect(answer.results).toContainEqual({ name: `Customer Service (${DEFAULT_CUSTOMER_SERVICE_ID})`, value: DEFAULT_CUSTOMER_SERVICE_ID });
	});
});

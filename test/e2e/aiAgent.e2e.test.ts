/**
 * The action node as tools of n8n's own AI Agent, in a real n8n: n8n's OpenAI Chat Model node talks over HTTP to a
 * stand-in model (dev/harness/chatModelStandIn.ts) that reads the tools n8n offers and calls them; the tools call
 * the Desk simulator with signed requests. n8n runs without N8N_COMMUNITY_PACKAGES_ALLOW_TOOL_USAGE: n8n 2.x no
 * longer reads it and offers every `usableAsTool` community node as a tool. One n8n boot for the file.
 */
import { NodeHelpers, nodeNameToToolName, type INode } from 'n8n-workflow';

import type { WorkflowJson } from '../../dev/harness';
import {
	type ChatCompletionRequest,
	type ChatModelStandIn,
	messageText,
	startChatModelStandIn,
	toolResults,
} from '../../dev/harness/chatModelStandIn';
import { loadExample, triggerWebhookId, withBaseUrl } from '../../dev/harness/examples';
import { startShopStandIn, type ShopStandIn } from '../../dev/harness/shopStandIn';
import { TencentCloudDesk } from '../../nodes/TencentCloudDesk/TencentCloudDesk.node';
import { executionsSettled, expectExactAcks, firstItemOf } from '../helpers/deskInN8n';
import { useSimulatorInN8n } from '../helpers/simulatorInN8n';

const EXAMPLE = 'ai-agent-summarise-and-tag-session.json';
const OPENAI_CREDENTIAL = 'OpenAI account';
const TOOL_TYPE = 'n8n-nodes-tencent-desk.tencentCloudDeskTool';
const ANSWER_TYPE = 'n8n-nodes-tencent-desk.tencentCloudDeskDecisionAnswer';

const env = useSimulatorInN8n();
let model: ChatModelStandIn;
let crm: ShopStandIn;

beforeAll(async () => {
	model = await startChatModelStandIn();
	crm = await startShopStandIn();
	// The stand-in checks no key; a dummy one keeps n8n's OpenAI client from refusing to start.
	await env.n8n.api.createCredential(OPENAI_CREDENTIAL, 'openAiApi', { apiKey: 'sk-stand-in', url: model.url, header: false });
}, 60_000);

afterAll(async () => {
	await model?.close();
	await crm?.close();
});

/** The tools offered in a request, by name. */
function offeredTools(request: ChatCompletionRequest): Map<string, { description?: string; parameters?: Record<string, unknown> }> {
	return new Map((request.tools ?? []).map((tool) => [tool.function.name, tool.function]));
}

/** Every `messageText` in a tool result (the tool answers with the node's output items as JSON). */
function messageTexts(toolResult: string): string[] {
	return [...toolResult.matchAll(/"messageText":"((?:[^"\\]|\\.)*)"/g)].map(([, text]) => JSON.parse(`"${text}"`) as string);
}

describe(`examples/${EXAMPLE}, in a real n8n with a stand-in chat model`, () => {
	const example = loadExample(EXAMPLE);
	const toolNodes = example.nodes.filter((node) => node.type === TOOL_TYPE);
	const messagesTool = nodeNameToToolName('Get Session Messages');
	const recordsTool = nodeNameToToolName("Get Customer's Recent Sessions");

	it('n8n knows the action node as a tool, and not the Decision Answer (it answers a callback, never an agent)', async () => {
		const names = await env.n8n.api.nodeTypeNames();
		expect(names).toEqual(expect.arrayContaining([TOOL_TYPE, '@n8n/n8n-nodes-langchain.agent', ANSWER_TYPE]));
		expect(names).not.toContain(`${ANSWER_TYPE}Tool`);
	});

	it('a session that ends is read through the Desk tools, summarised, and its tags saved', async () => {
		const { n8n, simulator } = env;
		model.requests.length = 0;
		model.script = (request) => {
			const results = toolResults(request);
			if (results.length === 0) {
				// First turn: call both Desk tools with the ids the prompt gives, as a model would.
				const prompt = request.messages.filter((message) => message.role === 'user').map(messageText).join('\n');
				const sessionId = /Session ID: (\S+)/.exec(prompt)?.[1];
				const clientUserId = /\(ClientUserId\): (\S+)/.exec(prompt)?.[1];
				return {
					toolCalls: [
						{ name: messagesTool, arguments: { sessionId } },
						{ name: recordsTool, arguments: { clientUserId } },
					],
				};
			}
			// Then answer from what the tools returned, so the output proves the tool results reached the model, through
			// the tool n8n adds for the output parser (its prompt tells the model to answer only through it).
			const texts = messageTexts(results.find((result) => result.name === messagesTool)?.content ?? '');
			const damaged = texts.some((text) => /damaged/i.test(text));
			const answer = {
				summary: `${texts.length} messages. The customer wrote: "${texts[0] ?? '(none)'}"`,
				tags: damaged ? ['delivery', 'damaged-item'] : ['other'],
			};
			// n8n's schema for that tool wraps the parser's under `output` (asserted below).
			return { toolCalls: [{ name: 'format_final_json_response', arguments: { output: answer } }] };
		};
		const workflow = withBaseUrl(example, 'https://crm.example.com', crm.url);
		const workflowId = (await n8n.api.createWorkflow(workflow)).id;
		await n8n.api.activateWorkflow(workflowId);
		const url = n8n.api.webhookUrl(triggerWebhookId(workflow), 'webhook');
		await n8n.api.waitForWebhook(url);
		simulator.resetStats();

		const acks = await simulator.playScript('happyPath', { url });
		expectExactAcks(acks);
		const sessionId = String(acks[0].sessionId);
		const customer = simulator.sessions.get(sessionId)?.clientUserId as string;
		const [execution] = await executionsSettled(n8n, workflowId, 1);
		expect({ status: execution.status, error: execution.data?.resultData.error?.message }).toEqual({ status: 'success', error: undefined });

		// The model was offered both Desk tools, described and with the parameters $fromAI() declares.
		const first = model.requests[0];
		expect(first.model).toBe('gpt-4.1-mini');
		const offered = offeredTools(first);
		expect([...offered.keys()].sort()).toEqual([messagesTool, recordsTool, 'format_final_json_response'].sort());
		expect(toolNodes).toHaveLength(2);
		for (const node of toolNodes) {
			const tool = offered.get(nodeNameToToolName(node.name));
			expect(tool?.description).toBe(node.parameters?.toolDescription);
		}
		expect(offered.get(messagesTool)?.parameters).toMatchObject({
			type: 'object',
			properties: { sessionId: { type: 'string', description: expect.stringContaining('SessionId') } },
			required: ['sessionId'],
		});
		expect(offered.get(recordsTool)?.parameters).toMatchObject({ properties: { clientUserId: { type: 'string' } } });
		expect(offered.get('format_final_json_response')?.parameters).toMatchObject({
			properties: { output: { properties: { summary: { type: 'string' }, tags: { type: 'array' } } } },
		});

		// Each tool ran once against the simulator, signed and accepted (every answer ErrorCode 0).
		const stats = simulator.stats();
		expect(stats.byCommand).toEqual({ 'desk_http_svc/describe_chat_messages': 1, 'desk_http_svc/describe_im_cdr_list': 1 });
		expect(stats.byErrorCode).toEqual({ '0': 2 });

		// The tool results the model got back are the session's real conversation and the customer's records.
		const second = model.requests[1];
		const results = toolResults(second);
		const expectedTexts = simulator.sessions
			.get(sessionId)
			?.messages.map((message) => message.msgBody.map((element) => String((element.MsgContent as { Text?: string }).Text ?? '')).join(''));
		expect(messageTexts(results.find((result) => result.name === messagesTool)?.content ?? '')).toEqual(expectedTexts);
		expect(results.find((result) => result.name === recordsTool)?.content).toContain(sessionId);
		expect(model.requests).toHaveLength(2);

		// The structured answer went on to the CRM as the session's summary and tags.
		const output = { summary: `${expectedTexts?.length} messages. The customer wrote: "My parcel arrived damaged."`, tags: ['delivery', 'damaged-item'] };
		expect(firstItemOf(execution, 'Summarise and Tag')).toEqual({ output });
		expect(crm.posts).toEqual([
			{
				path: `/desk-sessions/${encodeURIComponent(sessionId)}/tags`,
				body: { sessionId, customer, endedAt: expect.any(String), ...output },
			},
		]);
	}, 120_000);
});

describe('tools with the descriptions n8n writes itself', () => {
	const deskNode = new TencentCloudDesk();
	const tools = [
		{ name: 'Session State', parameters: { resource: 'session', operation: 'getState', lookupBy: 'sessionId' }, fromAi: 'sessionId' },
		{ name: 'Session Messages', parameters: { resource: 'session', operation: 'getMessages' }, fromAi: 'sessionId' },
		{ name: 'Skill Groups', parameters: { resource: 'skillGroup', operation: 'getAll', returnAll: true }, fromAi: undefined },
	];

	/** Manual trigger → AI Agent with the OpenAI model and the tools above, left on n8n's automatic description. */
	function agentWorkflow(prompt: string): WorkflowJson {
		const credentials = { tencentCloudDeskApi: { id: env.credentialId, name: 'Tencent Cloud Desk account' } };
		return {
			name: 'Agent with automatic tool descriptions',
			nodes: [
				{ id: 'a0', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
				{
					id: 'a1',
					name: 'Agent',
					type: '@n8n/n8n-nodes-langchain.agent',
					typeVersion: example().agentVersion,
					position: [200, 0],
					parameters: { promptType: 'define', text: prompt, options: {} },
				},
				{ ...example().model, id: 'a2', position: [200, 200] },
				...tools.map((tool, index) => ({
					id: `t${index}`,
					name: tool.name,
					type: TOOL_TYPE,
					typeVersion: 1,
					position: [400 + 150 * index, 200] as [number, number],
					credentials,
					parameters: {
						...tool.parameters,
						...(tool.fromAi ? { [tool.fromAi]: `={{ $fromAI('${tool.fromAi}', 'The SessionId', 'string') }}` } : {}),
						options: {},
					},
				})),
			],
			connections: {
				Start: { main: [[{ node: 'Agent', type: 'main', index: 0 }]] },
				'OpenAI Chat Model': { ai_languageModel: [[{ node: 'Agent', type: 'ai_languageModel', index: 0 }]] },
				...Object.fromEntries(tools.map((tool) => [tool.name, { ai_tool: [[{ node: 'Agent', type: 'ai_tool', index: 0 }]] }])),
			},
			settings: { executionOrder: 'v1' },
		};
	}

	function example() {
		const nodes = loadExample(EXAMPLE).nodes;
		const agent = nodes.find((node) => node.type === '@n8n/n8n-nodes-langchain.agent');
		const chatModel = nodes.find((node) => node.name === 'OpenAI Chat Model');
		if (!agent || !chatModel) throw new Error(`${EXAMPLE} lost its agent or model`);
		return { agentVersion: agent.typeVersion, model: chatModel };
	}

	it('offers each operation described by its action, and the agent gets a session state through one', async () => {
		const { n8n, simulator } = env;
		const session = simulator.sessions.create({});
		simulator.sessions.advance(session.sessionId, 'SessionBegin');
		model.requests.length = 0;
		model.script = (request) => {
			const result = toolResults(request).find((entry) => entry.name === 'Session_State');
			if (!result) return { toolCalls: [{ name: 'Session_State', arguments: { sessionId: session.sessionId } }] };
			return { content: `The session is ${/"CurrentState":"(\w+)"/.exec(result.content)?.[1] ?? 'unknown'}.` };
		};
		const workflowId = (await n8n.api.createWorkflow(agentWorkflow(`What state is session ${session.sessionId} in?`))).id;
		simulator.resetStats();

		const run = await n8n.runWorkflowHeadless(workflowId, { timeoutMs: 60_000 });
		expect({ code: run.code, error: run.data?.data.resultData.error }).toEqual({ code: 0, error: undefined });

		// What the model saw is exactly n8n's own automatic description of each tool node.
		const offered = offeredTools(model.requests[0]);
		expect([...offered.keys()].sort()).toEqual(['Session_Messages', 'Session_State', 'Skill_Groups']);
		for (const tool of tools) {
			const node = { name: tool.name, parameters: tool.parameters } as unknown as INode;
			const description = NodeHelpers.getToolDescriptionForNode(node, deskNode);
			expect(offered.get(nodeNameToToolName(tool.name))?.description).toBe(description);
		}
		expect(offered.get('Session_State')?.description).toBe('Get the state of a session in Tencent Cloud Desk');
		expect(simulator.stats().byCommand).toEqual({ 'desk_http_svc/get_session_state': 1 });
		const runData = run.data?.data.resultData.runData as Record<string, Array<{ data?: { main?: Array<Array<{ json: Record<string, unknown> }>> } }>>;
		expect(runData.Agent?.[0]?.data?.main?.[0]?.[0]?.json).toEqual({ output: 'The session is Chatbot.' });
	}, 120_000);
});

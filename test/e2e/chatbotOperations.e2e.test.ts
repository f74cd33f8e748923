/**
 * The chatbot operations inside a real n8n 2.41.1 with the packed package installed: the three
 * resources offered by the installed node, and one headless run that creates an FAQ category and an
 * FAQ in it, reads them back, adds a small-talk question and reads the bot's settings against the
 * simulator, within Tencent's 5 calls/s as the simulator counts them. One n8n for the file.
 */
import type { WorkflowJson } from '../../dev/harness';
import { SEED_ROBOT_CONFIG } from '../../dev/simulator';
import { actionNodeChain } from '../helpers/deskInN8n';
import { useSimulatorInN8n } from '../helpers/simulatorInN8n';

jest.setTimeout(180_000);


const env = useSimulatorInN8n();

const byId = (value: string) => ({ __rl: true, mode: 'id', value });

/** Each action runs once whatever its input (Get Many gives several items). */
function runOnce(workflow: WorkflowJson): WorkflowJson {
	return { ...workflow, nodes: workflow.nodes.map((node) => (node.name === 'Start' ? node : { ...node, executeOnce: true })) };
}

type RunData = Record<string, Array<{ data?: { main?: Array<Array<{ json: Record<string, unknown> }>> } }>>;

const itemsOf = (runData: RunData, node: string): Array<Record<string, unknown>> =>
	(runData[node]?.[0]?.data?.main?.[0] ?? []).map((item) => item.json);

describe('chatbot operations in a real n8n', () => {
	it('offers Chatbot FAQ, Chatbot Small Talk and Chatbot Settings from the installed node', async () => {
		const nodes = (await env.n8n.api.nodeTypes()) as Array<{ name: string; properties?: Array<{ name: string; options?: Array<{ value: unknown }> }> }>;
		const node = nodes.find((type) => type.name === 'n8n-nodes-tencent-desk.tencentCloudDesk');
		const resources = node?.properties?.find((property) => property.name === 'resource')?.options?.map((option) => option.value);
		expect(resources).toEqual(expect.arrayContaining(['chatbotFaq', 'chatbotSmallTalk', 'chatbotSetting']));
	});

	it('runs one operation of each chatbot resource headless, at most 5 calls within any second', async () => {
		const workflow = runOnce(
			actionNodeChain('Chatbot headless', [
				{ name: 'Create Category', parameters: { resource: 'chatbotFaq', operation: 'createCategory', title: 'E2E', additionalFields: {}, options: {} } },
				{
					name: 'Create FAQ',
					parameters: {
						resource: 'chatbotFaq',
						operation: 'create',
						category: byId('={{ $json.CategoryId }}'),
						question: 'Is this from a real env.n8n?',
						answer: 'Yes.',
						answerType: 0,
						additionalFields: { similarQuestions: 'Real env.n8n?' },
						options: {},
					},
				},
				{
					name: 'Get FAQs',
					parameters: {
						resource: 'chatbotFaq',
						operation: 'getAll',
						returnAll: true,
						filters: { category: byId("={{ $('Create Category').first().json.CategoryId }}") },
						options: {},
					},
				},
				{
					name: 'Create Small Talk',
					parameters: { resource: 'chatbotSmallTalk', operation: 'create', category: byId('202'), question: 'Cheers', answer: 'Any time!', answerType: 0, additionalFields: {}, options: {} },
				},
				{ name: 'Get Small Talk', parameters: { resource: 'chatbotSmallTalk', operation: 'getAll', returnAll: true, filters: { question: 'cheers' }, options: {} } },
				{ name: 'Get Settings', parameters: { resource: 'chatbotSetting', operation: 'get', languageTag: '', options: {} } },
			]),
		);
		const { id } = await env.n8n.api.createWorkflow(workflow);
		env.simulator.resetStats();
		const result = await env.n8n.runWorkflowHeadless(id);
		expect({ code: result.code, stderr: result.code === 0 ? '' : result.stderr }).toEqual({ code: 0, stderr: '' });
		const runData = result.data?.data.resultData.runData as RunData;

		const [category] = itemsOf(runData, 'Create Category');
		expect(category).toEqual({ Title: 'E2E', CategoryId: expect.any(Number) });
		expect(itemsOf(runData, 'Create FAQ')[0]).toMatchObject({ CategoryId: category.CategoryId, created: true });
		expect(itemsOf(runData, 'Get FAQs')).toEqual([
			expect.objectContaining({ StandardQuestion: 'Is this from a real env.n8n?', SimilarQuestions: ['Real env.n8n?'], Status: 4 }),
		]);
		expect(itemsOf(runData, 'Get Small Talk').map((row) => row.StandardQuestion)).toEqual(['Cheers']);
		expect(itemsOf(runData, 'Get Settings')[0]).toEqual(SEED_ROBOT_CONFIG);

		const stats = env.simulator.stats();
		expect(stats.byCommand).toMatchObject({
			'openim_console_http_svc/add_faq_category': 1,
			'openim_console_http_svc/add_faq': 1,
			'openim_console_http_svc/list_faq': 1,
			'openim_console_http_svc/add_chitchat': 1,
			'openim_console_http_svc/list_chitchat': 1,
			'openim_console_http_svc/desc_robot_config': 1,
		});
		expect(stats.peakRequestsPerSecondByApp[String(env.simulator.app.sdkAppId)]).toBeLessThanOrEqual(5);
		expect(stats.byErrorCode['-14']).toBeUndefined();
		expect(JSON.stringify(result.data)).not.toContain(env.simulator.app.secretKey);
	});
});

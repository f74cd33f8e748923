/**
 * The package inside a real n8n 2.41.1, installed the way the Community Nodes installer does:
 * the Slack-alert and wait-message examples end to end, routing of all 17 events, forged
 * callbacks, repeated deliveries, the credential test, and the action node run headless.
 */
import { randomUUID } from 'crypto';

import type { Execution, N8nInstance, WorkflowJson } from '../../dev/harness';
import { startN8n, stopAllProcesses } from '../../dev/harness';
import { CALLBACK_ACK_TEXT } from '../../nodes/shared/callbackAck';
import { DESK_EVENTS } from '../../nodes/shared/events';
import type { CallbackResult, DeskSimulator } from '../../dev/simulator';
import { SEED_SESSION_IDS, startDeskSimulator } from '../../dev/simulator';
import { FALLBACK_SKILL_GROUP_ID, SEED_AGENTS } from '../../dev/simulator/seedData';
import { loadExample, triggerWebhookId, withSlackUrl } from '../../dev/harness/examples';
import { simulatorCredentials } from '../../dev/simulator/n8nCredential';
import type { SlackStandIn } from '../../dev/harness/slackStandIn';
import { startSlackStandIn } from '../../dev/harness/slackStandIn';

jest.setTimeout(120_000);

const CREDENTIAL_NAME = 'Tencent Cloud Desk account';
const TRIGGER = 'Tencent Cloud Desk Trigger';

let n8n: N8nInstance;
let simulator: DeskSimulator;
let slack: SlackStandIn;
let slackWorkflowId: string;
let slackUrl: string;
let timelineWorkflowId: string;
let timelineUrl: string;
let waitWorkflowId: string;
let waitUrl: string;

beforeAll(async () => {
	simulator = await startDeskSimulator();
	slack = await startSlackStandIn();
	n8n = await startN8n({ log: true });
	await n8n.api.createCredential(CREDENTIAL_NAME, 'tencentCloudDeskApi', simulatorCredentials(simulator));

	const slackExample = loadExample('slack-alert-on-no-agent-online.json');
	slackWorkflowId = (await n8n.api.createWorkflow(withSlackUrl(slackExample, slack.url))).id;
	await n8n.api.activateWorkflow(slackWorkflowId);
	slackUrl = n8n.api.webhookUrl(triggerWebhookId(slackExample), 'webhook');

	const timelineExample = loadExample('session-timeline.json');
	timelineWorkflowId = (await n8n.api.createWorkflow(timelineExample)).id;
	await n8n.api.activateWorkflow(timelineWorkflowId);
	timelineUrl = n8n.api.webhookUrl(triggerWebhookId(timelineExample), 'webhook');
	const waitExample = loadExample('wait-message-and-fallback-transfer.json');
	waitWorkflowId = (await n8n.api.createWorkflow(waitExample)).id;
	await n8n.api.activateWorkflow(waitWorkflowId);
	waitUrl = n8n.api.webhookUrl(triggerWebhookId(waitExample), 'webhook');
	await n8n.api.waitForWebhook(slackUrl);
	await n8n.api.waitForWebhook(timelineUrl);
	await n8n.api.waitForWebhook(waitUrl);
}, 15 * 60_000);

afterAll(async () => {
	await n8n?.stop();
	await stopAllProcesses();
	await slack?.close();
	await simulator?.close();
});

afterEach(() => {
	const state = expect.getState();
	if (state.assertionCalls !== state.numPassingAsserts && n8n) {
		console.log(`n8n log tail for "${state.currentTestName}":\n${n8n.logTail(60)}`);
	}
});

function expectExactAcks(results: CallbackResult[]) {
	for (const result of results) {
		expect({ event: result.event, status: result.status, body: result.responseText }).toEqual({
			event: result.event,
			status: 200,
			body: CALLBACK_ACK_TEXT,
		});
	}
}

/** Output index and item of the trigger in one execution. */
function triggerOutput(execution: Execution): { index: number; json: Record<string, unknown> } {
	const main = execution.data?.resultData.runData[TRIGGER]?.[0]?.data?.main ?? [];
	const index = main.findIndex((items) => (items?.length ?? 0) > 0);
	return { index, json: main[index]?.[0]?.json ?? {} };
}

/** The first output item of a node in one execution. */
function firstItemOf(execution: Execution, nodeName: string): Record<string, unknown> | undefined {
	return execution.data?.resultData.runData[nodeName]?.[0]?.data?.main?.[0]?.[0]?.json;
}

async function executionsSettled(workflowId: string, expected: number): Promise<Execution[]> {
	const executions = await n8n.api.waitForExecutions(workflowId, expected, 60_000, { includeData: true });
	return executions;
}

describe('in a real n8n', () => {
	it('loads both nodes and the credential type from the installed package', async () => {
		const nodeTypes = await n8n.api.nodeTypeNames();
		expect(nodeTypes).toEqual(
			expect.arrayContaining([
				'n8n-nodes-tencent-desk.tencentCloudDesk',
				'n8n-nodes-tencent-desk.tencentCloudDeskTrigger',
			]),
		);
		expect(await n8n.api.credentialTypeNames()).toContain('tencentCloudDeskApi');
	});

	it('alerts Slack once when a session ends in NoAgentOnline', async () => {
		const acks = await simulator.playScript('noAgentOnline', { url: slackUrl });
		expect(acks.map((ack) => ack.event)).toEqual([
			'SessionBegin',
			'ChatBot.UserSendMsg',
			'ChatBot.RobotSendMsg',
			'TransferringToHuman',
			'NoAgentOnline',
		]);
		expectExactAcks(acks);

		const executions = await executionsSettled(slackWorkflowId, 1);
		expect(executions).toHaveLength(1);
		expect(executions[0].status).toBe('success');
		const sessionId = acks[0].sessionId as string;
		const customer = simulator.sessions.get(sessionId)?.clientUserId as string;

		expect(slack.messages).toHaveLength(1);
		expect(slack.messages[0].text).toContain(customer);
		expect(slack.messages[0].text).toContain(sessionId);
		expect(slack.messages[0].text).toContain('Chatbot');
		// Nothing else ran for the four other events.
		expect(await n8n.api.listExecutions(slackWorkflowId)).toHaveLength(1);
	});

	it('still runs a workflow saved with trigger version 1', async () => {
		const example = loadExample('slack-alert-on-no-agent-online.json');
		const webhookId = randomUUID();
		const v1 = withSlackUrl(
			{
				...example,
				name: `${example.name} (trigger v1)`,
				nodes: example.nodes.map((node) => (node.name === TRIGGER ? { ...node, typeVersion: 1, webhookId } : node)),
			},
			slack.url,
		);
		const workflowId = (await n8n.api.createWorkflow(v1)).id;
		await n8n.api.activateWorkflow(workflowId);
		const url = n8n.api.webhookUrl(webhookId, 'webhook');
		await n8n.api.waitForWebhook(url);
		const slackBefore = slack.messages.length;

		expectExactAcks(await simulator.playScript('noAgentOnline', { url }));
		const executions = await executionsSettled(workflowId, 1);
		expect(executions.map((execution) => execution.status)).toEqual(['success']);
		expect(slack.messages).toHaveLength(slackBefore + 1);
		await n8n.api.deactivateWorkflow(workflowId);
	});

	it('routes each of the 17 event types to its own output', async () => {
		const acks = await simulator.playScript('allEvents', { url: timelineUrl });
		expectExactAcks(acks);
		expect(new Set(acks.map((ack) => ack.event))).toEqual(new Set(DESK_EVENTS.map((event) => event.value)));

		const executions = await executionsSettled(timelineWorkflowId, acks.length);
		expect(executions).toHaveLength(acks.length);
		const seen = new Set<string>();
		for (const execution of executions) {
			expect(execution.status).toBe('success');
			const { index, json } = triggerOutput(execution);
			const catalogueIndex = DESK_EVENTS.findIndex((event) => event.value === json.Event);
			expect({ event: json.Event, index }).toEqual({ event: json.Event, index: catalogueIndex });
			const recorder = `Record: ${DESK_EVENTS[catalogueIndex].name}`;
			expect(Object.keys(execution.data?.resultData.runData ?? {}).sort()).toEqual([recorder, TRIGGER].sort());
			seen.add(String(json.Event));
		}
		expect(seen.size).toBe(17);
	});

	it('rejects forged and broken callbacks without running anything, and runs a repeated RequestID once', async () => {
		const before = (await n8n.api.listExecutions(timelineWorkflowId)).length;
		const session = simulator.sessions.create({});
		const payload = {
			CallbackCommand: 'Desk.SessionEventNotify',
			SessionId: session.sessionId,
			Event: 'SessionBegin',
			EventTime: Date.now(),
			ChannelType: 'SDK',
			ClientUserId: session.clientUserId,
			CustomerServiceId: session.customerServiceId,
		};
		const send = (body: object | string, overrides = {}) => simulator.sendCallback(timelineUrl, body, overrides);

		const wrongApp = await send(payload, { query: { SdkAppid: '1400999999' } });
		const wrongSign = await send(payload, { query: { Sign: 'f'.repeat(64) } });
		const stale = await send(payload, { query: { RequestTime: String(Math.floor(Date.now() / 1000) - 3600) } });
		// n8n's own body parser answers broken JSON (422) before any node runs; JSON that parses but
		// is not a Desk event reaches the trigger, which answers 400.
		const malformed = await send('{"SessionId": "x", "Event": ');
		const notAnEvent = await send({ SessionId: session.sessionId, Event: 42 });
		const otherCommand = await send({ ...payload, CallbackCommand: 'C2C.CallbackAfterSendMsg' }, {
			query: { CallbackCommand: 'C2C.CallbackAfterSendMsg' },
		});
		expect(wrongApp.status).toBe(403);
		expect(wrongSign.status).toBe(401);
		expect(stale.status).toBe(401);
		expect(malformed.status).toBe(422);
		expect(notAnEvent.status).toBe(400);
		expect(otherCommand.status).toBe(200);
		expect(otherCommand.responseText).toBe(CALLBACK_ACK_TEXT);
		for (const rejected of [wrongApp, wrongSign, stale, notAnEvent]) {
			expect(JSON.parse(rejected.responseText)).toMatchObject({ ActionStatus: 'FAIL' });
			expect(rejected.responseText).not.toContain(simulator.app.callbackToken);
		}

		const requestId = randomUUID();
		const first = await send(payload, { requestId });
		const retry = await send(payload, { requestId });
		expectExactAcks([first, retry]);
		// The accepted callback is the readiness signal: once it ran, nothing else will appear.
		const executions = await executionsSettled(timelineWorkflowId, before + 1);
		expect(executions).toHaveLength(before + 1);
		expect((await n8n.api.listExecutions(timelineWorkflowId)).length).toBe(before + 1);
	});

	it('tests the credential through n8n’s own endpoint', async () => {
		const good = await n8n.api.createCredential('Desk good', 'tencentCloudDeskApi', simulatorCredentials(simulator));
		const bad = await n8n.api.createCredential(
			'Desk wrong key',
			'tencentCloudDeskApi',
			simulatorCredentials(simulator, { secretKey: '0'.repeat(64) }),
		);
		expect(await n8n.api.testCredential(good.id)).toEqual({ status: 'OK', message: 'Connection successful!' });
		const failed = await n8n.api.testCredential(bad.id);
		expect(failed.status).toBe('Error');
		expect(failed.message).toContain('Secret Key does not match this SDKAppID');
		expect(failed.message).not.toContain('0'.repeat(64));
	});

	it('reads a session state with the action node, run headless', async () => {
		const workflow: WorkflowJson = {
			name: 'Get state headless',
			nodes: [
				{
					name: 'Start',
					type: 'n8n-nodes-base.manualTrigger',
					typeVersion: 1,
					position: [0, 0],
					parameters: {},
				},
				{
					name: 'Get State',
					type: 'n8n-nodes-tencent-desk.tencentCloudDesk',
					typeVersion: 1,
					position: [220, 0],
					parameters: {
						resource: 'session',
						operation: 'getState',
						lookupBy: 'sessionId',
						sessionId: SEED_SESSION_IDS.agent,
						options: {},
					},
					credentials: { tencentCloudDeskApi: { name: CREDENTIAL_NAME } },
				},
			],
			connections: { Start: { main: [[{ node: 'Get State', type: 'main', index: 0 }]] } },
			settings: { executionOrder: 'v1' },
		};
		const { id } = await n8n.api.createWorkflow(workflow);
		const result = await n8n.runWorkflowHeadless(id);
		expect(result.code).toBe(0);
		const output = JSON.stringify(result.data);
		expect(output).toContain(`"SessionId":"${SEED_SESSION_IDS.agent}"`);
		expect(output).toContain('"CurrentState":"Agent"');
		expect(output).not.toContain(simulator.app.secretKey);
	});

	it('tells a queuing customer the expected wait and moves them to the fallback skill group (example 3)', async () => {
		const session = simulator.sessions.create({});
		for (const step of ['SessionBegin', 'TransferringToHuman']) simulator.sessions.advance(session.sessionId, step);
		const ack = await simulator.advanceSession(session.sessionId, 'TransferringToHumanWait', { url: waitUrl });
		expectExactAcks([ack.callback as CallbackResult]);

		const [execution] = await executionsSettled(waitWorkflowId, 1);
		expect(execution.status).toBe('success');
		const transfer = firstItemOf(execution, 'Transfer to Fallback Skill Group');
		expect(transfer).toMatchObject({ SessionId: session.sessionId, transferred: true, GroupId: FALLBACK_SKILL_GROUP_ID });

		const now = simulator.sessions.get(session.sessionId);
		expect(now?.phase).toBe('Agent');
		const nightShift = SEED_AGENTS.filter((agent) => agent.skillGroupIds.includes(FALLBACK_SKILL_GROUP_ID));
		expect(nightShift.map((agent) => agent.email)).toContain(now?.agentId);
		const texts = (now?.messages ?? []).map((message) => JSON.stringify(message.msgBody));
		expect(texts.some((text) => text.includes('the expected wait is about 5 minutes'))).toBe(true);
	});

	it('tells the customer the opening hours when no agent is online, and keeps them when the fallback group has nobody free', async () => {
		const before = (await n8n.api.listExecutions(waitWorkflowId)).length;
		for (const agent of simulator.agents.filter((member) => member.skillGroupIds.includes(FALLBACK_SKILL_GROUP_ID))) {
			simulator.members.forApp(simulator.app.sdkAppId).setStatus(agent.email, 'STATUS_NOT_READY');
		}
		const acks = await simulator.playScript('noAgentOnline', { url: waitUrl });
		expectExactAcks(acks);

		const executions = await executionsSettled(waitWorkflowId, before + 1);
		const execution = executions.find((candidate) => triggerOutput(candidate).json.Event === 'NoAgentOnline');
		expect(execution?.status).toBe('success');
		const transfer = execution && firstItemOf(execution, 'Transfer to Fallback Skill Group');
		expect(transfer).toMatchObject({ transferred: false, errorCode: 141025 });
		const session = simulator.sessions.get(acks[0].sessionId as string);
		const texts = (session?.messages ?? []).map((message) => JSON.stringify(message.msgBody));
		expect(texts.some((text) => text.includes('Monday to Friday, 9:00–18:00'))).toBe(true);
	});

	it('sends a message and transfers a session with the action node, run headless', async () => {
		const action = (name: string, x: number, parameters: Record<string, unknown>) => ({
			name,
			type: 'n8n-nodes-tencent-desk.tencentCloudDesk',
			typeVersion: 1,
			position: [x, 0] as [number, number],
			parameters,
			credentials: { tencentCloudDeskApi: { name: CREDENTIAL_NAME } },
		});
		const sessionId = SEED_SESSION_IDS.chatbotSecond;
		const workflow: WorkflowJson = {
			name: 'Send and transfer headless',
			nodes: [
				{ name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
				action('Send Message', 220, {
					resource: 'session',
					operation: 'sendMessage',
					sessionId,
					messageType: 'text',
					text: 'An agent from After-sales will be with you shortly.',
					options: {},
				}),
				action('Transfer', 440, {
					resource: 'session',
					operation: 'transfer',
					sessionId: '={{ $json.SessionId }}',
					transferTo: 'agent',
					agent: { __rl: true, mode: 'email', value: 'grace@example.com' },
					options: {},
				}),
			],
			connections: {
				Start: { main: [[{ node: 'Send Message', type: 'main', index: 0 }]] },
				'Send Message': { main: [[{ node: 'Transfer', type: 'main', index: 0 }]] },
			},
			settings: { executionOrder: 'v1' },
		};
		const { id } = await n8n.api.createWorkflow(workflow);
		const result = await n8n.runWorkflowHeadless(id);
		expect(result.code).toBe(0);
		const output = JSON.stringify(result.data);
		expect(output).toContain('"sent":true');
		expect(output).toContain('"transferred":true');
		expect(output).not.toContain(simulator.app.secretKey);
		const session = simulator.sessions.get(sessionId);
		expect(session?.phase).toBe('Agent');
		expect(session?.agentId).toBe('grace@example.com');
		expect(JSON.stringify(session?.messages)).toContain('An agent from After-sales will be with you shortly.');
	});
});

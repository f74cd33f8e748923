/**
 * The package inside a real n8n, installed the way the Community Nodes installer does: the
 * Slack-alert and wait-message examples end to end, routing of all 17 events, forged callbacks,
 * repeated deliveries, the credential test, and the action node run headless, with a Desk error.
 * One n8n for the whole file (test/helpers/deskInN8n.ts). The compatibility core: it runs on n8n
 * 2.x (project e2e) and again on the 1.x LTS line (project e2e-lts; dev/harness/releases.ts).
 */
import { randomUUID } from 'crypto';

import { loadExample, withSlackUrl } from '../../dev/harness/examples';
import { CALLBACK_ACK_TEXT } from '../../dev/simulator/callbackPayload';
import { DESK_EVENTS } from '../../nodes/shared/events';
import type { CallbackResult } from '../../dev/simulator';
import { SEED_SESSION_IDS } from '../../dev/simulator';
import { FALLBACK_SKILL_GROUP_ID, SEED_AGENTS } from '../../dev/simulator/seedData';
import { simulatorCredentials } from '../../dev/simulator/n8nCredential';
import { selectedRelease } from '../../dev/harness/releases';
import { DESK_ERRORS, SESSION_NOT_FOUND } from '../../nodes/shared/errorCodes';
import {
	actionNodeChain,
	executionsSettled,
	expectExactAcks,
	firstItemOf,
	TRIGGER,
	triggerOutput,
	useDeskInN8n,
} from '../helpers/deskInN8n';
import { activateWorkflow } from '../helpers/simulatorInN8n';

jest.setTimeout(120_000);

const desk = useDeskInN8n();

describe(`in a real n8n ${selectedRelease().version}`, () => {
	it('loads both nodes and the credential type from the installed package', async () => {
		const nodeTypes = await desk.n8n.api.nodeTypeNames();
		expect(nodeTypes).toEqual(
			expect.arrayContaining([
				'n8n-nodes-tencent-desk.tencentCloudDesk',
				'n8n-nodes-tencent-desk.tencentCloudDeskTrigger',
			]),
		);
		expect(await desk.n8n.api.credentialTypeNames()).toContain('tencentCloudDeskApi');
		// The shipped codex (*.node.json): the nodes panel's category and the docs link.
		const shipped = ['n8n-nodes-tencent-desk.tencentCloudDesk', 'n8n-nodes-tencent-desk.tencentCloudDeskTrigger'];
		const ours = (await desk.n8n.api.nodeTypes()).filter((node) => shipped.includes(node.name));
		expect(new Set(ours.map((node) => node.name)).size).toBe(2);
		for (const node of ours) {
			expect(node.codex).toMatchObject({ categories: ['Communication'], resources: { primaryDocumentation: [{ url: expect.stringContaining('tencentcloud.com') }] } });
		}
	});

	it('alerts Slack once when a session ends in NoAgentOnline', async () => {
		const acks = await desk.simulator.playScript('noAgentOnline', { url: desk.slackAlert.url });
		expect(acks.map((ack) => ack.event)).toEqual([
			'SessionBegin',
			'ChatBot.UserSendMsg',
			'ChatBot.RobotSendMsg',
			'TransferringToHuman',
			'NoAgentOnline',
		]);
		expectExactAcks(acks);

		const executions = await executionsSettled(desk.n8n, desk.slackAlert.workflowId, 1);
		expect(executions).toHaveLength(1);
		expect(executions[0].status).toBe('success');
		const sessionId = acks[0].sessionId as string;
		const customer = desk.simulator.sessions.get(sessionId)?.clientUserId as string;

		expect(desk.slack.messages).toHaveLength(1);
		expect(desk.slack.messages[0].text).toContain(customer);
		expect(desk.slack.messages[0].text).toContain(sessionId);
		expect(desk.slack.messages[0].text).toContain('Chatbot');
		// Nothing else ran for the four other events.
		expect(await desk.n8n.api.listExecutions(desk.slackAlert.workflowId)).toHaveLength(1);
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
			desk.slack.url,
		);
		const { workflowId, url } = await activateWorkflow(desk.n8n, v1);
		const slackBefore = desk.slack.messages.length;

		expectExactAcks(await desk.simulator.playScript('noAgentOnline', { url }));
		const executions = await executionsSettled(desk.n8n, workflowId, 1);
		expect(executions.map((execution) => execution.status)).toEqual(['success']);
		expect(desk.slack.messages).toHaveLength(slackBefore + 1);
		await desk.n8n.api.deactivateWorkflow(workflowId);
	});

	it('routes each of the 17 event types to its own output', async () => {
		const acks = await desk.simulator.playScript('allEvents', { url: desk.timeline.url });
		expectExactAcks(acks);
		expect(new Set(acks.map((ack) => ack.event))).toEqual(new Set(DESK_EVENTS.map((event) => event.value)));

		const executions = await executionsSettled(desk.n8n, desk.timeline.workflowId, acks.length);
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
		const before = (await desk.n8n.api.listExecutions(desk.timeline.workflowId)).length;
		const session = desk.simulator.sessions.create({});
		const payload = {
			CallbackCommand: 'Desk.SessionEventNotify',
			SessionId: session.sessionId,
			Event: 'SessionBegin',
			EventTime: Date.now(),
			ChannelType: 'SDK',
			ClientUserId: session.clientUserId,
			CustomerServiceId: session.customerServiceId,
		};
		const send = (body: object | string, overrides = {}) => desk.simulator.sendCallback(desk.timeline.url, body, overrides);

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
			expect(rejected.responseText).not.toContain(desk.simulator.app.callbackToken);
		}

		const requestId = randomUUID();
		const first = await send(payload, { requestId });
		const retry = await send(payload, { requestId });
		expectExactAcks([first, retry]);
		// The accepted callback is the readiness signal: once it ran, nothing else will appear.
		const executions = await executionsSettled(desk.n8n, desk.timeline.workflowId, before + 1);
		expect(executions).toHaveLength(before + 1);
		expect((await desk.n8n.api.listExecutions(desk.timeline.workflowId)).length).toBe(before + 1);
	});

	it('runs a signed event sent with no Content-Type once, and nothing for a body naming another command', async () => {
		const before = (await desk.n8n.api.listExecutions(desk.timeline.workflowId)).length;
		const session = desk.simulator.sessions.create({});
		const payload = { CallbackCommand: 'Desk.SessionEventNotify', SessionId: session.sessionId, Event: 'SessionBegin', EventTime: Date.now() };
		const send = (body: object, overrides = {}) => desk.simulator.sendCallback(desk.timeline.url, body, overrides);

		const contradicting = await send({ ...payload, CallbackCommand: 'Chatbot.InterfaceInvocation' });
		expect(contradicting.status).toBe(400);
		const unlabelled = await send(payload, { headers: { 'Content-Type': null } });
		expectExactAcks([unlabelled]);
		const executions = await executionsSettled(desk.n8n, desk.timeline.workflowId, before + 1);
		expect(executions).toHaveLength(before + 1);
		expect(executions.filter((execution) => triggerOutput(execution).json.SessionId === session.sessionId)).toHaveLength(1);
	});

	it('tests the credential through n8n’s own endpoint', async () => {
		const good = await desk.n8n.api.createCredential('Desk good', 'tencentCloudDeskApi', simulatorCredentials(desk.simulator));
		const bad = await desk.n8n.api.createCredential(
			'Desk wrong key',
			'tencentCloudDeskApi',
			simulatorCredentials(desk.simulator, { secretKey: '0'.repeat(64) }),
		);
		expect(await desk.n8n.api.testCredential(good.id)).toEqual({ status: 'OK', message: 'Connection successful!' });
		const failed = await desk.n8n.api.testCredential(bad.id);
		expect(failed.status).toBe('Error');
		expect(failed.message).toContain('Secret Key does not match this SDKAppID');
		expect(failed.message).not.toContain('0'.repeat(64));
	});

	it('reads a session state with the action node, run headless', async () => {
		const workflow = actionNodeChain('Get state headless', [
			{
				name: 'Get State',
				parameters: { resource: 'session', operation: 'getState', lookupBy: 'sessionId', sessionId: SEED_SESSION_IDS.agent, options: {} },
			},
		]);
		const { id } = await desk.n8n.api.createWorkflow(workflow);
		const result = await desk.n8n.runWorkflowHeadless(id);
		expect(result.code).toBe(0);
		const output = JSON.stringify(result.data);
		expect(output).toContain(`"SessionId":"${SEED_SESSION_IDS.agent}"`);
		expect(output).toContain('"CurrentState":"Agent"');
		expect(output).not.toContain(desk.simulator.app.secretKey);
	});

	it('tells a queuing customer the expected wait and moves them to the fallback skill group (example 3)', async () => {
		const session = desk.simulator.sessions.create({});
		for (const step of ['SessionBegin', 'TransferringToHuman']) desk.simulator.sessions.advance(session.sessionId, step);
		const ack = await desk.simulator.advanceSession(session.sessionId, 'TransferringToHumanWait', { url: desk.waitMessage.url });
		expectExactAcks([ack.callback as CallbackResult]);

		const [execution] = await executionsSettled(desk.n8n, desk.waitMessage.workflowId, 1);
		expect(execution.status).toBe('success');
		const transfer = firstItemOf(execution, 'Transfer to Fallback Skill Group');
		expect(transfer).toMatchObject({ SessionId: session.sessionId, transferred: true, GroupId: FALLBACK_SKILL_GROUP_ID });

		const now = desk.simulator.sessions.get(session.sessionId);
		expect(now?.phase).toBe('Agent');
		const nightShift = SEED_AGENTS.filter((agent) => agent.skillGroupIds.includes(FALLBACK_SKILL_GROUP_ID));
		expect(nightShift.map((agent) => agent.email)).toContain(now?.agentId);
		const texts = (now?.messages ?? []).map((message) => JSON.stringify(message.msgBody));
		expect(texts.some((text) => text.includes('the expected wait is about 5 minutes'))).toBe(true);
	});

	it('tells the customer the opening hours when no agent is online, and keeps them when the fallback group has nobody free', async () => {
		const before = (await desk.n8n.api.listExecutions(desk.waitMessage.workflowId)).length;
		for (const agent of desk.simulator.agents.filter((member) => member.skillGroupIds.includes(FALLBACK_SKILL_GROUP_ID))) {
			desk.simulator.members.forApp(desk.simulator.app.sdkAppId).setStatus(agent.email, 'STATUS_NOT_READY');
		}
		const acks = await desk.simulator.playScript('noAgentOnline', { url: desk.waitMessage.url });
		expectExactAcks(acks);

		const executions = await executionsSettled(desk.n8n, desk.waitMessage.workflowId, before + 1);
		const execution = executions.find((candidate) => triggerOutput(candidate).json.Event === 'NoAgentOnline');
		expect(execution?.status).toBe('success');
		const transfer = execution && firstItemOf(execution, 'Transfer to Fallback Skill Group');
		expect(transfer).toMatchObject({ transferred: false, errorCode: 141025 });
		const session = desk.simulator.sessions.get(acks[0].sessionId as string);
		const texts = (session?.messages ?? []).map((message) => JSON.stringify(message.msgBody));
		expect(texts.some((text) => text.includes('Monday to Friday, 9:00–18:00'))).toBe(true);
	});

	it('sends a message and transfers a session with the action node, run headless', async () => {
		const sessionId = SEED_SESSION_IDS.chatbotSecond;
		const workflow = actionNodeChain('Send and transfer headless', [
			{
				name: 'Send Message',
				parameters: {
					resource: 'session',
					operation: 'sendMessage',
					sessionId,
					messageType: 'text',
					text: 'An agent from After-sales will be with you shortly.',
					options: {},
				},
			},
			{
				name: 'Transfer',
				parameters: {
					resource: 'session',
					operation: 'transfer',
					sessionId: '={{ $json.SessionId }}',
					transferTo: 'agent',
					agent: { __rl: true, mode: 'email', value: 'grace@example.com' },
					options: {},
				},
			},
		]);
		const { id } = await desk.n8n.api.createWorkflow(workflow);
		const result = await desk.n8n.runWorkflowHeadless(id);
		expect(result.code).toBe(0);
		const output = JSON.stringify(result.data);
		expect(output).toContain('"sent":true');
		expect(output).toContain('"transferred":true');
		expect(output).not.toContain(desk.simulator.app.secretKey);
		const session = desk.simulator.sessions.get(sessionId);
		expect(session?.phase).toBe('Agent');
		expect(session?.agentId).toBe('grace@example.com');
		expect(JSON.stringify(session?.messages)).toContain('An agent from After-sales will be with you shortly.');
	});

	it('fails a run with the Desk error’s code, meaning and fix, run headless', async () => {
		const workflow = actionNodeChain('Desk error headless', [
			{
				name: 'Get State',
				parameters: { resource: 'session', operation: 'getState', lookupBy: 'sessionId', sessionId: 'no-such-session', options: {} },
			},
		]);
		const { id } = await desk.n8n.api.createWorkflow(workflow);
		const result = await desk.n8n.runWorkflowHeadless(id);
		expect(result.code).not.toBe(0);
		const printed = `${result.stdout}\n${result.stderr}`;
		const { meaning } = DESK_ERRORS[SESSION_NOT_FOUND];
		expect(printed).toContain(String(SESSION_NOT_FOUND));
		expect(printed).toContain(meaning);
		expect(printed).not.toContain(desk.simulator.app.secretKey);
	});
});

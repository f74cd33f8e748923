/**
 * `npm start`: the whole story on one machine. Starts the Desk simulator, a Slack stand-in, a CRM
 * stand-in and a real n8n 2.41.1 with this package installed and two examples published; plays a
 * session that ends in NoAgentOnline and shows the Slack alert arriving; then two customers ask for
 * a human and the VIP-routing workflow decides where each goes. Keeps running for you to explore
 * the editor until Ctrl-C.
 */
import { DEFAULT_OWNER, startN8n, stopAllProcesses } from '../harness';
import type { N8nInstance } from '../harness';
import type { DeskSimulator } from '../simulator';
import { DEFAULT_CLI_PORT, startDeskSimulator } from '../simulator';
import { loadExample, triggerWebhookId, withBaseUrl, withSlackUrl } from '../harness/examples';
import { startShopStandIn, type ShopStandIn } from '../harness/shopStandIn';
import { simulatorCredentials } from '../simulator/n8nCredential';
import type { SlackStandIn } from '../harness/slackStandIn';
import { startSlackStandIn } from '../harness/slackStandIn';

const step = (text: string) => console.log(`\n▶ ${text}`);

async function startSimulator(): Promise<DeskSimulator> {
	try {
		return await startDeskSimulator({ port: DEFAULT_CLI_PORT });
	} catch {
		return await startDeskSimulator(); // the usual port is taken: any free one
	}
}

async function main(): Promise<void> {
	let n8n: N8nInstance | undefined;
	let simulator: DeskSimulator | undefined;
	let slack: SlackStandIn | undefined;
	let shop: ShopStandIn | undefined;
	let stopping = false;
	const stop = async (code: number) => {
		if (stopping) return;
		stopping = true;
		console.log('\nStopping n8n, the simulator and the Slack stand-in…');
		await n8n?.stop().catch(() => undefined);
		await stopAllProcesses();
		await slack?.close();
		await shop?.close();
		await simulator?.close();
		process.exit(code);
	};
	process.on('SIGINT', () => void stop(0));
	process.on('SIGTERM', () => void stop(0));

	try {
		step('Starting the Tencent Cloud Desk simulator');
		simulator = await startSimulator();
		console.log(`  ${simulator.url}`);

		step('Starting a Slack stand-in (prints every message it receives)');
		slack = await startSlackStandIn((text) => console.log(`\n💬 Slack received:\n  ${text.replace(/\n/g, '\n  ')}`));
		console.log(`  ${slack.url}`);

		step('Starting n8n 2.41.1 with n8n-nodes-tencent-desk installed (the first run installs n8n into a cache: 11-15 min, with progress)');
		n8n = await startN8n({ log: true });

		step('Creating the credential and publishing the "Slack alert when no agent is online" example');
		await n8n.api.createCredential('Tencent Cloud Desk account', 'tencentCloudDeskApi', simulatorCredentials(simulator));
		const example = loadExample('slack-alert-on-no-agent-online.json');
		const { id } = await n8n.api.createWorkflow(withSlackUrl(example, slack.url));
		await n8n.api.activateWorkflow(id);
		const callbackUrl = n8n.api.webhookUrl(triggerWebhookId(example), 'webhook');
		await n8n.api.waitForWebhook(callbackUrl);
		simulator.callbackUrl = callbackUrl;

		step('Playing a customer session that ends in NoAgentOnline');
		const acks = await simulator.playScript('noAgentOnline', callbackUrl);
		for (const ack of acks) console.log(`  ${String(ack.event).padEnd(22)} → HTTP ${ack.status} ${ack.responseText}`);
		const [execution] = await n8n.api.waitForExecutions(id, 1, 60_000);
		console.log(`  n8n execution ${execution.id}: ${execution.status}`);

		step('Publishing "Route VIP customers to the VIP skill group" (its CRM is a stand-in: vip_user is a VIP)');
		shop = await startShopStandIn();
		shop.customers.set('vip_user', { tier: 'vip' });
		shop.customers.set('regular_user', { tier: 'regular' });
		const routing = withBaseUrl(loadExample('route-vip-customers.json'), 'https://crm.example.com', shop.url);
		const routingWorkflow = await n8n.api.createWorkflow(routing);
		await n8n.api.activateWorkflow(routingWorkflow.id);
		const routingUrl = n8n.api.webhookUrl(triggerWebhookId(routing), 'webhook');
		await n8n.api.waitForWebhook(routingUrl);
		simulator.decisions.urls = { assignHuman: { url: routingUrl } };

		step('Three customers ask for a human: Desk asks n8n where each goes (ChatBot.OnAssignHuman)');
		for (const clientUserId of ['vip_user', 'regular_user', 'unknown_user']) {
			const { sessionId } = simulator.sessions.create({ clientUserId });
			await simulator.advanceSession(sessionId, 'SessionBegin');
			const { record } = await simulator.decisions.requestHuman(sessionId);
			const session = simulator.sessions.get(sessionId);
			const group = simulator.skillGroups.find((candidate) => candidate.skillGroupId === session?.skillGroupId);
			console.log(
				`  ${clientUserId.padEnd(13)} → answered ${record.latencyMs} ms: ${record.answer ? JSON.stringify(record.answer) : record.reason}` +
					`\n  ${''.padEnd(13)}   session now ${session?.phase} with ${session?.agentId || 'nobody'} in "${group?.name ?? session?.skillGroupId}"`,
			);
		}
		console.log('  (unknown_user is not in the CRM: the lookup fails and Desk gets the trigger’s fallback group)');

		console.log(`
────────────────────────────────────────────────────────────────────────
 n8n editor   ${n8n.baseUrl}/workflow/${id}
 login        ${DEFAULT_OWNER.email} / ${DEFAULT_OWNER.password}
 simulator    ${simulator.url}   (credential "Tencent Cloud Desk account" points here)
 play again   curl -s -X POST ${simulator.url}/_simulator/play -H 'Content-Type: application/json' \\
                -d '{"script":"noAgentOnline"}'
 routing      curl -s -X POST ${simulator.url}/_simulator/sessions -d '{"clientUserId":"vip_user"}'   (then, with its sessionId:)
              curl -s -X POST ${simulator.url}/_simulator/sessions/<sessionId>/advance -d '{"event":"SessionBegin"}'
              curl -s -X POST ${simulator.url}/_simulator/sessions/<sessionId>/request-human
 Ctrl-C stops everything.
────────────────────────────────────────────────────────────────────────`);
	} catch (error) {
		console.error(`\n✖ ${(error as Error).message}`);
		if (n8n) console.error(`n8n log tail:\n${n8n.logTail(40)}`);
		await stop(1);
	}
}

void main();

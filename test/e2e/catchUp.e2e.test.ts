/**
 * The Session Record Trigger in a real n8n 2.41.1 (one boot, restarted in the test): sessions that end
 * while n8n is stopped are emitted once after it starts again, none again over three more polls, and the
 * same when n8n is killed in the middle of a poll's paging; then examples/live-and-catch-up.json handles
 * each ended session once, whichever path (live callback or catch-up) saw it first.
 *
 * Most polls are driven without waiting for the minute schedule: n8n polls once whenever it activates a
 * workflow, at publish and at every start, from the static data saved in its database. The kill hits a
 * scheduled poll: killing one that a publish started would leave the publication's lease to expire first.
 */
import { randomUUID } from 'crypto';

import type { Execution, WorkflowJson } from '../../dev/harness';
import { loadExample } from '../../dev/harness/examples';
import { sleep } from '../../dev/harness/http';
import { SEED_ENDED_SESSION_COUNT } from '../../dev/simulator/seedData';
import { CREDENTIAL_NAME, expectExactAcks } from '../helpers/deskInN8n';
import { activateWorkflow, useSimulatorInN8n } from '../helpers/simulatorInN8n';

jest.setTimeout(10 * 60_000);

const CATCH_UP = 'Session Ended (Catch-Up)';
const HANDLE = 'Handle Ended Session';
const MINUTE = 60_000;


const env = useSimulatorInN8n({ logLines: 80 });

/** The catch-up trigger alone, reading from a week and a day ago, with a 15-minute look-back. */
function catchUpWorkflow(): WorkflowJson {
	const node = {
		name: CATCH_UP,
		type: 'n8n-nodes-tencent-desk.tencentCloudDeskSessionRecordTrigger',
		typeVersion: 1,
		position: [0, 0] as [number, number],
		parameters: {
			pollTimes: { item: [{ mode: 'everyMinute' }] },
			startFrom: 'date',
			startDate: new Date(Date.now() - 8 * 24 * 60 * MINUTE).toISOString(),
			includeMessages: false,
			options: { lookBackMinutes: 15 },
		},
		credentials: { tencentCloudDeskApi: { name: CREDENTIAL_NAME } },
	};
	return { name: 'Catch-up outage test', nodes: [node], connections: {}, settings: { executionOrder: 'v1' } };
}

/** `count` sessions that ended over the ten minutes up to now, none announced by a callback. */
function endOverTenMinutes(count: number, prefix: string): string[] {
	const now = Date.now();
	return Array.from({ length: count }, (_, index) => {
		const endTime = now - 1000 - Math.floor(((count - 1 - index) * 10 * MINUTE) / count);
		return env.simulator.sessions.createEnded(endTime, { sessionId: `${prefix}${index}` }).sessionId;
	});
}

/** Items of a node across a workflow's finished executions, oldest execution first. */
async function itemsOf(workflowId: string, nodeName: string, executions: number): Promise<Array<Record<string, unknown>>> {
	const finished: Execution[] = await env.n8n.api.waitForExecutions(workflowId, executions, 2 * MINUTE, { includeData: true });
	expect(finished.map((execution) => execution.status)).toEqual(finished.map(() => 'success'));
	return finished.flatMap((execution) => execution.data?.resultData.runData[nodeName]?.[0]?.data?.main?.[0]?.map((item) => item.json) ?? []);
}

async function finishedCount(workflowId: string): Promise<number> {
	return (await env.n8n.api.listExecutions(workflowId)).length;
}

const cdrRequests = () =>
	Object.entries(env.simulator.stats().byCommand)
		.filter(([command]) => command.endsWith('describe_im_cdr_list'))
		.reduce((sum, [, count]) => sum + count, 0);

/** One poll now: n8n polls a poll trigger when it activates the workflow. */
async function pollByReactivating(workflowId: string): Promise<void> {
	const before = cdrRequests();
	await env.n8n.api.deactivateWorkflow(workflowId);
	await env.n8n.api.activateWorkflow(workflowId);
	expect(cdrRequests()).toBeGreaterThan(before);
}

async function waitFor(condition: () => boolean, what: string, timeoutMs = MINUTE): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await sleep(50);
	}
}

describe('catching up after downtime, in a real n8n', () => {
	let workflowId: string;
	const emitted: string[] = [];
	let executions = 0;

	it('first poll from a date: every seeded record once', async () => {
		workflowId = (await env.n8n.api.createWorkflow(catchUpWorkflow())).id;
		await env.n8n.api.activateWorkflow(workflowId);
		const items = await itemsOf(workflowId, CATCH_UP, (executions = 1));
		expect(items).toHaveLength(SEED_ENDED_SESSION_COUNT);
		expect(items[0]).toEqual(expect.objectContaining({ SessionId: expect.any(String), endTime: expect.any(String), startTime: expect.any(String) }));
		emitted.push(...items.map((item) => item.SessionId as string));
	});

	it('n8n stopped while 500 sessions end over ten minutes: after the restart each is emitted once, and none again over three more polls', async () => {
		let ended: string[] = [];
		const downFor = Date.now();
		await env.n8n.restart({ whileDown: async () => void (ended = endOverTenMinutes(500, `outage-${randomUUID().slice(0, 8)}-`)) });
		console.log(`n8n was down ${((Date.now() - downFor) / 1000).toFixed(1)} s (stop, 500 sessions ended, boot)`);

		const items = await itemsOf(workflowId, CATCH_UP, (executions += 1));
		const ids = items.map((item) => item.SessionId as string);
		expect(ids.slice(emitted.length)).toEqual(ended);
		emitted.push(...ended);
		expect(ids).toEqual(emitted);

		for (let poll = 0; poll < 3; poll++) await pollByReactivating(workflowId);
		await sleep(2000);
		expect(await finishedCount(workflowId)).toBe(executions);
	});

	it('n8n killed in the middle of a scheduled poll’s paging: the next start emits every record once', async () => {
		// 800 records in the look-back: 8 pages, each answered after 1.5 s, so the poll is still paging when killed.
		env.simulator.faults.set({ latencyMs: 1500 });
		const ended = endOverTenMinutes(300, `paging-${randomUUID().slice(0, 8)}-`);
		const before = cdrRequests();
		await waitFor(() => cdrRequests() >= before + 3, 'the every-minute poll to read 3 pages', 2 * MINUTE);
		const killedAt = Date.now();
		await env.n8n.restart({ crash: true, whileDown: async () => expect(cdrRequests() - before).toBeLessThan(8) });
		env.simulator.faults.set({ latencyMs: 0 });

		const items = await itemsOf(workflowId, CATCH_UP, (executions += 1));
		expect(items.map((item) => item.SessionId as string)).toEqual([...emitted, ...ended]);
		console.log(`killed mid-paging; the 300 records were emitted ${((Date.now() - killedAt) / 1000).toFixed(1)} s later (boot included)`);
		emitted.push(...ended);
		await pollByReactivating(workflowId);
		await sleep(2000);
		expect(await finishedCount(workflowId)).toBe(executions);
		await env.n8n.api.deactivateWorkflow(workflowId);
	});
});

describe('examples/live-and-catch-up.json, in a real n8n', () => {
	it('handles each ended session once, whether the live callback or the catch-up saw it first', async () => {
		const example = loadExample('live-and-catch-up.json');
		const { workflowId, url } = await activateWorkflow(env.n8n, example);

		// Live: Desk's callbacks arrive; SessionEnd runs the workflow once.
		expectExactAcks(await env.simulator.playScript('happyPath', { url }, {}));
		const live = await itemsOf(workflowId, HANDLE, 1);
		expect(live).toEqual([expect.objectContaining({ seenBy: 'live', SessionId: expect.any(String) })]);
		const liveId = live[0].SessionId as string;

		// Missed: a session ends with no callback (n8n down, callback lost); the next catch-up poll finds
		// both records and lets only the missed one through.
		const [missedId] = endOverTenMinutes(1, 'missed-');
		await pollByReactivating(workflowId);
		const handled = await itemsOf(workflowId, HANDLE, 2);
		expect(handled.map((item) => [item.SessionId, item.seenBy])).toEqual([
			[liveId, 'live'],
			[missedId, 'catch-up'],
		]);
		expect(handled[1].endedAt).toEqual(expect.stringMatching(/^\d{4}-\d\d-\d\dT/));

		await pollByReactivating(workflowId);
		await sleep(2000);
		expect(await finishedCount(workflowId)).toBe(2);
	});
});

/**
 * Section 2b: one workflow run reads every session record of a window (1,250 at full scale) through
 * Desk's `describe_im_cdr_list`, which pages by Limit/Offset with at most 100 records a page.
 *
 * - ours: Tencent Cloud Desk → Session Record → Get Many with Return All, default options (the node pages);
 * - DIY: what a user builds without the package: Code (UserSig + random, the same code as section 2) →
 *   HTTP Request with n8n's own pagination option → Code (check each page's ErrorCode, one item per record).
 *
 * Both run in the same n8n instance against the same seeded records at the same simulator rate limit, one
 * unmeasured warm-up each, then interleaved rounds (ours first in even rounds, DIY first in odd ones). Each
 * workflow answers its webhook with every record it produced, and every run is checked: exactly the seeded
 * records, once each, and the same records (field for field) as the other side returned.
 */
import { loadavg } from 'os';
import { performance } from 'perf_hooks';

import { DEFAULT_REQUEST_SETTINGS } from '../../nodes/shared/requestOptions';
import { RECORD_PAGE_SIZE } from '../../nodes/shared/sessionRecords';
import { CREDENTIAL_TYPE } from '../../nodes/shared/credentialType';
import { chainConnections, type WorkflowNodeJson } from '../harness';
import { httpRequest, sleep } from '../harness/http';
import { median, ratio } from '../harness/stats';
import type { DeskSimulator } from '../simulator';
import type { BenchConfig } from './config';
import { FLATTEN_RECORD_PAGES_CODE, userSigCode } from './diyCode';
import { newestRunTimes } from './action';
import type { BenchInstance, DeployedWorkflow } from './n8nSetup';
import { ACTION_TYPE, CREDENTIAL_NAME, diySignedQuery, position, uniqueSuffix, webhookNode, type BenchWorkflow } from './workflows';

export const GET_MANY_COMMAND = 'describe_im_cdr_list';

export const GET_MANY_SIDES = {
	ours: 'ours: Session Record → Get Many, Return All (defaults)',
	diy: 'DIY: Code (UserSig) + HTTP Request (pagination) + Code (flatten)',
} as const;
export type GetManySide = keyof typeof GET_MANY_SIDES;

/** The DIY chain's nodes, by name (the report splits its time by node). */
const DIY_NODES = { userSig: 'Compute UserSig', http: 'Get Session Records (HTTP)', flatten: 'One Item per Record' } as const;

/** The seeded records: sessions that ended one per second in [start, end] (Unix seconds, inclusive). */
export interface RecordWindow {
	start: number;
	end: number;
	sessionIds: string[];
}

/**
 * `count` ended sessions, one per second, two weeks back: the bench's other sessions end now or are
 * still live, so the window holds these records and nothing else.
 */
export function seedRecords(simulator: DeskSimulator, count: number): RecordWindow {
	const start = Math.floor(Date.now() / 1000) - 14 * 86_400;
	const sessionIds: string[] = [];
	for (let i = 0; i < count; i++) {
		sessionIds.push(simulator.sessions.createEnded((start + i) * 1000, { clientUserId: `getmany_user_${i}` }).sessionId);
	}
	return { start, end: start + count - 1, sessionIds };
}

/** Webhook (answers with every item of the last node) → the side's nodes. */
function getManyWorkflow(name: string, label: string, sideNodes: WorkflowNodeJson[]): BenchWorkflow {
	const path = uniqueSuffix(label);
	const nodes: WorkflowNodeJson[] = [
		webhookNode(path, { respond: 'lastNode', responseData: 'allEntries' }),
		...sideNodes.map((node, index) => ({ ...node, position: position(index + 1) })),
	];
	return {
		json: { name, nodes, connections: chainConnections(nodes), settings: { executionOrder: 'v1' } },
		webhookPath: path,
		timedNodes: sideNodes.map((node) => node.name),
	};
}

const iso = (unixSeconds: number) => new Date(unixSeconds * 1000).toISOString();

export function ourGetManyWorkflow(window: RecordWindow): BenchWorkflow {
	return getManyWorkflow('bench: Get Many session records (ours)', 'getmany-ours', [
		{
			name: 'Get Many Session Records',
			type: ACTION_TYPE,
			typeVersion: 1,
			position: position(1),
			parameters: {
				resource: 'sessionRecord',
				operation: 'getAll',
				startTime: iso(window.start),
				endTime: iso(window.end),
				returnAll: true,
				options: {},
			},
			credentials: { [CREDENTIAL_TYPE]: { name: CREDENTIAL_NAME } },
		},
	]);
}

/**
 * The DIY chain. One UserSig serves every page (it is valid for an hour); each page gets a fresh `random`,
 * as Tencent asks. Pages stop when the records read reach TotalCount, or on an error answer (which has no
 * TotalCount and would otherwise page forever); the flatten step then fails the run on that error.
 */
export function diyGetManyWorkflow(baseUrl: string, app: { sdkAppId: number; identifier: string; secretKey: string }, window: RecordWindow): BenchWorkflow {
	return getManyWorkflow('bench: Get Many session records (DIY)', 'getmany-diy', [
		{
			name: DIY_NODES.userSig,
			type: 'n8n-nodes-base.code',
			typeVersion: 2,
			position: position(1),
			parameters: { jsCode: userSigCode(app.sdkAppId, app.identifier, app.secretKey) },
		},
		{
			name: DIY_NODES.http,
			type: 'n8n-nodes-base.httpRequest',
			typeVersion: 4.2,
			position: position(2),
			parameters: {
				method: 'POST',
				url: `${baseUrl}/v4/desk_http_svc/${GET_MANY_COMMAND}`,
				sendQuery: true,
				queryParameters: diySignedQuery(app),
				sendBody: true,
				contentType: 'json',
				specifyBody: 'json',
				jsonBody: JSON.stringify({ StartTimestamp: window.start, EndTimestamp: window.end, Limit: RECORD_PAGE_SIZE, Offset: 0 }),
				options: {
					pagination: {
						pagination: {
							paginationMode: 'updateAParameterInEachRequest',
							parameters: {
								parameters: [
									{ type: 'body', name: 'Offset', value: `={{ $pageCount * ${RECORD_PAGE_SIZE} }}` },
									{ type: 'qs', name: 'random', value: '={{ Math.floor(Math.random() * 4294967295) }}' },
								],
							},
							paginationCompleteWhen: 'other',
							completeExpression: `={{ $response.body.ErrorCode !== 0 || $pageCount * ${RECORD_PAGE_SIZE} >= $response.body.TotalCount }}`,
							limitPagesFetched: false,
						},
					},
				},
			},
		},
		{
			name: DIY_NODES.flatten,
			type: 'n8n-nodes-base.code',
			typeVersion: 2,
			position: position(3),
			parameters: { jsCode: FLATTEN_RECORD_PAGES_CODE },
		},
	]);
}

export interface GetManyRun {
	side: GetManySide;
	/** 0 = the unmeasured warm-up. */
	round: number;
	/** Records the workflow answered with. */
	records: number;
	/** Summed execution time of the side's nodes (s), from n8n's run data. */
	wallSeconds: number;
	recordsPerSecond: number;
	/** Webhook request → its answer carrying every record (s). */
	roundTripSeconds: number;
	nodeSeconds: Record<string, number>;
	simulator: { requests: number; ok: number; rateLimited: number; otherErrors: number; peakRequestsPerSecond: number };
	status: string;
	/** Exactly the seeded records, each once. */
	allRecords: boolean;
	/** Field for field the records the first measured run of the other side returned (false until compared). */
	sameAsOtherSide: boolean;
}

export interface GetManyResults {
	command: string;
	pageSize: number;
	records: number;
	/** Requests one complete read needs: ceil(records / pageSize). */
	pages: number;
	rounds: number;
	rateLimit: number;
	setting: string;
	/** Optional: the first results written lack it. */
	n8nVersion?: string;
	runs: GetManyRun[];
	measuredAt: string;
	loadAverageStart: number;
	loadAverageEnd: number;
	durationSeconds: number;
}

/** Sorted by SessionId, so two sides' answers compare as strings whatever order they came in. */
function canonical(records: Record<string, unknown>[]): string {
	return JSON.stringify([...records].sort((a, b) => String(a.SessionId).localeCompare(String(b.SessionId))));
}

function holdsExactly(records: Record<string, unknown>[], sessionIds: string[]): boolean {
	const returned = records.map((record) => String(record.SessionId));
	const expected = new Set(sessionIds);
	return returned.length === expected.size && new Set(returned).size === returned.length && returned.every((id) => expected.has(id));
}

async function runOnce(
	instance: BenchInstance,
	simulator: DeskSimulator,
	side: GetManySide,
	deployed: DeployedWorkflow,
	window: RecordWindow,
	round: number,
): Promise<{ run: GetManyRun; records: Record<string, unknown>[] }> {
	// Let the previous run's 1 s rate window drain, so each run's peak is its own.
	await sleep(1_100);
	simulator.resetStats();
	const started = performance.now();
	const response = await httpRequest(deployed.url, { method: 'POST', body: {}, timeoutMs: 120_000 });
	const roundTripMs = performance.now() - started;
	if (response.status !== 200 || !Array.isArray(response.json)) {
		throw new Error(`Get Many, ${side}: workflow answered HTTP ${response.status}: ${response.text.slice(0, 300)}`);
	}
	const records = response.json as Record<string, unknown>[];
	const stats = simulator.stats();
	const { nodeSeconds, wallSeconds, status } = await newestRunTimes(instance.n8n, deployed);
	const ok = stats.byErrorCode['0'] ?? 0;
	const rateLimited = stats.byErrorCode['141009'] ?? 0;
	return {
		records,
		run: {
			side,
			round,
			records: records.length,
			wallSeconds,
			recordsPerSecond: records.length / wallSeconds,
			roundTripSeconds: roundTripMs / 1000,
			nodeSeconds,
			simulator: { requests: stats.totalRequests, ok, rateLimited, otherErrors: stats.totalRequests - ok - rateLimited, peakRequestsPerSecond: stats.peakRequestsPerSecond },
			status,
			allRecords: holdsExactly(records, window.sessionIds),
			sameAsOtherSide: false,
		},
	};
}

/** Seeds the records, deploys both workflows into `instance`, and measures them in interleaved rounds. */
export async function runGetManySection(
	instance: BenchInstance,
	simulator: DeskSimulator,
	config: BenchConfig,
	log: (line: string) => void,
): Promise<GetManyResults> {
	const from = Date.now();
	const loadAverageStart = loadavg()[0];
	const window = seedRecords(simulator, config.getManyRecords);
	const app = { sdkAppId: simulator.app.sdkAppId, identifier: simulator.app.adminIdentifier, secretKey: simulator.app.secretKey };
	const deployed: Record<GetManySide, DeployedWorkflow> = {
		ours: await instance.deploy(ourGetManyWorkflow(window)),
		diy: await instance.deploy(diyGetManyWorkflow(simulator.url, app, window)),
	};
	simulator.faults.setRateLimit(config.simulatorRateLimit);
	log(`get many: ${config.getManyRecords} session records, ours and DIY, warm-up + ${config.getManyRounds} interleaved rounds (simulator limit ${config.simulatorRateLimit}/s)`);
	const runs: GetManyRun[] = [];
	const answers: Record<GetManySide, string | undefined> = { ours: undefined, diy: undefined };
	for (let round = 0; round <= config.getManyRounds; round++) {
		const order: GetManySide[] = round % 2 === 0 ? ['ours', 'diy'] : ['diy', 'ours'];
		for (const side of order) {
			const { run, records } = await runOnce(instance, simulator, side, deployed[side], window, round);
			if (round > 0) {
				answers[side] ??= canonical(records);
				runs.push(run);
				log(`  round ${round}, ${side}: ${run.records} records, ${run.wallSeconds.toFixed(3)} s (${run.recordsPerSecond.toFixed(0)}/s), round trip ${run.roundTripSeconds.toFixed(3)} s, ${run.simulator.requests} requests`);
			}
		}
	}
	for (const run of runs) {
		const mine = answers[run.side];
		run.sameAsOtherSide = mine !== undefined && mine === answers[run.side === 'ours' ? 'diy' : 'ours'];
	}
	return {
		command: GET_MANY_COMMAND,
		pageSize: RECORD_PAGE_SIZE,
		records: config.getManyRecords,
		pages: Math.ceil(config.getManyRecords / RECORD_PAGE_SIZE),
		rounds: config.getManyRounds,
		rateLimit: config.simulatorRateLimit,
		setting: instance.setting.key,
		...(instance.n8n.runtime.n8nVersion && { n8nVersion: instance.n8n.runtime.n8nVersion }),
		runs,
		measuredAt: new Date(from).toISOString().replace(/\.\d+Z$/, 'Z'),
		loadAverageStart: Math.round(loadAverageStart * 100) / 100,
		loadAverageEnd: Math.round(loadavg()[0] * 100) / 100,
		durationSeconds: (Date.now() - from) / 1000,
	};
}

/** One side over all its measured runs. */
export interface GetManySideSummary {
	side: GetManySide;
	runs: number;
	/** Every record of every run over the summed wall time. */
	recordsPerSecond: number;
	medianWallSeconds: number;
	medianRoundTripSeconds: number;
	/** Median per node, for where the time goes. */
	nodeSeconds: Record<string, number>;
	requestsPerRun: number[];
	rateLimited: number;
	allRecords: boolean;
	sameAsOtherSide: boolean;
	statuses: string[];
}

export function getManySummary(results: GetManyResults, side: GetManySide): GetManySideSummary | undefined {
	const runs = results.runs.filter((run) => run.side === side);
	if (runs.length === 0) return undefined;
	const nodes = Object.keys(runs[0].nodeSeconds);
	return {
		side,
		runs: runs.length,
		recordsPerSecond: runs.reduce((sum, run) => sum + run.records, 0) / runs.reduce((sum, run) => sum + run.wallSeconds, 0),
		medianWallSeconds: median(runs.map((run) => run.wallSeconds)),
		medianRoundTripSeconds: median(runs.map((run) => run.roundTripSeconds)),
		nodeSeconds: Object.fromEntries(nodes.map((node) => [node, median(runs.map((run) => run.nodeSeconds[node]))])),
		requestsPerRun: [...new Set(runs.map((run) => run.simulator.requests))].sort((a, b) => a - b),
		rateLimited: runs.reduce((sum, run) => sum + run.simulator.rateLimited, 0),
		allRecords: runs.every((run) => run.allRecords),
		sameAsOtherSide: runs.every((run) => run.sameAsOtherSide),
		statuses: [...new Set(runs.map((run) => run.status))],
	};
}

const fmt = (value: number, digits = 1): string => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
const times = (value: number): string => (Number.isFinite(value) ? `${value.toFixed(2)}×` : 'n/a');
const int = (value: number): string => (Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : 'n/a');
const ms = (seconds: number): string => `${fmt(seconds * 1000, 0)} ms`;

function bothSides(results: GetManyResults | undefined) {
	if (!results) return undefined;
	const ours = getManySummary(results, 'ours');
	const diy = getManySummary(results, 'diy');
	return ours && diy ? { ours, diy } : undefined;
}

function correctness(side: GetManySideSummary, records: number): string {
	return `${side.allRecords ? `all ${int(records)} records` : 'records MISSING or extra'}, ${side.sameAsOtherSide ? 'identical to the other side' : 'DIFFERENT from the other side'}`;
}

/** The issue's "done when": Get Many over 1,000+ records at least as fast as the DIY chain, the same records. */
export function getManyTarget(results: GetManyResults | undefined): { target: string; measured: string; met: boolean } | undefined {
	const sides = bothSides(results);
	if (!results || !sides) return undefined;
	const speed = ratio(sides.ours.recordsPerSecond, sides.diy.recordsPerSecond);
	const correct = sides.ours.allRecords && sides.diy.allRecords && sides.ours.sameAsOtherSide && sides.diy.sameAsOtherSide;
	return {
		target: `Get Many (Return All) over ${int(results.records)} records ≥ 1× the DIY chain (HTTP Request pagination + Code), same records`,
		measured: `${times(speed)} records/s, round trip ${times(ratio(sides.diy.medianRoundTripSeconds, sides.ours.medianRoundTripSeconds))} as fast; ${correct ? `both returned all ${int(results.records)}, identical` : 'records differ'}`,
		met: speed >= 1 && correct,
	};
}

/** The summary rows (console table and the top of the report). */
export function getManySummaryRows(results: GetManyResults | undefined): { section: string; figure: string; value: string; ratio: string }[] {
	const sides = bothSides(results);
	if (!results || !sides) return [];
	const section = `2b get many, ${int(results.records)} records`;
	return (['ours', 'diy'] as const).map((key) => {
		const side = sides[key];
		return {
			section,
			figure: GET_MANY_SIDES[key],
			value: `${fmt(side.recordsPerSecond, 0)} records/s, ${ms(side.medianWallSeconds)} in its nodes, round trip ${ms(side.medianRoundTripSeconds)}, ${side.requestsPerRun.join('/')} requests, ${correctness(side, results.records)}`,
			ratio:
				key === 'diy'
					? '(baseline)'
					: `${times(ratio(side.recordsPerSecond, sides.diy.recordsPerSecond))} DIY (round trip: ${times(ratio(sides.diy.medianRoundTripSeconds, side.medianRoundTripSeconds))} as fast)`,
		};
	});
}

/** Per page, from the medians: the paging itself on each side, and what the DIY chain's Code nodes add around it. */
function whereTheTimeGoes(results: GetManyResults, ours: GetManySideSummary, diy: GetManySideSummary): string {
	const perPage = (seconds: number) => `${fmt((seconds * 1000) / results.pages, 1)} ms`;
	const diyNode = (name: string) => diy.nodeSeconds[name] ?? Number.NaN;
	// The node's default budget spaces request starts; a page that answers sooner waits for its slot.
	const spacingMs = 1000 / DEFAULT_REQUEST_SETTINGS.requestsPerSecond;
	const budgetBinds = (ours.medianWallSeconds * 1000) / results.pages <= spacingMs * 1.25;
	return (
		`Where the time goes (medians): per page, ours ${perPage(ours.medianWallSeconds)} (request, signature, paging, one item per record) and DIY's HTTP Request node ${perPage(diyNode(DIY_NODES.http))} (request, n8n's pagination; one item per page). DIY's Code nodes add ${ms(diyNode(DIY_NODES.userSig))} before (one item) and ${ms(diyNode(DIY_NODES.flatten))} after (the flatten step, which sends every page to n8n's task runner and gets one item per record back).` +
		(budgetBinds
			? ` Ours is close to its floor here: at the default Max Requests per Second (${DEFAULT_REQUEST_SETTINGS.requestsPerSecond}) the node starts a request at most every ${fmt(spacingMs, 1)} ms, and the simulator on 127.0.0.1 answers a page sooner than that; the DIY chain has no such budget.`
			: '')
	);
}

function table(header: string[], rows: string[][]): string {
	return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
}

export const GET_MANY_HEADING = '## 2b. Get Many: every record of 1,000+, paged';

/** The report's section 2b, heading included, made from the figures. */
export function getManySection(results: GetManyResults | undefined, scale: string): string {
	const lines = [GET_MANY_HEADING, ''];
	const sides = bothSides(results);
	if (!results || !sides) return [...lines, 'Not part of this run.'].join('\n');
	lines.push(
		`Measured ${results.measuredAt} in ${fmt(results.durationSeconds, 0)} s (load average ${fmt(results.loadAverageStart, 2)} → ${fmt(results.loadAverageEnd, 2)}), n8n ${results.n8nVersion ?? 'n/a'}, ${results.setting} expression engine.` +
			(scale === 'smoke' ? ` Smoke scale: ${int(results.records)} records, enough to show the section works, not the 1,000+ it is about.` : ''),
		'',
		`One workflow run reads every record of ${int(results.records)} sessions that ended in a window (seeded in the simulator, nothing else in it) through \`${results.command}\`, ${results.pageSize} records a page (Desk's maximum), so ${results.pages} requests. **Ours**: Tencent Cloud Desk → Session Record → Get Many, Return All, default options; the node pages. **DIY**: Code (UserSig + random, as in section 2) → HTTP Request (v4.2) with n8n's pagination option (Offset = \`$pageCount × ${results.pageSize}\` in the body, a fresh \`random\` per page, complete when \`$pageCount × ${results.pageSize} ≥ TotalCount\` or on an ErrorCode) → Code (fails on an error page, one item per record). Same n8n, same records, simulator rate limit ${results.rateLimit}/s for both; one unmeasured warm-up each, then ${results.rounds} interleaved rounds. *Records/s* = records over the side's nodes' execution time (n8n run data); *round trip* = the webhook request until its answer, which carries every record. Each run is checked: exactly the seeded records, once each, and field for field the records the other side returned. This section alone, in about a minute and a half: \`BENCH_ONLY=getMany npm run bench\` (\`dev/bench/getMany.ts\`).`,
		'',
		table(
			['side', 'runs', 'records/s', 'vs DIY', 'median in its nodes', 'median round trip', 'round trip vs DIY', 'requests per run', '141009 answers', 'time per node (median)', 'records returned'],
			(['ours', 'diy'] as const).map((key) => {
				const side = sides[key];
				return [
					GET_MANY_SIDES[key],
					String(side.runs),
					fmt(side.recordsPerSecond, 0),
					key === 'diy' ? '1.00×' : times(ratio(side.recordsPerSecond, sides.diy.recordsPerSecond)),
					ms(side.medianWallSeconds),
					ms(side.medianRoundTripSeconds),
					key === 'diy' ? '1.00×' : `${times(ratio(sides.diy.medianRoundTripSeconds, side.medianRoundTripSeconds))} as fast`,
					side.requestsPerRun.join(' / '),
					String(side.rateLimited),
					Object.entries(side.nodeSeconds)
						.map(([node, seconds]) => `${node} ${ms(seconds)}`)
						.join(', '),
					correctness(side, results.records),
				];
			}),
		),
	);
	lines.push('', whereTheTimeGoes(results, sides.ours, sides.diy));
	const target = getManyTarget(results);
	if (target) lines.push('', `**Target** (${target.target}): **${target.met ? 'met' : 'missed'}**, ${target.measured}.`);
	return lines.join('\n');
}

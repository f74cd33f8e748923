/**
 * In-process micro-benchmarks (no n8n, no network): UserSig generation, ours against Tencent's official
 * `tls-sig-api-v2`, and the trigger's `webhook()` handler cost per callback for a small and a 12 KB body.
 * Rounds alternate between the two sides so drift on a shared machine hits both; medians are reported.
 */
import { randomUUID } from 'crypto';
import { performance } from 'perf_hooks';

import type { IWebhookFunctions } from 'n8n-workflow';

import { computeCallbackSign } from '../../nodes/shared/callbackSignature';
import { SESSION_EVENT_COMMAND } from '../../nodes/shared/events';
import { generateUserSig } from '../../nodes/shared/userSig';
import type { TencentCloudDeskTrigger as TriggerClass } from '../../nodes/TencentCloudDeskTrigger/TencentCloudDeskTrigger.node';
import { median, ratio } from '../harness/stats';

// tsx resolves `….node` to the sibling `.node.json` (codex file): name the TypeScript source explicitly.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { TencentCloudDeskTrigger } = require('../../nodes/TencentCloudDeskTrigger/TencentCloudDeskTrigger.node.ts') as {
	TencentCloudDeskTrigger: new () => TriggerClass;
};

// Untyped CommonJS: the official reference implementation.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Api: OfficialApi } = require('tls-sig-api-v2') as {
	Api: new (sdkappid: number, key: string) => { genUserSig(identifier: string, expire: number): string };
};

const SDK_APP_ID = 1400000001;
const IDENTIFIER = 'administrator';
const SECRET_KEY = '5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e';
const TOKEN = 'bench-callback-token';

export interface UserSigResult {
	oursOpsPerSecond: number;
	officialOpsPerSecond: number;
	/** ours / official (> 1: ours is faster). */
	ratio: number;
	opsPerRound: number;
	rounds: number;
}

function opsPerSecond(ops: number, run: () => void): number {
	const started = performance.now();
	for (let i = 0; i < ops; i++) run();
	return ops / ((performance.now() - started) / 1000);
}

/** Both sides make a fresh sig from the clock per call, as a REST caller does. */
export function benchUserSig(ops: number, rounds: number): UserSigResult {
	const official = new OfficialApi(SDK_APP_ID, SECRET_KEY);
	let sink = 0;
	const ours = () => {
		sink += generateUserSig({ sdkAppId: SDK_APP_ID, identifier: IDENTIFIER, time: Math.floor(Date.now() / 1000), expire: 3600 }, SECRET_KEY).length;
	};
	const theirs = () => {
		sink += official.genUserSig(IDENTIFIER, 3600).length;
	};
	// Warm both up (JIT, zlib's lazy init) before anything counts.
	opsPerSecond(Math.min(ops, 2000), ours);
	opsPerSecond(Math.min(ops, 2000), theirs);
	const oursRuns: number[] = [];
	const officialRuns: number[] = [];
	for (let round = 0; round < rounds; round++) {
		if (round % 2 === 0) {
			oursRuns.push(opsPerSecond(ops, ours));
			officialRuns.push(opsPerSecond(ops, theirs));
		} else {
			officialRuns.push(opsPerSecond(ops, theirs));
			oursRuns.push(opsPerSecond(ops, ours));
		}
	}
	if (sink === 0) throw new Error('unreachable: keeps the calls observable');
	const oursOpsPerSecond = median(oursRuns);
	const officialOpsPerSecond = median(officialRuns);
	return { oursOpsPerSecond, officialOpsPerSecond, ratio: ratio(oursOpsPerSecond, officialOpsPerSecond), opsPerRound: ops, rounds };
}

export interface HandlerCost {
	label: string;
	bodyBytes: number;
	/** Median µs per webhook() call. */
	microsPerCallback: number;
	calls: number;
	rounds: number;
}

/** A callback body as Desk sends it; `textBytes` pads the message text (12 KB for the large case). */
export function callbackBody(textBytes: number): string {
	const text = textBytes > 0 ? 'How do I request a refund for order 12345? '.repeat(Math.ceil(textBytes / 43)).slice(0, textBytes) : 'How to request a refund?';
	return JSON.stringify({
		CallbackCommand: SESSION_EVENT_COMMAND,
		SessionId: '2baf4d84-beb4-4607-a1ea-6ebcaef3e0e6',
		Event: 'ChatBot.UserSendMsg',
		EventTime: 1725540020017,
		ChannelType: 'SDK',
		ClientUserId: 'your_user_id',
		CustomerServiceId: '@customer_service_account',
		AgentId: '',
		MsgKey: '152_1600012345_abcdefg',
		MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: text } }],
		CloudCustomData: 'your cloud custom data',
		IsContactUser: false,
	});
}

/**
 * The smallest IWebhookFunctions the trigger uses, as n8n hands it over: parameters already resolved,
 * credentials already decrypted (n8n's own costs for those are measured through the real n8n runs).
 */
function fakeContext(rawBody: Buffer, query: Record<string, string>): IWebhookFunctions {
	const parameters: Record<string, unknown> = { events: ['*'], routing: 'perEvent', options: {} };
	const credentials = { sdkAppId: SDK_APP_ID, identifier: IDENTIFIER, secretKey: SECRET_KEY, region: 'custom', baseUrl: '', callbackToken: TOKEN };
	const node = { id: 'bench-trigger', name: 'Tencent Cloud Desk Trigger', type: 'n8n-nodes-tencent-desk.tencentCloudDeskTrigger', typeVersion: 1.1, position: [0, 0], parameters };
	const response = { status: () => response, json: () => response };
	return {
		getRequestObject: () => ({ rawBody, body: undefined, query }),
		getResponseObject: () => response,
		getQueryData: () => query,
		getBodyData: () => ({}),
		getCredentials: async () => credentials,
		getNodeParameter: (name: string, fallback?: unknown) => parameters[name] ?? fallback,
		getMode: () => 'webhook',
		getNode: () => node,
		getWorkflow: () => ({ id: 'bench-workflow', name: 'bench', active: true }),
	} as unknown as IWebhookFunctions;
}

async function timeHandler(trigger: TriggerClass, rawBody: Buffer, calls: number): Promise<number> {
	const requestTime = String(Math.floor(Date.now() / 1000));
	const sign = computeCallbackSign(TOKEN, requestTime);
	// Fresh RequestIDs so the duplicate filter lets every call through (the full path, not the short cut).
	const contexts = Array.from({ length: calls }, () =>
		fakeContext(rawBody, {
			SdkAppid: String(SDK_APP_ID),
			CallbackCommand: SESSION_EVENT_COMMAND,
			contenttype: 'json',
			ClientIP: '127.0.0.1',
			OptPlatform: 'RESTAPI',
			RequestID: randomUUID(),
			RequestTime: requestTime,
			Sign: sign,
		}),
	);
	let routed = 0;
	const started = performance.now();
	for (const context of contexts) {
		const result = await trigger.webhook.call(context);
		if (result.workflowData) routed++;
	}
	const micros = ((performance.now() - started) * 1000) / calls;
	if (routed !== calls) throw new Error(`handler routed ${routed} of ${calls} callbacks`);
	return micros;
}

export async function benchHandler(calls: number, rounds: number): Promise<HandlerCost[]> {
	const trigger = new TencentCloudDeskTrigger();
	const cases = [
		{ label: 'small body', rawBody: Buffer.from(callbackBody(0)) },
		{ label: '12 KB body', rawBody: Buffer.from(callbackBody(12 * 1024)) },
	];
	for (const { rawBody } of cases) await timeHandler(trigger, rawBody, Math.min(calls, 1000));
	const results: HandlerCost[] = [];
	for (const { label, rawBody } of cases) {
		const runs: number[] = [];
		for (let round = 0; round < rounds; round++) runs.push(await timeHandler(trigger, rawBody, calls));
		results.push({ label, bodyBytes: rawBody.length, microsPerCallback: median(runs), calls, rounds });
	}
	return results;
}

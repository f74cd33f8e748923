/**
 * The simulator's own ceiling: get_session_state hit directly from this process over keep-alive
 * connections, rate limit off, one valid UserSig reused (a client's signing cost is not the
 * simulator's). It is the floor any client, ours or the DIY chain, sits on.
 */
import http from 'http';
import { performance } from 'perf_hooks';

import { generateUserSig } from '../../nodes/shared/userSig';
import type { DeskSimulator } from '../simulator';
import { mergeLoads, runLoad, type LoadResult, type SendOutcome } from '../harness/loadGenerator';

export interface SimulatorCeiling {
	load: LoadResult;
	requestsPerSecond: number;
	okAnswers: number;
}

export async function measureSimulatorCeiling(
	simulator: DeskSimulator,
	sessionIds: string[],
	count: number,
	concurrency: number,
): Promise<SimulatorCeiling> {
	const { app } = simulator;
	const usersig = generateUserSig(
		{ sdkAppId: app.sdkAppId, identifier: app.adminIdentifier, time: Math.floor(Date.now() / 1000), expire: 3600 },
		app.secretKey,
	);
	const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
	const previousLimit = simulator.faults.get().rateLimitPerSecond;
	simulator.faults.setRateLimit(0);
	let okAnswers = 0;
	try {
		const post = (index: number, timeoutMs: number) =>
			new Promise<SendOutcome>((resolve) => {
				const started = performance.now();
				const query = new URLSearchParams({
					sdkappid: String(app.sdkAppId),
					identifier: app.adminIdentifier,
					usersig,
					random: String((index * 2654435761) >>> 0),
					contenttype: 'json',
				});
				const body = JSON.stringify({ SessionId: sessionIds[index % sessionIds.length] });
				const req = http.request(`${simulator.url}/v4/desk_http_svc/get_session_state?${query.toString()}`, {
					method: 'POST',
					agent,
					headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) },
				});
				req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
				req.on('error', (error) => resolve({ status: null, latencyMs: performance.now() - started, error: error.message }));
				req.on('response', (res) => {
					const chunks: Buffer[] = [];
					res.on('data', (chunk: Buffer) => chunks.push(chunk));
					res.on('end', () => {
						if ((JSON.parse(Buffer.concat(chunks).toString('utf8')) as { ErrorCode?: number }).ErrorCode === 0) okAnswers++;
						resolve({ status: res.statusCode ?? null, latencyMs: performance.now() - started });
					});
				});
				req.end(body);
			});
		await runLoad({ count: Math.min(200, count), concurrency }, post);
		okAnswers = 0;
		// mergeLoads of one run: its figures without the per-request outcomes.
		const load = mergeLoads([await runLoad({ count, concurrency }, post)]);
		return { load, requestsPerSecond: load.requestsPerSecond, okAnswers };
	} finally {
		simulator.faults.setRateLimit(previousLimit);
		agent.destroy();
	}
}

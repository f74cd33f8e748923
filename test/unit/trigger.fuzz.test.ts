/**
 * Fuzzing webhook() with random and mutated requests, against an oracle written from the spec (not from
 * verifyCallback; test/helpers/webhookOracle.ts): the handler never throws, answers exactly one way (a 4xx
 * through `res`, or the ack), and runs the workflow only for a valid request, on the output the oracle
 * expects. Generators in test/helpers/webhookArbitraries.ts. Fixed seeds; 11,000 runs in all.
 */
import fc from 'fast-check';

import { ALL_EVENTS } from '../../nodes/shared/events';
import { configArb, bodyTextArb, encode, mutate, mutationArb, type Encoding } from '../helpers/webhookArbitraries';
import { callWebhook, testCredentials, type WebhookCall, type WebhookRequest } from '../helpers/webhookContext';
import { check, EVENTS, first, hex, NOW_MS, oracle, SDK_APP_ID, SESSION_COMMAND, signedQuery, TOKEN, type Config } from '../helpers/webhookOracle';

beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(NOW_MS));
afterEach(() => jest.restoreAllMocks());

let run = 0;

describe('webhook() under fuzzing', () => {
	it('never throws, answers one way, runs only valid requests (single requests)', async () => {
		let counts = { reject: 0, ack: 0, run: 0 };
		await fc.assert(
			fc.asyncProperty(
				configArb,
				bodyTextArb,
				fc.constantFrom<Encoding>('buffer', 'buffer', 'string', 'parsed'),
				fc.array(mutationArb, { maxLength: 3 }),
				async (config, text, encoding, mutations) => {
					run++;
					const query = mutate({ ...signedQuery(config.token), RequestID: `fuzz-${run}` }, mutations, config.token);
					const request = { ...encode(text, encoding), query };
					const expected = oracle(request, config);
					counts = { ...counts, [expected.kind]: counts[expected.kind] + 1 };
					let call: WebhookCall;
					try {
						call = await callWebhook(request, {
							credentials: testCredentials({ sdkAppId: Number(SDK_APP_ID), callbackToken: config.token }),
							parameters: {
								routing: config.routing,
								events: config.events,
								options: {
									...(config.tolerance !== undefined && { toleranceSeconds: config.tolerance }),
									...(config.allowOtherCommands !== undefined && { allowOtherCommands: config.allowOtherCommands }),
								},
							},
							mode: config.mode,
							workflowId: `fuzz-wf-${run}`,
						});
					} catch (error) {
						throw new Error(`webhook() threw: ${(error as Error).message}`);
					}
					const time = first(query.RequestTime);
					check(call, expected, typeof time === 'string' ? [TOKEN, hex(TOKEN + time)] : [TOKEN]);
				},
			),
			{ seed: 0x5e55104, numRuns: 10_000 },
		);
		// The generators reach every outcome often enough to mean something.
		expect(counts.reject).toBeGreaterThan(1500);
		expect(counts.ack).toBeGreaterThan(500);
		expect(counts.run).toBeGreaterThan(1500);
	}, 60_000);

	it('with repeated RequestIDs: each valid id runs once per workflow outside manual mode', async () => {
		const stepArb = fc.record({
			id: fc.constantFrom('a', 'b', 'c'),
			event: fc.constantFrom(...EVENTS, 'Human.Future'),
			valid: fc.boolean(),
			mode: fc.constantFrom('webhook' as const, 'webhook' as const, 'manual' as const),
		});
		await fc.assert(
			fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 12 }), async (steps) => {
				run++;
				const workflowId = `fuzz-seq-${run}`;
				const delivered = new Set<string>();
				const config: Config = { token: TOKEN, tolerance: undefined, allowOtherCommands: undefined, routing: 'perEvent', events: [ALL_EVENTS], mode: 'webhook' };
				for (const step of steps) {
					const query: Record<string, unknown> = { ...signedQuery(TOKEN), RequestID: `${workflowId}-${step.id}` };
					if (!step.valid) query.Sign = hex(`wrong${String(query.RequestTime)}`);
					const request: WebhookRequest = { rawBody: JSON.stringify({ SessionId: 's', Event: step.event, CallbackCommand: SESSION_COMMAND }), query };
					let expected = oracle(request, { ...config, mode: step.mode });
					if (expected.kind === 'run' && step.mode !== 'manual') {
						if (delivered.has(step.id)) expected = { kind: 'ack' };
						else delivered.add(step.id);
					}
					const call = await callWebhook(request, { credentials: testCredentials({ sdkAppId: Number(SDK_APP_ID), callbackToken: TOKEN }), parameters: { routing: 'perEvent', events: [ALL_EVENTS] }, mode: step.mode, workflowId });
					check(call, expected, [TOKEN]);
				}
			}),
			{ seed: 20240905, numRuns: 1_000 },
		);
	}, 60_000);
});

/**
 * The trigger's `outputs` expression, evaluated the way n8n evaluates it: n8n-workflow's own
 * `Workflow` + `NodeHelpers.getNodeOutputs` (see test/helpers/webhookOutputs.ts for which engine
 * runs and why), plus the quickjs sandbox in a child process, plus the function on its own.
 *
 * What makes this worth testing: n8n swallows every evaluation error (a console.warn and zero
 * outputs), so a broken expression shows up only as a node with no outputs in the editor.
 */
import { execFileSync } from 'child_process';
import path from 'path';
import vm from 'vm';

import { buildSync } from 'esbuild';
import fc from 'fast-check';
import type { IDataObject, INodeTypeDescription } from 'n8n-workflow';

import {
	configuredOutputs,
	OUTPUT_CATALOGUE,
	outputIndexFor,
	outputsExpression,
} from '../../nodes/TencentCloudDeskTrigger/outputs';
import { ALL_EVENTS, DESK_EVENTS, OTHER_OUTPUT_NAME } from '../../nodes/shared/events';
import { callWebhook, trigger, validRequest } from '../helpers/webhookContext';
import { evaluateNodeOutputs, outputNames } from '../helpers/webhookOutputs';

const EVENT_VALUES = DESK_EVENTS.map((event) => event.value);
const EVENT_NAMES = DESK_EVENTS.map((event) => event.name);
const nameOf = (value: string): string => DESK_EVENTS.find((event) => event.value === value)!.name;

/** The JavaScript between `={{` and `}}`. */
function expressionBody(expression: string): string {
	expect(expression.startsWith('={{')).toBe(true);
	expect(expression.endsWith('}}')).toBe(true);
	return expression.slice(3, -2);
}

function evaluate(parameters: IDataObject) {
	const result = evaluateNodeOutputs(parameters);
	// n8n turns any evaluation error into a warning and an empty list: fail loudly instead.
	expect(result.warnings).toEqual([]);
	return result;
}

describe('outputs, evaluated by n8n-workflow (NodeHelpers.getNodeOutputs)', () => {
	it('uses the description defaults (All Events, single) and gives one unnamed main output', () => {
		const { outputs, parameters } = evaluate({});
		expect(parameters.events).toEqual([ALL_EVENTS]);
		expect(parameters.routing).toBe('single');
		expect(outputs).toEqual([{ type: 'main', events: [...EVENT_VALUES, OTHER_OUTPUT_NAME] }]);
	});

	it.each([
		['a few events', ['SessionEnd', 'NoAgentOnline']],
		['one event', ['SessionBegin']],
		['no events', []],
		['All Events', [ALL_EVENTS]],
	])('single routing with %s: exactly one main output', (_name, events) => {
		const { outputs } = evaluate({ routing: 'single', events });
		expect(outputs).toHaveLength(1);
		expect(outputs[0]).toMatchObject({ type: 'main' });
		expect((outputs[0] as { displayName?: string }).displayName).toBeUndefined();
	});

	it('perEvent: one output per selected event, named after it, in catalogue order', () => {
		const { outputs } = evaluate({ routing: 'perEvent', events: ['SessionEnd', 'ChatBot.UserSendMsg', 'NoAgentOnline'] });
		expect(outputs).toEqual([
			{ type: 'main', displayName: 'Chatbot: User Message', events: ['ChatBot.UserSendMsg'] },
			{ type: 'main', displayName: 'No Agent Online', events: ['NoAgentOnline'] },
			{ type: 'main', displayName: 'Session End', events: ['SessionEnd'] },
		]);
	});

	it('perEvent: the order does not depend on the order the user picked the events in', () => {
		fc.assert(
			fc.property(fc.shuffledSubarray(EVENT_VALUES, { minLength: 1 }), (picked) => {
				const { outputs } = evaluate({ routing: 'perEvent', events: picked });
				const expected = EVENT_VALUES.filter((value) => picked.includes(value)).map(nameOf);
				expect(outputNames(outputs)).toEqual(expected);
				expect(outputs.every((output) => typeof output === 'object' && output.type === 'main')).toBe(true);
			}),
			{ seed: 20250407, numRuns: 60 },
		);
	});

	it('perEvent with All Events: the 17 events in catalogue order, then Other', () => {
		const { outputs } = evaluate({ routing: 'perEvent', events: [ALL_EVENTS] });
		expect(outputs).toHaveLength(18);
		expect(outputNames(outputs)).toEqual([...EVENT_NAMES, 'Other']);
		// Naming an event beside All Events does not add a second output for it.
		expect(outputNames(evaluate({ routing: 'perEvent', events: ['SessionEnd', ALL_EVENTS, 'SessionBegin'] }).outputs)).toEqual([
			...EVENT_NAMES,
			'Other',
		]);
	});

	it('perEvent with no events: one placeholder output, so the node still has somewhere to connect', () => {
		expect(evaluate({ routing: 'perEvent', events: [] }).outputs).toEqual([
			{ type: 'main', displayName: 'No Events Selected', events: [] },
		]);
	});

	it('ignores event values it does not know (e.g. from a newer or older version)', () => {
		const { outputs } = evaluate({ routing: 'perEvent', events: ['Desk.FutureEvent', 'SessionBegin'] });
		expect(outputNames(outputs)).toEqual(['Session Begin']);
	});

	it('accepts events given as one string and as an expression (n8n resolves $parameter)', () => {
		expect(outputNames(evaluate({ routing: 'perEvent', events: 'SessionEnd' }).outputs)).toEqual(['Session End']);
		expect(
			outputNames(evaluate({ routing: 'perEvent', events: '={{ ["SessionEnd", "SessionBegin"] }}' }).outputs),
		).toEqual(['Session Begin', 'Session End']);
	});

	it('agrees with webhook(): as many output arrays as n8n shows outputs, item on the matching one', async () => {
		const parameterSets = fc.record({
			routing: fc.constantFrom('single', 'perEvent'),
			events: fc.oneof(fc.shuffledSubarray([...EVENT_VALUES, ALL_EVENTS]), fc.constant([ALL_EVENTS])),
		});
		await fc.assert(
			fc.asyncProperty(parameterSets, fc.constantFrom(...EVENT_VALUES, 'Desk.FutureEvent'), async (parameters, event) => {
				const { outputs } = evaluate(parameters);
				const { result } = await callWebhook(validRequest(event), { parameters });
				if (!result.workflowData) return;
				expect(result.workflowData).toHaveLength(outputs.length);
				const target = result.workflowData.findIndex((items) => items.length > 0);
				const expectedName = parameters.routing === 'single' ? undefined : EVENT_VALUES.includes(event) ? nameOf(event) : 'Other';
				expect(outputNames(outputs)[target]).toBe(expectedName);
			}),
			{ seed: 1725540020, numRuns: 150 },
		);
	});

	it('shows no outputs, silently or with a warning, when the expression breaks (why the checks above are exact)', () => {
		// A runtime error (ReferenceError, TypeError): the legacy engine returns null, no warning at all.
		const throwing: INodeTypeDescription = { ...trigger.description, outputs: '={{(function () { return missing.value; })()}}' };
		expect(evaluateNodeOutputs({}, throwing)).toEqual(expect.objectContaining({ outputs: [], warnings: [] }));
		// A syntax error, e.g. the code cut short at a `}}`: a console.warn, and no outputs.
		const cut: INodeTypeDescription = { ...trigger.description, outputs: '={{(function () { if (true) { return [{ type: "main" }]; }})()}}' };
		// Valid JavaScript on its own, returning one output:
		expect(new Function(`return ${(cut.outputs as string).slice(3, -2)};`)()).toEqual([{ type: 'main' }]);
		const result = evaluateNodeOutputs({}, cut);
		expect(result.outputs).toEqual([]);
		expect(result.warnings.join('\n')).toContain('Could not calculate outputs');
	});
});

describe('the outputs expression text', () => {
	const body = expressionBody(outputsExpression);

	it('has no `}}` inside (n8n ends the expression at the first one) and no `.constructor` (n8n refuses it)', () => {
		expect(body).not.toContain('}}');
		expect(body).not.toMatch(/\.\s*constructor/);
	});

	it('is self-contained: runs in an empty context with only $parameter in scope', () => {
		const run = (parameters: IDataObject) => vm.runInNewContext(body, { $parameter: parameters }, { timeout: 1000 });
		expect(JSON.parse(JSON.stringify(run({ routing: 'perEvent', events: ['SessionEnd', 'SessionBegin'] })))).toEqual([
			{ type: 'main', displayName: 'Session Begin', events: ['SessionBegin'] },
			{ type: 'main', displayName: 'Session End', events: ['SessionEnd'] },
		]);
		expect(run({ routing: 'perEvent', events: [ALL_EVENTS] })).toHaveLength(18);
		// `new Function` sees globals but none of the module's closures or imports.
		const viaFunction = new Function('$parameter', `return ${body};`) as (parameters: IDataObject) => unknown;
		expect(JSON.parse(JSON.stringify(viaFunction({ routing: 'single', events: [] })))).toEqual([{ type: 'main', events: [] }]);
	});

	it('the stringified function names nothing from outside itself', () => {
		const source = configuredOutputs.toString();
		expect(source).not.toMatch(/\brequire\s*\(|\bimport\b|_\d+\.|\bOUTPUT_CATALOGUE\b|\bALL_EVENTS\b|\bDESK_EVENTS\b|\bOTHER_OUTPUT_NAME\b/);
		const standalone = new Function(`return (${source});`)() as typeof configuredOutputs;
		expect(standalone({ routing: 'perEvent', events: ['NoAgentOnline'] }, OUTPUT_CATALOGUE)).toEqual([
			{ type: 'main', displayName: 'No Agent Online', events: ['NoAgentOnline'] },
		]);
	});

	it('still evaluates in n8n when compiled by esbuild with minified whitespace (tsx prints `}}`)', () => {
		const built = buildSync({
			entryPoints: [path.join(__dirname, '../../nodes/TencentCloudDeskTrigger/outputs.ts')],
			bundle: true,
			write: false,
			format: 'cjs',
			platform: 'node',
			minifyWhitespace: true,
			logLevel: 'silent',
		});
		const module = { exports: {} as { outputsExpression?: INodeTypeDescription['outputs']; configuredOutputs?: () => unknown } };
		new Function('module', 'exports', built.outputFiles[0].text)(module, module.exports);
		// The premise: esbuild's function text does contain `}}`.
		expect(String(module.exports.configuredOutputs)).toContain('}}');
		const minified: INodeTypeDescription = { ...trigger.description, outputs: module.exports.outputsExpression! };
		const result = evaluateNodeOutputs({ routing: 'perEvent', events: [ALL_EVENTS] }, minified);
		expect(result.warnings).toEqual([]);
		expect(outputNames(result.outputs)).toEqual([...EVENT_NAMES, 'Other']);
	});
});

describe('outputs, evaluated by n8n-workflow in the quickjs sandbox (child process)', () => {
	// `Expression.initExpressionEngine` loads @n8n/expression-runtime with a dynamic import(),
	// which jest's CommonJS runtime refuses, so this runs in a plain Node child process.
	const script = `
const { Expression, NodeHelpers, Workflow } = require('n8n-workflow');
(async () => {
	const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));
	await Expression.initExpressionEngine({ engine: 'quickjs', bridgeTimeout: 5000, bridgeMemoryLimit: 64, poolSize: 1, maxCodeCacheSize: 16 });
	const warnings = [];
	console.warn = (...args) => warnings.push(args.join(' '));
	const nodeType = { description: input.description };
	const nodeTypes = { getByName: () => nodeType, getByNameAndVersion: () => nodeType, getKnownTypes: () => ({}) };
	const results = [];
	for (const parameters of input.cases) {
		const node = { id: 'n', name: 'Desk Trigger', type: input.description.name, typeVersion: 1, position: [0, 0], parameters };
		const workflow = new Workflow({ id: 'w', nodes: [node], connections: {}, active: false, nodeTypes });
		results.push(await workflow.expression.withIsolate(async () => NodeHelpers.getNodeOutputs(workflow, node, input.description)));
	}
	const engine = Expression.getActiveImplementation();
	await Expression.disposeExpressionEngine();
	process.stdout.write(JSON.stringify({ engine, warnings, results }));
})().catch((error) => { console.error(error); process.exit(1); });
`;

	it('gives the same outputs as the legacy engine', () => {
		const cases: IDataObject[] = [
			{},
			{ routing: 'perEvent', events: ['SessionEnd', 'SessionBegin'] },
			{ routing: 'perEvent', events: [ALL_EVENTS] },
			{ routing: 'perEvent', events: [] },
			{ routing: 'single', events: ['NoAgentOnline'] },
		];
		const stdout = execFileSync(process.execPath, ['-e', script], {
			cwd: path.join(__dirname, '../..'),
			input: JSON.stringify({ description: trigger.description, cases }),
			encoding: 'utf8',
			timeout: 60_000,
		});
		const { engine, warnings, results } = JSON.parse(stdout) as { engine: string; warnings: string[]; results: unknown[] };
		expect(engine).toBe('quickjs');
		expect(warnings).toEqual([]);
		expect(results).toEqual(cases.map((parameters) => evaluate(parameters).outputs));
		expect(outputNames((results[2] as ReturnType<typeof evaluate>['outputs']) ?? [])).toEqual([...EVENT_NAMES, 'Other']);
	}, 90_000);
});

describe('outputIndexFor', () => {
	const perEventAll = configuredOutputs({ routing: 'perEvent', events: [ALL_EVENTS] }, OUTPUT_CATALOGUE);
	const perEventSome = configuredOutputs({ routing: 'perEvent', events: ['SessionEnd', 'SessionBegin'] }, OUTPUT_CATALOGUE);
	const singleAll = configuredOutputs({ routing: 'single', events: [ALL_EVENTS] }, OUTPUT_CATALOGUE);
	const singleSome = configuredOutputs({ routing: 'single', events: ['SessionEnd'] }, OUTPUT_CATALOGUE);

	it('sends each known event to its own output, unknown ones to Other', () => {
		EVENT_VALUES.forEach((value, index) => expect(outputIndexFor(perEventAll, value)).toBe(index));
		expect(outputIndexFor(perEventAll, 'Desk.FutureEvent')).toBe(17);
	});

	it('drops unselected known events and, without All Events, unknown ones', () => {
		expect(outputIndexFor(perEventSome, 'SessionBegin')).toBe(0);
		expect(outputIndexFor(perEventSome, 'SessionEnd')).toBe(1);
		expect(outputIndexFor(perEventSome, 'NoAgentOnline')).toBe(-1);
		expect(outputIndexFor(perEventSome, 'Desk.FutureEvent')).toBe(-1);
		expect(outputIndexFor(singleSome, 'SessionEnd')).toBe(0);
		expect(outputIndexFor(singleSome, 'SessionBegin')).toBe(-1);
		expect(outputIndexFor(singleSome, 'Desk.FutureEvent')).toBe(-1);
	});

	it('single routing with All Events takes everything, known or not', () => {
		for (const value of [...EVENT_VALUES, 'Desk.FutureEvent', '', OTHER_OUTPUT_NAME]) expect(outputIndexFor(singleAll, value)).toBe(0);
	});
});

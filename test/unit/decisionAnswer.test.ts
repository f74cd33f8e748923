/**
 * The Decision Answer node: the first item's answer goes to this.sendResponse as HTTP 200 JSON,
 * all items pass through unchanged, an answer Desk could not read is a NodeOperationError that says
 * what to fix (the Decision Trigger then sends its fallback), and the step checks, as n8n's Respond
 * to Webhook does, that a Decision Trigger waiting for this kind of answer is before it.
 */
import type { IDataObject, IExecuteFunctions, IExecuteResponsePromiseData, INode, INodeParameters } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { answerProblem } from '../../nodes/shared/decisionAnswers';
import { DECISION_TRIGGER_NODE_NAME, openDecision, recordDelivery } from '../../nodes/shared/decisionDelivery';
import type { DecisionKind } from '../../nodes/shared/decisionCallbacks';
import { TencentCloudDeskDecisionAnswer } from '../../nodes/TencentCloudDeskDecisionAnswer/TencentCloudDeskDecisionAnswer.node';

const NODE: INode = {
	id: 'answer-node',
	name: 'Answer Desk',
	type: 'n8n-nodes-tencent-desk.tencentCloudDeskDecisionAnswer',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};
const ITEMS = [{ json: { sessionId: 's-1', decision: 'assignHuman' } }, { json: { sessionId: 's-2' } }];
const OK = { ActionStatus: 'OK', ErrorInfo: '', ErrorCode: 0 };
const TRIGGER_NAME = 'Desk Decision';
const LOOKUP = { name: 'Lookup', type: 'n8n-nodes-base.httpRequest', typeVersion: 4.2, parameters: {} };

interface Upstream {
	/** The trigger's saved parameters; null: no Decision Trigger before the step. */
	trigger?: INodeParameters | null;
	/** What the Decision Trigger's item holds in this execution. */
	decisionId?: string;
}

function executeContext(parameters: Record<string, unknown>, upstream: Upstream = {}) {
	const responses: IExecuteResponsePromiseData[] = [];
	const trigger = upstream.trigger === null ? [] : [{ name: TRIGGER_NAME, type: `n8n-nodes-tencent-desk.${DECISION_TRIGGER_NODE_NAME}`, typeVersion: 1.1, parameters: upstream.trigger ?? {} }];
	const context = {
		getNode: () => NODE,
		getParentNodes: (name: string, options?: { includeNodeParameters?: boolean }) => {
			expect(name).toBe(NODE.name);
			expect(options?.includeNodeParameters).toBe(true);
			return [LOOKUP, ...trigger];
		},
		getWorkflowDataProxy: () => ({
			$: (name: string) => {
				if (name !== TRIGGER_NAME) throw new Error(`no node ${name}`);
				return { first: () => ({ json: { decision: 'assignHuman', decisionId: upstream.decisionId } }) };
			},
		}),
		getInputData: () => ITEMS,
		getNodeParameter: (name: string, itemIndex: number, fallback?: unknown, options?: { extractValue?: boolean }) => {
			// Only the first item's values build the answer.
			expect(itemIndex).toBe(0);
			if (!(name in parameters)) return fallback;
			const value = parameters[name];
			if (options?.extractValue && typeof value === 'object' && value !== null && '__rl' in value) {
				return (value as unknown as { value: unknown }).value;
			}
			return value;
		},
		getCredentials: jest.fn(async () => await Promise.reject(new Error('the credential was read'))),
		sendResponse: (response: IExecuteResponsePromiseData) => responses.push(response),
	};
	return { context: context as unknown as IExecuteFunctions, responses, getCredentials: context.getCredentials };
}

const TRIGGER_FOR: Record<DecisionKind, INodeParameters> = {
	// Nothing saved: n8n leaves parameters at their default (Route Customer to Agents, From the Workflow) out.
	assignHuman: {},
	apiCall: { decision: 'apiCall' },
	beforeContact: { decision: 'beforeContact', answerMode: 'workflow' },
};

async function run(parameters: Record<string, unknown>, upstream?: Upstream) {
	const { context, responses, getCredentials } = executeContext(parameters, upstream);
	const output = await new TencentCloudDeskDecisionAnswer().execute.call(context);
	expect(getCredentials).not.toHaveBeenCalled();
	return { output, responses };
}

async function runError(parameters: Record<string, unknown>, upstream?: Upstream): Promise<NodeOperationError> {
	const { context, responses } = executeContext(parameters, upstream);
	try {
		await new TencentCloudDeskDecisionAnswer().execute.call(context);
	} catch (error) {
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(responses).toEqual([]);
		return error as NodeOperationError;
	}
	throw new Error('expected a NodeOperationError');
}

function onlyAnswer(responses: IExecuteResponsePromiseData[]): IDataObject {
	expect(responses).toHaveLength(1);
	const [response] = responses;
	expect(response.statusCode).toBe(200);
	expect(response.headers).toEqual({ 'content-type': 'application/json; charset=utf-8' });
	return response.body as IDataObject;
}

const route = (parameters: Record<string, unknown>) => ({ answer: 'routeToAgents', ...parameters });

describe('the node', () => {
	const { description } = new TencentCloudDeskDecisionAnswer();

	it('is not offered to the AI Agent as a tool, and needs no credential to answer', () => {
		expect(description.usableAsTool).toBeUndefined();
		expect(description.credentials).toEqual([{ name: 'tencentCloudDeskApi', required: false }]);
	});

	it('declares no regex for a skill group typed by ID, which n8n would run at the start of every execution (the run checks it)', () => {
		const skillGroup = description.properties.find((property) => property.name === 'skillGroup');
		const byId = skillGroup?.modes?.find((mode) => mode.name === 'id');
		expect(byId).toBeDefined();
		expect(byId?.validation).toBeUndefined();
		expect(byId?.hint).toMatch(/number/);
	});
});

describe.each<[string, DecisionKind, Record<string, unknown>, IDataObject]>([
	[
		'routeToAgents',
		'assignHuman',
		{ skillGroup: { __rl: true, mode: 'id', value: '6521' }, agents: ['svc1@tencent.com', 'svc2@tencent.com'] },
		{ ...OK, AgentGroupId: 6521, AgentIdList: ['svc1@tencent.com', 'svc2@tencent.com'] },
	],
	['letDeskDecide', 'assignHuman', {}, { ActionStatus: 'FAIL', ErrorCode: 1, ErrorInfo: 'Routing left to Desk' }],
	[
		'setChatbotVariables',
		'apiCall',
		{ variablesInput: 'fields', variables: { variable: [{ name: 'orderStatus', value: 'shipped' }, { name: '', value: 'x' }] } },
		{ ...OK, Body: { orderStatus: 'shipped' } },
	],
	['allowOrRefuseContact', 'beforeContact', { allowContact: true }, OK],
])('%s', (answer, kind, parameters, expected) => {
	it('sends one answer, built from the first item, and passes every item through', async () => {
		const { output, responses } = await run({ answer, ...parameters }, { trigger: TRIGGER_FOR[kind] });
		const body = onlyAnswer(responses);
		expect(body).toEqual(expected);
		expect(answerProblem(kind, body)).toBeUndefined();
		expect(output).toEqual([ITEMS]);
	});

	it('refuses to answer a trigger set to another decision, naming the answers that fit it', async () => {
		const other = (['assignHuman', 'apiCall', 'beforeContact'] as const).find((decision) => decision !== kind) as DecisionKind;
		const error = await runError({ answer, ...parameters }, { trigger: TRIGGER_FOR[other] });
		expect(error.message).toMatch(new RegExp(`does not answer the Decision Trigger “${TRIGGER_NAME}”: it waits for a “.+” answer$`));
		expect(error.description).toMatch(/^Choose “.+” as this step’s Answer, or set the trigger’s Decision to “.+”\.$/);
	});
});

describe('which trigger it answers', () => {
	it('fails with what to do when no Decision Trigger is before it', async () => {
		const error = await runError(route({ skillGroup: '1' }), { trigger: null });
		expect(error.message).toBe('No Tencent Cloud Desk Decision Trigger before this step');
		expect(error.description).toMatch(/Start the workflow with that trigger, and set its Answer to “From the Workflow”/);
	});

	it('fails when the trigger already answered Desk at once', async () => {
		const error = await runError(route({ skillGroup: '1' }), { trigger: { answerMode: 'atOnce' } });
		expect(error.message).toBe(`The Decision Trigger “${TRIGGER_NAME}” already answered Desk at once`);
		expect(error.description).toMatch(/Set it to “From the Workflow”, or remove this step/);
	});

	it('names both routing answers for a routing trigger', async () => {
		const error = await runError({ answer: 'setChatbotVariables' }, { trigger: {} });
		expect(error.message).toBe(`“Set Chatbot Variables” does not answer the Decision Trigger “${TRIGGER_NAME}”: it waits for a “Route Customer to Agents” answer`);
		expect(error.description).toBe('Choose “Route to Agents” or “Let Desk Decide” as this step’s Answer, or set the trigger’s Decision to “Chatbot API Call”.');
	});
});

describe('Route to Agents', () => {
	it('routes to agents only, from comma-separated text in an expression', async () => {
		const { responses } = await run(route({ skillGroup: { __rl: true, mode: 'list', value: '' }, agents: 'a@x.com, b@x.com' }));
		expect(onlyAnswer(responses)).toEqual({ ...OK, AgentIdList: ['a@x.com', 'b@x.com'] });
	});

	it('refuses a routing with neither a skill group nor agents, pointing to the fallback', async () => {
		const error = await runError(route({ agents: [] }));
		expect(error.message).toMatch(/^The answer to Desk is not valid: Name a skill group or at least one agent/);
		expect(error.description).toMatch(/fallback answer/);
	});

	it('refuses a skill group that is not a number', async () => {
		const error = await runError(route({ skillGroup: { __rl: true, mode: 'id', value: 'sales' } }));
		expect(error.message).toMatch(/Skill group ID must be a positive whole number, got "sales"/);
	});
});

describe('Set Chatbot Variables from JSON', () => {
	const variables = (variablesJson: unknown) => ({ answer: 'setChatbotVariables', variablesInput: 'json', variablesJson });
	const upstream = { trigger: TRIGGER_FOR.apiCall };

	it('sends numbers and booleans as text', async () => {
		const { responses } = await run(variables('{"count":3,"vip":true,"name":"Ann"}'), upstream);
		expect(onlyAnswer(responses)).toEqual({ ...OK, Body: { count: '3', vip: 'true', name: 'Ann' } });
	});

	it('takes an object n8n already parsed', async () => {
		const { responses } = await run(variables({ a: 'b' }), upstream);
		expect(onlyAnswer(responses)).toEqual({ ...OK, Body: { a: 'b' } });
	});

	it.each<[string, unknown, RegExp]>([
		['not JSON', '{"a":', /^Variables \(JSON\) is not valid JSON$/],
		['a JSON list', '["a"]', /^Variables \(JSON\) must be a JSON object/],
		['a nested object', '{"address":{"city":"Paris"}}', /Chatbot variable “address” must be text, a number or true\/false, got an object/],
	])('refuses %s', async (_name, variablesJson, message) => {
		expect((await runError(variables(variablesJson), upstream)).message).toMatch(message);
	});
});

describe('Allow or Refuse Contact', () => {
	const contact = (parameters: Record<string, unknown>) => ({ answer: 'allowOrRefuseContact', ...parameters });
	const upstream = { trigger: TRIGGER_FOR.beforeContact };

	it('refuses with the reason as ErrorInfo, or a default reason', async () => {
		const refused = await run(contact({ allowContact: false, refusalReason: 'Customer opted out' }), upstream);
		expect(onlyAnswer(refused.responses)).toEqual({ ActionStatus: 'FAIL', ErrorCode: 1, ErrorInfo: 'Customer opted out' });
		const noReason = await run(contact({ allowContact: false }), upstream);
		expect(onlyAnswer(noReason.responses).ErrorInfo).toBe('Contact refused by the business server');
	});

	it('ignores a reason when allowing', async () => {
		const { responses } = await run(contact({ allowContact: true, refusalReason: 'left over' }), upstream);
		expect(onlyAnswer(responses)).toEqual(OK);
	});
});

describe('an answer after Desk already had one', () => {
	const ROUTE = route({ skillGroup: { __rl: true, mode: 'id', value: '6521' } });

	it('is not sent, and the step fails saying when and why Desk got the fallback', async () => {
		const decisionId = openDecision(1_000);
		recordDelivery(decisionId, 'fallback', 'no answer within 1500 ms', 2_500);
		const error = await runError(ROUTE, { decisionId });
		expect(error.message).toBe('Desk did not get this answer: it had already been answered');
		expect(error.description).toContain('with its fallback 1,500 ms after the callback arrived, because no answer within 1500 ms');
		expect(error.description).toContain('Answer Deadline');
	});

	it('is sent while Desk still waits, and when this process cannot tell (a queue-mode worker)', async () => {
		const waiting = openDecision(1_000);
		expect(onlyAnswer((await run(ROUTE, { decisionId: waiting })).responses)).toMatchObject({ AgentGroupId: 6521 });
		expect(onlyAnswer((await run(ROUTE, { decisionId: 'id-from-another-process' })).responses)).toMatchObject({ AgentGroupId: 6521 });
		expect(onlyAnswer((await run(ROUTE)).responses)).toMatchObject({ AgentGroupId: 6521 });
	});
});

/**
 * The action node's Callback Answer operations: the first item's answer goes to this.sendResponse
 * as HTTP 200 JSON, items pass through unchanged, and an answer Desk could not read is a
 * NodeOperationError that says what to fix (the Decision Trigger then sends its fallback).
 */
import type { IDataObject, IExecuteFunctions, IExecuteResponsePromiseData, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { answerProblem } from '../../nodes/shared/decisionAnswers';
import { DECISION_TRIGGER_NODE_NAME, openDecision, recordDelivery } from '../../nodes/shared/decisionDelivery';
import type { DecisionKind } from '../../nodes/shared/decisionCallbacks';
import { callbackAnswerOperations } from '../../nodes/TencentCloudDesk/resources/callbackAnswer';
import { TencentCloudDesk } from '../../nodes/TencentCloudDesk/TencentCloudDesk.node';
import type { DeskClient } from '../../nodes/TencentCloudDesk/transport/deskClient';

const NODE: INode = {
	id: 'answer-node',
	name: 'Answer Desk',
	type: 'n8n-nodes-tencent-desk.tencentCloudDesk',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};
const ITEMS = [{ json: { sessionId: 's-1', decision: 'assignHuman' } }, { json: { sessionId: 's-2' } }];
const OK = { ActionStatus: 'OK', ErrorInfo: '', ErrorCode: 0 };

const DECISION_TRIGGER = { name: 'Desk Decision', type: `n8n-nodes-tencent-desk.${DECISION_TRIGGER_NODE_NAME}`, typeVersion: 1.1 };

/** `decisionId`: what the Decision Trigger's item holds in this execution (none: no trigger upstream). */
function executeContext(parameters: Record<string, unknown>, decisionId?: string) {
	const responses: IExecuteResponsePromiseData[] = [];
	const context = {
		getNode: () => NODE,
		getParentNodes: () => (decisionId === undefined ? [] : [{ name: 'Lookup', type: 'n8n-nodes-base.httpRequest', typeVersion: 4.2 }, DECISION_TRIGGER]),
		getWorkflowDataProxy: () => ({
			$: (name: string) => {
				if (name !== DECISION_TRIGGER.name) throw new Error(`no node ${name}`);
				return { first: () => ({ json: { decision: 'assignHuman', decisionId } }) };
			},
		}),
		getInputData: () => ITEMS,
		getNodeParameter: (name: string, _itemIndex: number, fallback?: unknown, options?: { extractValue?: boolean }) => {
			if (!(name in parameters)) return fallback;
			const value = parameters[name];
			if (options?.extractValue && typeof value === 'object' && value !== null && '__rl' in value) {
				return (value as unknown as { value: unknown }).value;
			}
			return value;
		},
		sendResponse: (response: IExecuteResponsePromiseData) => responses.push(response),
	} as unknown as IExecuteFunctions;
	return { context, responses };
}

async function run(operation: string, parameters: Record<string, unknown>, itemIndex = 0, decisionId?: string) {
	const { context, responses } = executeContext(parameters, decisionId);
	const output = await callbackAnswerOperations[operation].call(context, {} as DeskClient, itemIndex);
	return { output, responses };
}

async function runError(operation: string, parameters: Record<string, unknown>, decisionId?: string): Promise<NodeOperationError> {
	const { context, responses } = executeContext(parameters, decisionId);
	try {
		await callbackAnswerOperations[operation].call(context, {} as DeskClient, 0);
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

describe.each<[string, DecisionKind, Record<string, unknown>, IDataObject]>([
	[
		'routeToAgents',
		'assignHuman',
		{ skillGroup: { __rl: true, mode: 'id', value: '6521' }, agents: ['svc1@tencent.com', 'svc2@tencent.com'] },
		{ ...OK, AgentGroupId: 6521, AgentIdList: ['svc1@tencent.com', 'svc2@tencent.com'] },
	],
	['leaveRoutingToDesk', 'assignHuman', {}, { ActionStatus: 'FAIL', ErrorCode: 1, ErrorInfo: 'Routing left to Desk' }],
	[
		'setChatbotVariables',
		'apiCall',
		{ variablesInput: 'fields', variables: { variable: [{ name: 'orderStatus', value: 'shipped' }, { name: '', value: 'x' }] } },
		{ ...OK, Body: { orderStatus: 'shipped' } },
	],
	['answerContactRequest', 'beforeContact', { allowContact: true }, OK],
])('%s', (operation, kind, parameters, expected) => {
	it('sends the answer for the first item and passes the item through', async () => {
		const { output, responses } = await run(operation, parameters);
		const answer = onlyAnswer(responses);
		expect(answer).toEqual(expected);
		expect(answerProblem(kind, answer)).toBeUndefined();
		expect(output).toEqual(ITEMS[0].json);
	});

	it('sends nothing for later items, which pass through', async () => {
		const { output, responses } = await run(operation, parameters, 1);
		expect(responses).toEqual([]);
		expect(output).toEqual(ITEMS[1].json);
	});
});

describe('routeToAgents', () => {
	it('routes to agents only, from comma-separated text in an expression', async () => {
		const { responses } = await run('routeToAgents', { skillGroup: { __rl: true, mode: 'list', value: '' }, agents: 'a@x.com, b@x.com' });
		expect(onlyAnswer(responses)).toEqual({ ...OK, AgentIdList: ['a@x.com', 'b@x.com'] });
	});

	it('refuses a routing with neither a skill group nor agents, pointing to the fallback', async () => {
		const error = await runError('routeToAgents', { agents: [] });
		expect(error.message).toMatch(/^The answer to Desk is not valid: Name a skill group or at least one agent/);
		expect(error.description).toMatch(/fallback answer/);
	});

	it('refuses a skill group that is not a number', async () => {
		const error = await runError('routeToAgents', { skillGroup: { __rl: true, mode: 'id', value: 'sales' } });
		expect(error.message).toMatch(/Skill group ID must be a positive whole number, got "sales"/);
	});
});

describe('setChatbotVariables from JSON', () => {
	it('sends numbers and booleans as text', async () => {
		const { responses } = await run('setChatbotVariables', { variablesInput: 'json', variablesJson: '{"count":3,"vip":true,"name":"Ann"}' });
		expect(onlyAnswer(responses)).toEqual({ ...OK, Body: { count: '3', vip: 'true', name: 'Ann' } });
	});

	it('takes an object n8n already parsed', async () => {
		const { responses } = await run('setChatbotVariables', { variablesInput: 'json', variablesJson: { a: 'b' } });
		expect(onlyAnswer(responses)).toEqual({ ...OK, Body: { a: 'b' } });
	});

	it.each<[string, unknown, RegExp]>([
		['not JSON', '{"a":', /^Variables \(JSON\) is not valid JSON$/],
		['a JSON list', '["a"]', /^Variables \(JSON\) must be a JSON object/],
		['a nested object', '{"address":{"city":"Paris"}}', /Chatbot variable “address” must be text, a number or true\/false, got an object/],
	])('refuses %s', async (_name, variablesJson, message) => {
		expect((await runError('setChatbotVariables', { variablesInput: 'json', variablesJson })).message).toMatch(message);
	});
});

describe('answerContactRequest', () => {
	it('refuses with the reason as ErrorInfo, or a default reason', async () => {
		const refused = await run('answerContactRequest', { allowContact: false, refusalReason: 'Customer opted out' });
		expect(onlyAnswer(refused.responses)).toEqual({ ActionStatus: 'FAIL', ErrorCode: 1, ErrorInfo: 'Customer opted out' });
		const noReason = await run('answerContactRequest', { allowContact: false });
		expect(onlyAnswer(noReason.responses).ErrorInfo).toBe('Contact refused by the business server');
	});

	it('ignores a reason when allowing', async () => {
		const { responses } = await run('answerContactRequest', { allowContact: true, refusalReason: 'left over' });
		expect(onlyAnswer(responses)).toEqual(OK);
	});
});

describe('in the action node', () => {
	it('answers without reading the credential: the step never calls Desk', async () => {
		const { context, responses } = executeContext({ resource: 'callbackAnswer', operation: 'leaveRoutingToDesk' });
		const getCredentials = jest.fn(async () => await Promise.reject(new Error('the credential was read')));
		Object.assign(context, { getCredentials });
		const output = await new TencentCloudDesk().execute.call(context);
		expect(output[0].map((item) => item.json)).toEqual(ITEMS.map((item) => item.json));
		expect(onlyAnswer(responses)).toEqual({ ActionStatus: 'FAIL', ErrorCode: 1, ErrorInfo: 'Routing left to Desk' });
		expect(getCredentials).not.toHaveBeenCalled();
	});
});

describe('an answer after Desk already had one', () => {
	const ROUTE = { skillGroup: { __rl: true, mode: 'id', value: '6521' } };

	it('is not sent, and the step fails saying when and why Desk got the fallback', async () => {
		const decisionId = openDecision(1_000);
		recordDelivery(decisionId, 'fallback', 'no answer within 1500 ms', 2_500);
		const error = await runError('routeToAgents', ROUTE, decisionId);
		expect(error.message).toBe('Desk did not get this answer: it had already been answered');
		expect(error.description).toContain('with its fallback 1,500 ms after the callback arrived, because no answer within 1500 ms');
		expect(error.description).toContain('Answer Deadline');
	});

	it('is sent while Desk still waits, and when this process cannot tell (a queue-mode worker)', async () => {
		const waiting = openDecision(1_000);
		expect(onlyAnswer((await run('routeToAgents', ROUTE, 0, waiting)).responses)).toMatchObject({ AgentGroupId: 6521 });
		expect(onlyAnswer((await run('routeToAgents', ROUTE, 0, 'id-from-another-process')).responses)).toMatchObject({ AgentGroupId: 6521 });
		expect(onlyAnswer((await run('routeToAgents', ROUTE, 0)).responses)).toMatchObject({ AgentGroupId: 6521 });
	});
});

/**
 * The decision answers: each builder's good path and every InvalidAnswerError, answerProblem for
 * each kind, the callback catalogue, and a property that every answer built passes its own check.
 */
import fc from 'fast-check';

import {
	answerProblem,
	contactAnswer,
	DECISION_FAILURE_CODE,
	failureAnswer,
	InvalidAnswerError,
	routeAnswer,
	variablesAnswer,
} from '../../nodes/shared/decisionAnswers';
import { DECISION_CALLBACKS, decisionInfo, findDecisionByCommand, type DecisionKind } from '../../nodes/shared/decisionCallbacks';

const OK = { ActionStatus: 'OK', ErrorInfo: '', ErrorCode: 0 };
const KINDS: DecisionKind[] = ['assignHuman', 'apiCall', 'beforeContact'];

function invalid(build: () => unknown): string {
	try {
		build();
	} catch (error) {
		expect(error).toBeInstanceOf(InvalidAnswerError);
		return (error as Error).message;
	}
	throw new Error('expected an InvalidAnswerError, nothing was thrown');
}

describe('routeAnswer', () => {
	it('builds Tencent’s sample answer: OK first, then the group and the agents', () => {
		const answer = routeAnswer({ agentGroupId: 6521, agentIds: ['svc1@tencent.com', 'svc2@tencent.com'] });
		expect(JSON.stringify(answer)).toBe(
			'{"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0,"AgentGroupId":6521,"AgentIdList":["svc1@tencent.com","svc2@tencent.com"]}',
		);
	});

	it('answers with a group only or agents only, leaving the other field out', () => {
		expect(routeAnswer({ agentGroupId: 3 })).toEqual({ ...OK, AgentGroupId: 3 });
		expect(routeAnswer({ agentIds: ['a@x.com'] })).toEqual({ ...OK, AgentIdList: ['a@x.com'] });
		expect(routeAnswer({ agentGroupId: '', agentIds: ['a@x.com'] })).not.toHaveProperty('AgentGroupId');
		expect(routeAnswer({ agentGroupId: 0, agentIds: ['a@x.com'] })).not.toHaveProperty('AgentGroupId');
		expect(routeAnswer({ agentGroupId: null, agentIds: 'a@x.com' })).not.toHaveProperty('AgentGroupId');
		expect(routeAnswer({ agentGroupId: 3, agentIds: [] })).not.toHaveProperty('AgentIdList');
		expect(routeAnswer({ agentGroupId: 3, agentIds: '' })).not.toHaveProperty('AgentIdList');
	});

	it.each([
		['"12"', '12', 12],
		['" 12 " (padded)', ' 12 ', 12],
		['"007"', '007', 7],
		['the largest safe integer', String(Number.MAX_SAFE_INTEGER), Number.MAX_SAFE_INTEGER],
	])('accepts the string group %s and sends it as a number', (_name, agentGroupId, expected) => {
		const answer = routeAnswer({ agentGroupId });
		expect(answer.AgentGroupId).toBe(expected);
		expect(typeof answer.AgentGroupId).toBe('number');
	});

	it.each<[string, unknown]>([
		['negative', -3],
		['a fraction', 1.5],
		['NaN', Number.NaN],
		['Infinity', Number.POSITIVE_INFINITY],
		['beyond the safe integers', 2 ** 53],
		['a negative string', '-3'],
		['a decimal string', '1.5'],
		['the string "0"', '0'],
		['a name', 'sales'],
		['digits and letters', '12a'],
		['a string beyond the safe integers', '99999999999999999999'],
		['true', true],
		['an object', { value: 12 }],
		['a list', [12]],
	])('rejects a skill group that is %s', (_name, agentGroupId) => {
		expect(invalid(() => routeAnswer({ agentGroupId, agentIds: ['a@x.com'] }))).toMatch(/^Skill group ID must be a positive whole number/);
	});

	it('trims, drops empty entries and de-duplicates agent IDs, from a list or comma-separated text', () => {
		expect(routeAnswer({ agentIds: ' a@x.com, b@x.com ,a@x.com,, ' }).AgentIdList).toEqual(['a@x.com', 'b@x.com']);
		expect(routeAnswer({ agentIds: ['b@x.com', ' b@x.com ', '', 'c@x.com'] }).AgentIdList).toEqual(['b@x.com', 'c@x.com']);
	});

	it.each<[string, unknown, RegExp]>([
		['a number among the IDs', ['a@x.com', 7], /^Each agent ID must be text/],
		['null among the IDs', [null], /^Each agent ID must be text/],
		['a nested list', [['a@x.com']], /^Each agent ID must be text/],
		['a number instead of a list', 42, /^Agent IDs must be a list/],
		['an object instead of a list', { id: 'a@x.com' }, /^Agent IDs must be a list/],
	])('rejects agent IDs with %s', (_name, agentIds, message) => {
		expect(invalid(() => routeAnswer({ agentGroupId: 3, agentIds }))).toMatch(message);
	});

	it.each<[string, { agentGroupId?: unknown; agentIds?: unknown }]>([
		['nothing', {}],
		['empty values', { agentGroupId: '', agentIds: [] }],
		['a zero group and only commas', { agentGroupId: 0, agentIds: ' , ,' }],
		['only blank agent IDs', { agentIds: ['', '  '] }],
	])('rejects a routing with no group and no agents: %s', (_name, route) => {
		expect(invalid(() => routeAnswer(route))).toMatch(/^Name a skill group or at least one agent/);
	});
});

describe('variablesAnswer', () => {
	it('builds Tencent’s sample answer', () => {
		expect(JSON.stringify(variablesAnswer({ testKey1: 'value1', testKey3: '10' }))).toBe(
			'{"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0,"Body":{"testKey1":"value1","testKey3":"10"}}',
		);
	});

	it('sends numbers and booleans as text, null and undefined as empty text, and no variables as an empty Body', () => {
		expect(variablesAnswer({ n: 10, f: -1.5, t: true, no: false, nothing: null, missing: undefined, empty: '' }).Body).toEqual({
			n: '10',
			f: '-1.5',
			t: 'true',
			no: 'false',
			nothing: '',
			missing: '',
			empty: '',
		});
		expect(variablesAnswer({})).toEqual({ ...OK, Body: {} });
	});

	it.each<[string, unknown, string]>([
		['an object', { a: 1 }, 'an object'],
		['a list', ['a'], 'a list'],
		['an empty list', [], 'a list'],
	])('rejects a value that is %s, naming the variable', (_name, value, what) => {
		expect(invalid(() => variablesAnswer({ orderStatus: value }))).toBe(
			`Chatbot variable “orderStatus” must be text, a number or true/false, got ${what}`,
		);
	});

	it.each(['', '  ', '\t'])('rejects a variable with the empty name %j', (name) => {
		expect(invalid(() => variablesAnswer({ [name]: 'x' }))).toBe('A chatbot variable needs a name');
	});
});

describe('contactAnswer and failureAnswer', () => {
	it('allows with a plain OK and refuses with ErrorCode 1 and the reason', () => {
		expect(contactAnswer(true)).toEqual(OK);
		expect(contactAnswer(true, 'ignored when allowing')).toEqual(OK);
		expect(contactAnswer(false, 'Customer opted out')).toEqual({ ActionStatus: 'FAIL', ErrorCode: 1, ErrorInfo: 'Customer opted out' });
		expect(contactAnswer(false).ErrorInfo).toBe('Contact refused by the business server');
	});

	it('fails with DECISION_FAILURE_CODE (1) and the reason as ErrorInfo', () => {
		expect(DECISION_FAILURE_CODE).toBe(1);
		expect(failureAnswer('Routing left to Desk')).toEqual({ ActionStatus: 'FAIL', ErrorCode: 1, ErrorInfo: 'Routing left to Desk' });
	});
});

describe('answerProblem', () => {
	it.each<[DecisionKind, unknown]>([
		['assignHuman', { ...OK, AgentGroupId: 6521, AgentIdList: ['svc1@tencent.com'] }],
		['assignHuman', { ...OK, AgentIdList: ['svc1@tencent.com'] }],
		['apiCall', { ...OK, Body: { testKey1: 'value1' } }],
		['apiCall', OK],
		['beforeContact', OK],
	])('accepts a valid %s answer %j', (kind, answer) => {
		expect(answerProblem(kind, answer)).toBeUndefined();
	});

	it.each(KINDS)('accepts FAIL with a non-zero ErrorCode for %s, whatever else it holds', (kind) => {
		expect(answerProblem(kind, failureAnswer('x'))).toBeUndefined();
		expect(answerProblem(kind, { ActionStatus: 'FAIL', ErrorCode: 500, ErrorInfo: '', AgentGroupId: 'x', Body: [] })).toBeUndefined();
	});

	it.each(KINDS)('rejects what is not a Desk answer at all, for %s', (kind) => {
		for (const body of [undefined, null, 'OK', 0, [OK]]) expect(answerProblem(kind, body)).toBe('the answer is not a JSON object');
		expect(answerProblem(kind, { ...OK, ActionStatus: 'ok' })).toBe('ActionStatus must be "OK" or "FAIL"');
		expect(answerProblem(kind, { ErrorCode: 0, ErrorInfo: '' })).toBe('ActionStatus must be "OK" or "FAIL"');
		expect(answerProblem(kind, { ...OK, ErrorCode: '0' })).toBe('ErrorCode must be a whole number');
		expect(answerProblem(kind, { ...OK, ErrorCode: 0.5 })).toBe('ErrorCode must be a whole number');
		expect(answerProblem(kind, { ActionStatus: 'OK', ErrorCode: 0 })).toBe('ErrorInfo must be text');
		expect(answerProblem(kind, { ...OK, ErrorInfo: null })).toBe('ErrorInfo must be text');
	});

	it.each(KINDS)('rejects OK with a non-zero ErrorCode and FAIL with ErrorCode 0, for %s', (kind) => {
		expect(answerProblem(kind, { ...OK, ErrorCode: 1 })).toBe('ActionStatus "OK" goes with ErrorCode 0 only');
		expect(answerProblem(kind, { ActionStatus: 'FAIL', ErrorCode: 0, ErrorInfo: '' })).toBe('ActionStatus "OK" goes with ErrorCode 0 only');
	});

	it('rejects an assignHuman answer whose routing Desk could not read', () => {
		expect(answerProblem('assignHuman', { ...OK, AgentGroupId: '12' })).toBe('AgentGroupId must be a number');
		expect(answerProblem('assignHuman', { ...OK, AgentIdList: 'a@x.com' })).toBe('AgentIdList must be a list');
		expect(answerProblem('assignHuman', OK)).toMatch(/^Name a skill group or at least one agent/);
		expect(answerProblem('assignHuman', { ...OK, AgentGroupId: -1 })).toMatch(/^Skill group ID must be a positive whole number/);
		expect(answerProblem('assignHuman', { ...OK, AgentGroupId: 3, AgentIdList: [3] })).toMatch(/^Each agent ID must be text/);
	});

	it('rejects an apiCall answer whose Body is not an object of text', () => {
		expect(answerProblem('apiCall', { ...OK, Body: { a: 'x', n: 10 } })).toBe('Body.n must be text');
		expect(answerProblem('apiCall', { ...OK, Body: { a: null } })).toBe('Body.a must be text');
		for (const Body of [null, ['x'], 'a=1']) expect(answerProblem('apiCall', { ...OK, Body })).toBe('Body must be an object');
	});

	it('does not apply one kind’s fields to another kind', () => {
		expect(answerProblem('apiCall', { ...OK, AgentGroupId: 'x' })).toBeUndefined();
		expect(answerProblem('beforeContact', { ...OK, Body: [] })).toBeUndefined();
	});
});

describe('the catalogue', () => {
	it('maps both routing spellings to assignHuman, the current one first', () => {
		expect(findDecisionByCommand('ChatBot.OnAssignHuman')?.kind).toBe('assignHuman');
		expect(findDecisionByCommand('ChatBot.OnAssignAgent')?.kind).toBe('assignHuman');
		expect(decisionInfo('assignHuman').commands[0]).toBe('ChatBot.OnAssignHuman');
	});

	it('uses Tencent’s exact spellings for the chatbot API call and the contact callback', () => {
		expect(findDecisionByCommand('Chatbot.InterfaceInvocation')?.kind).toBe('apiCall');
		expect(findDecisionByCommand('Desk.CallbackBeforeIMContactUser')?.kind).toBe('beforeContact');
		expect(findDecisionByCommand('ChatBot.InterfaceInvocation')).toBeUndefined();
		expect(findDecisionByCommand('chatbot.onassignhuman')).toBeUndefined();
	});

	it('knows nothing of other commands', () => {
		for (const command of ['Desk.SessionEventNotify', 'Chatbot.TaskFlowEventNotify', '', 'constructor', '__proto__']) {
			expect(findDecisionByCommand(command)).toBeUndefined();
		}
	});

	it('has one entry per kind, and decisionInfo throws for an unknown kind', () => {
		expect(DECISION_CALLBACKS.map((info) => info.kind)).toEqual(KINDS);
		for (const kind of KINDS) expect(decisionInfo(kind).kind).toBe(kind);
		expect(() => decisionInfo('nope' as DecisionKind)).toThrow('Unknown decision callback "nope"');
	});
});

describe('every answer built without throwing is valid for its kind', () => {
	const anything = fc.oneof(
		fc.constant(undefined),
		fc.constant(null),
		fc.string({ maxLength: 12 }),
		fc.stringMatching(/^ ?\d{1,18} ?$/),
		fc.integer(),
		fc.double(),
		fc.boolean(),
		fc.array(fc.oneof(fc.string({ maxLength: 8 }), fc.integer()), { maxLength: 4 }),
		fc.object({ maxDepth: 1 }),
	);
	const settings = { seed: 20261202, numRuns: 400 };

	function builtOrInvalid<T>(build: () => T): T | undefined {
		try {
			return build();
		} catch (error) {
			if (!(error instanceof InvalidAnswerError)) throw error;
			return undefined;
		}
	}

	function checkBothWays(kind: DecisionKind, answer: unknown): void {
		expect(answerProblem(kind, answer)).toBeUndefined();
		// The guard judges the answer's text: the JSON round trip must stay valid too.
		expect(answerProblem(kind, JSON.parse(JSON.stringify(answer)))).toBeUndefined();
	}

	it('routeAnswer', () => {
		const agents = fc.oneof(anything, fc.array(fc.string({ maxLength: 8 }), { maxLength: 4 }), fc.string({ maxLength: 20 }));
		fc.assert(
			fc.property(anything, agents, (agentGroupId, agentIds) => {
				const answer = builtOrInvalid(() => routeAnswer({ agentGroupId, agentIds }));
				if (answer) checkBothWays('assignHuman', answer);
			}),
			settings,
		);
	});

	it('variablesAnswer', () => {
		fc.assert(
			fc.property(fc.dictionary(fc.string({ maxLength: 6 }), anything, { maxKeys: 5 }), (variables) => {
				const answer = builtOrInvalid(() => variablesAnswer(variables));
				if (answer) checkBothWays('apiCall', answer);
			}),
			settings,
		);
	});

	it('contactAnswer and failureAnswer, for every kind', () => {
		fc.assert(
			fc.property(fc.boolean(), fc.string(), fc.constantFrom(...KINDS), (allow, reason, kind) => {
				checkBothWays('beforeContact', contactAnswer(allow, reason));
				checkBothWays(kind, failureAnswer(reason));
			}),
			settings,
		);
	});
});

describe('variable names', () => {
	it('keeps a variable named __proto__ as an ordinary field', () => {
		const answer = variablesAnswer(JSON.parse('{"__proto__":"x","a":"1"}') as Record<string, unknown>);
		expect(Object.keys(answer.Body as object)).toEqual(['__proto__', 'a']);
		expect(JSON.parse(JSON.stringify(answer)).Body).toEqual(JSON.parse('{"__proto__":"x","a":"1"}'));
	});
});

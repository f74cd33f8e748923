/**
 * The Decision Trigger's description (a responseNode webhook, one output, the decisions of the
 * catalogue, option defaults inside Tencent's 2 s) and the fallback answers its parameters build.
 */
import type { INodeProperties, IWebhookFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { answerProblem } from '../../nodes/shared/decisionAnswers';
import { DECISION_CALLBACKS, type DecisionKind } from '../../nodes/shared/decisionCallbacks';
import {
	DECISION_OPTION_DEFAULTS,
	decisionProperties,
	resolveDecisionOptions,
} from '../../nodes/TencentCloudDeskDecisionTrigger/decisionProperties';
import { fallbackAnswer } from '../../nodes/TencentCloudDeskDecisionTrigger/fallbackAnswer';
import { TencentCloudDeskDecisionTrigger } from '../../nodes/TencentCloudDeskDecisionTrigger/TencentCloudDeskDecisionTrigger.node';

const { description } = new TencentCloudDeskDecisionTrigger();
const property = (name: string): INodeProperties => {
	const found = description.properties.find((candidate) => candidate.name === name);
	if (!found) throw new Error(`no property ${name}`);
	return found;
};
const optionValues = (name: string) => (property(name).options ?? []).map((option) => ('value' in option ? option.value : undefined));

/** getNodeParameter from a plain object, the way n8n resolves a resource locator with extractValue. */
function webhookContext(parameters: Record<string, unknown>): IWebhookFunctions {
	const getNodeParameter = (name: string, fallback?: unknown, options?: { extractValue?: boolean }) => {
		if (!(name in parameters)) return fallback;
		const value = parameters[name];
		if (options?.extractValue && typeof value === 'object' && value !== null && '__rl' in value) {
			return (value as unknown as { value: unknown }).value;
		}
		return value;
	};
	return { getNodeParameter } as unknown as IWebhookFunctions;
}

const locator = (value: string) => ({ __rl: true, mode: 'id', value });

describe('the node description', () => {
	it('is a trigger with no input and one main output', () => {
		expect(description.group).toEqual(['trigger']);
		expect(description.inputs).toEqual([]);
		expect(description.outputs).toEqual([NodeConnectionTypes.Main]);
		expect(description.credentials).toEqual([{ name: 'tencentCloudDeskApi', required: true }]);
	});

	it('has one POST webhook answered by a later node (responseMode responseNode)', () => {
		expect(description.webhooks).toEqual([expect.objectContaining({ name: 'default', httpMethod: 'POST', responseMode: 'responseNode' })]);
	});

	it('uses the decision properties', () => {
		expect(description.properties).toBe(decisionProperties);
	});

	it('offers exactly the catalogue’s decisions, naming every command spelling', () => {
		const decision = property('decision');
		expect(decision.default).toBe('assignHuman');
		expect(decision.noDataExpression).toBe(true);
		expect(optionValues('decision')).toEqual(DECISION_CALLBACKS.map((info) => info.kind));
		for (const info of DECISION_CALLBACKS) {
			const option = (decision.options ?? []).find((candidate) => 'value' in candidate && candidate.value === info.kind);
			expect(option).toMatchObject({ name: info.name });
			for (const command of info.commands) expect(option && 'description' in option ? option.description : '').toContain(command);
		}
	});

	it('shows one setup notice per decision, only for that decision', () => {
		for (const info of DECISION_CALLBACKS) {
			const notice = property(`setupNotice_${info.kind}`);
			expect(notice.type).toBe('notice');
			expect(notice.displayOptions).toEqual({ show: { decision: [info.kind] } });
		}
	});

	it('shows each fallback parameter only for its decision', () => {
		expect(property('fallbackRouting').displayOptions?.show?.decision).toEqual(['assignHuman']);
		expect(property('fallbackSkillGroup').displayOptions?.show).toEqual({ decision: ['assignHuman'], fallbackRouting: ['skillGroup'] });
		expect(property('fallbackApiCall').displayOptions?.show?.decision).toEqual(['apiCall']);
		expect(property('fallbackVariables').displayOptions?.show).toEqual({ decision: ['apiCall'], fallbackApiCall: ['variables'] });
		expect(property('fallbackContact').displayOptions?.show?.decision).toEqual(['beforeContact']);
	});

	it('checks a fallback skill group typed by ID in the editor: a wrong fallback would only show when it is needed', () => {
		const byId = property('fallbackSkillGroup').modes?.find((mode) => mode.name === 'id');
		expect(byId?.validation).toEqual([expect.objectContaining({ type: 'regex' })]);
	});

	it('offers the fallback choices the fallback builder knows', () => {
		expect(optionValues('answerMode')).toEqual(['workflow', 'atOnce']);
		expect(optionValues('fallbackRouting')).toEqual(['skillGroup', 'deskDefault']);
		expect(optionValues('fallbackApiCall')).toEqual(['variables', 'fail']);
		expect(optionValues('fallbackContact')).toEqual(['allow', 'refuse']);
	});
});

describe('options', () => {
	it('default to a deadline under Tencent’s 2 s, 60 s of clock tolerance and a 10-minute repeat window', () => {
		expect(DECISION_OPTION_DEFAULTS).toEqual({ deadlineMs: 1500, toleranceSeconds: 60, deduplicationMinutes: 10, maxInProgress: 50 });
		const resolved = resolveDecisionOptions({});
		expect(resolved).toEqual(DECISION_OPTION_DEFAULTS);
		expect(resolved.deadlineMs).toBeLessThan(2000);
	});

	it('let the editor set no deadline at or beyond 2 s', () => {
		const deadline = (property('options').options ?? []).find((option) => option.name === 'deadlineMs') as INodeProperties;
		expect(deadline.typeOptions?.maxValue).toBeLessThan(2000);
		expect(deadline.typeOptions?.minValue).toBeGreaterThan(0);
	});

	it('keep what was set and fill in the rest', () => {
		expect(resolveDecisionOptions({ deadlineMs: 900 })).toEqual({ deadlineMs: 900, toleranceSeconds: 60, deduplicationMinutes: 10, maxInProgress: 50 });
	});
});

describe('fallbackAnswer', () => {
	const OK = { ActionStatus: 'OK', ErrorInfo: '', ErrorCode: 0 };

	it('routes to the chosen skill group, given by ID or picked from the list', () => {
		expect(fallbackAnswer(webhookContext({ fallbackRouting: 'skillGroup', fallbackSkillGroup: locator('6521') }), 'assignHuman')).toEqual({
			...OK,
			AgentGroupId: 6521,
		});
		const fromList = webhookContext({ fallbackSkillGroup: { __rl: true, mode: 'list', value: '12', cachedResultName: 'Sales' } });
		expect(fallbackAnswer(fromList, 'assignHuman')).toEqual({ ...OK, AgentGroupId: 12 });
	});

	it('answers FAIL (ErrorCode 1) when routing is left to Desk, whatever skill group is set', () => {
		const context = webhookContext({ fallbackRouting: 'deskDefault', fallbackSkillGroup: locator('6521') });
		expect(fallbackAnswer(context, 'assignHuman')).toEqual({ ActionStatus: 'FAIL', ErrorCode: 1, ErrorInfo: 'Routing left to Desk' });
	});

	it.each<[string, Record<string, unknown>]>([
		['no skill group at all', {}],
		['the editor’s empty default', { fallbackSkillGroup: { __rl: true, mode: 'list', value: '' } }],
		['a skill group that is not a number', { fallbackSkillGroup: locator('sales') }],
	])('turns a routing fallback with %s into a FAIL answer, without throwing', (_name, parameters) => {
		const answer = fallbackAnswer(webhookContext(parameters), 'assignHuman');
		expect(answer.ActionStatus).toBe('FAIL');
		expect(answer.ErrorCode).toBe(1);
		expect(answer.ErrorInfo).toMatch(/^Fallback not usable: /);
	});

	it('answers with the fixed variables, skipping rows without a name', () => {
		const context = webhookContext({
			fallbackApiCall: 'variables',
			fallbackVariables: { variable: [{ name: 'orderStatus', value: 'unknown' }, { name: '', value: 'dropped' }, { name: 'note' }] },
		});
		expect(fallbackAnswer(context, 'apiCall')).toEqual({ ...OK, Body: { orderStatus: 'unknown', note: '' } });
	});

	it('answers the chatbot with an empty Body when no variables are set', () => {
		expect(fallbackAnswer(webhookContext({}), 'apiCall')).toEqual({ ...OK, Body: {} });
	});

	it('answers the chatbot FAIL when so chosen', () => {
		const context = webhookContext({ fallbackApiCall: 'fail', fallbackVariables: { variable: [{ name: 'a', value: 'b' }] } });
		expect(fallbackAnswer(context, 'apiCall')).toEqual({ ActionStatus: 'FAIL', ErrorCode: 1, ErrorInfo: 'No answer from the business server' });
	});

	it('allows contact by default and refuses it when so chosen', () => {
		expect(fallbackAnswer(webhookContext({}), 'beforeContact')).toEqual(OK);
		expect(fallbackAnswer(webhookContext({ fallbackContact: 'allow' }), 'beforeContact')).toEqual(OK);
		expect(fallbackAnswer(webhookContext({ fallbackContact: 'refuse' }), 'beforeContact')).toEqual({
			ActionStatus: 'FAIL',
			ErrorCode: 1,
			ErrorInfo: 'Contact refused by the business server',
		});
	});

	it('answers FAIL when the parameters cannot be read at all', () => {
		const broken = {
			getNodeParameter: () => {
				throw new Error('Could not resolve expression {{ $json.group }}');
			},
		} as unknown as IWebhookFunctions;
		for (const kind of ['assignHuman', 'apiCall', 'beforeContact'] as DecisionKind[]) {
			expect(fallbackAnswer(broken, kind)).toEqual({
				ActionStatus: 'FAIL',
				ErrorCode: 1,
				ErrorInfo: 'Fallback not usable: its parameters could not be read',
			});
		}
	});

	it('builds, from the editor’s defaults, an answer Desk can read for every decision', () => {
		const defaults = Object.fromEntries(decisionProperties.map((candidate) => [candidate.name, candidate.default]));
		for (const { kind } of DECISION_CALLBACKS) {
			expect(answerProblem(kind, fallbackAnswer(webhookContext(defaults), kind))).toBeUndefined();
		}
	});
});

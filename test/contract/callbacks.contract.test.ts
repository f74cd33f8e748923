/**
 * Tencent's own callback samples decide what is right (issue 25, first part: the callbacks). The files in
 * samples/callbacks/ are copied by hand from Tencent's pages, each naming its page; nothing in them comes from
 * nodes/ or dev/. The session event sample goes through the trigger's webhook() and must be acknowledged with
 * the documented answer and routed to its event's output with every documented field; the event catalogue must
 * be the documented list; each decision sample must be accepted by the Decision Trigger's checks and become its
 * item; each answer the Decision Answer can build must have the documented answer's field names and JSON types.
 */
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';

import { contactAnswer, failureAnswer, routeAnswer, variablesAnswer, type DecisionAnswer } from '../../nodes/shared/decisionAnswers';
import { findDecisionByCommand } from '../../nodes/shared/decisionCallbacks';
import { DESK_EVENTS } from '../../nodes/shared/events';
import { decisionItem } from '../../nodes/TencentCloudDeskDecisionTrigger/decisionItem';
import { verifyDecision } from '../../nodes/TencentCloudDeskDecisionTrigger/verifyDecision';
import { perEventAll, itemOn } from '../helpers/webhookAssertions';
import { callWebhook, TEST_SDK_APP_ID, testCredentials } from '../helpers/webhookContext';

type DocumentedType = 'String' | 'Integer' | 'Bool' | 'Array' | 'Object';

interface CallbackSample {
	page: string;
	query: Record<string, string>;
	body: Record<string, unknown>;
	fields: Record<string, DocumentedType>;
	events?: Array<[string, string]>;
	answer?: Record<string, unknown>;
	answerFields: Record<string, DocumentedType>;
}

const SAMPLES = join(__dirname, 'samples', 'callbacks');
const samples: Record<string, CallbackSample> = Object.fromEntries(
	readdirSync(SAMPLES).map((file) => [file.replace(/\.json$/, ''), JSON.parse(readFileSync(join(SAMPLES, file), 'utf8')) as CallbackSample]),
);

/** The JSON type Tencent's tables name, for a value as it arrives. */
function documentedType(value: unknown): DocumentedType | 'other' {
	if (typeof value === 'string') return 'String';
	if (typeof value === 'boolean') return 'Bool';
	if (typeof value === 'number' && Number.isInteger(value)) return 'Integer';
	if (Array.isArray(value)) return 'Array';
	if (value !== null && typeof value === 'object') return 'Object';
	return 'other';
}

/** Every documented field is there, with its documented type (fields beyond the table allowed). */
function expectFields(actual: Record<string, unknown>, fields: Record<string, DocumentedType>): void {
	expect(Object.fromEntries(Object.keys(fields).map((name) => [name, documentedType(actual[name])]))).toEqual(fields);
}

/** The documented query, for this app (the page shows placeholders). */
const queryOf = (sample: CallbackSample) => ({ ...sample.query, SdkAppid: String(TEST_SDK_APP_ID) });

it('has a sample for the session events and for each decision callback, each naming its page', () => {
	expect(Object.keys(samples).sort()).toEqual(['ChatBot.OnAssignHuman', 'Chatbot.InterfaceInvocation', 'Desk.CallbackBeforeIMContactUser', 'Desk.SessionEventNotify']);
	for (const sample of Object.values(samples)) expect(sample.page).toMatch(/tencent/i);
});

describe('Desk.SessionEventNotify', () => {
	const sample = samples['Desk.SessionEventNotify'];

	it('the sample agrees with its own field table', () => {
		expectFields(sample.body, sample.fields);
		expectFields(sample.answer ?? {}, sample.answerFields);
	});

	it('the event catalogue is the documented event list, in its order', () => {
		expect(DESK_EVENTS.map((event) => event.value)).toEqual(sample.events?.map(([value]) => value));
	});

	it('the sample is acknowledged with the documented answer and routed to its event, every documented field on the item', async () => {
		// The page's sample URL carries no Sign: a credential without a Callback Token.
		const call = await callWebhook(
			{ rawBody: JSON.stringify(sample.body), query: queryOf(sample) },
			{ ...perEventAll, credentials: testCredentials({ callbackToken: '' }) },
		);
		const index = DESK_EVENTS.findIndex((event) => event.value === sample.body.Event);
		const item = itemOn(call, DESK_EVENTS.length + 1, index);
		expect(call.result.webhookResponse).toEqual(sample.answer);
		expectFields(call.result.webhookResponse as Record<string, unknown>, sample.answerFields);
		expectFields(item.json, sample.fields);
		for (const [field, value] of Object.entries(sample.body)) expect(item.json[field]).toEqual(value);
	});
});

describe.each(['ChatBot.OnAssignHuman', 'Chatbot.InterfaceInvocation', 'Desk.CallbackBeforeIMContactUser'])('%s', (command) => {
	const sample = samples[command];
	const decision = findDecisionByCommand(command);

	it('is a decision callback the Decision Trigger knows, and the sample agrees with its field table', () => {
		expect(decision?.commands).toContain(command);
		expectFields(sample.body, sample.fields);
		if (sample.answer) expectFields(sample.answer, sample.answerFields);
	});

	it('the sample is accepted by the Decision Trigger set to its decision and becomes an item with every documented field', () => {
		const verdict = verifyDecision(
			{ rawBody: JSON.stringify(sample.body), query: queryOf(sample) },
			{ sdkAppId: String(TEST_SDK_APP_ID), callbackToken: '', toleranceSeconds: 60, nowSeconds: Math.floor(Date.now() / 1000) },
			decision!.kind,
		);
		expect(verdict).toMatchObject({ kind: 'accepted', command });
		if (verdict.kind !== 'accepted') return;
		const item = decisionItem(decision!.kind, verdict.command, verdict.body, queryOf(sample));
		expectFields(item, sample.fields);
		for (const [field, value] of Object.entries(sample.body)) expect(item[field]).toEqual(value);
	});
});

describe('the answers the Decision Answer builds have the documented answer fields and types', () => {
	const shape = (answer: DecisionAnswer) => Object.fromEntries(Object.entries(answer).map(([name, value]) => [name, documentedType(value)]));
	const documented = (command: string, names: string[]) => Object.fromEntries(names.map((name) => [name, samples[command].answerFields[name]]));

	it('Route to Agents: the documented sample, built from its group and agents', () => {
		const sample = samples['ChatBot.OnAssignHuman'];
		const answer = routeAnswer({ agentGroupId: sample.answer?.AgentGroupId, agentIds: sample.answer?.AgentIdList });
		expect(answer).toEqual(sample.answer);
		expect(shape(routeAnswer({ agentGroupId: '6521' }))).toEqual(documented('ChatBot.OnAssignHuman', ['ActionStatus', 'ErrorInfo', 'ErrorCode', 'AgentGroupId']));
		expect(shape(failureAnswer('Routing left to Desk'))).toEqual(documented('ChatBot.OnAssignHuman', ['ActionStatus', 'ErrorCode', 'ErrorInfo']));
	});

	it('Set Chatbot Variables: the documented sample, built from its variables (values as text, as the sample shows them)', () => {
		const sample = samples['Chatbot.InterfaceInvocation'];
		expect(variablesAnswer({ testKey1: 'value1', testKey3: 10 })).toEqual(sample.answer);
		expect(shape(variablesAnswer({}))).toEqual(sample.answerFields);
	});

	it('Allow or Refuse Contact: the answer fields every Chat before-callback has (the page’s own sample is cut off)', () => {
		const sample = samples['Desk.CallbackBeforeIMContactUser'];
		expect(shape(contactAnswer(true))).toEqual(sample.answerFields);
		expect(shape(contactAnswer(false, 'Customer opted out'))).toEqual(sample.answerFields);
	});
});

/**
 * When the transport sends a request again: reads and repeatable writes after any temporary
 * failure; a write that would apply twice only after answers proving Desk did not act on it (a rate
 * limit, an expired UserSig, no DNS answer), never after a timeout, a dropped connection, HTTP 5xx
 * or Desk's internal errors. Also: every write operation of the action node declares its rules.
 */
import type { IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { TencentCloudDesk } from '../../nodes/TencentCloudDesk/TencentCloudDesk.node';
import { createDeskClient, type WriteRetry } from '../../nodes/shared/transport/deskClient';
import { agentOperations } from '../../nodes/TencentCloudDesk/resources/agent';
import { chatbotFaqOperations } from '../../nodes/TencentCloudDesk/resources/chatbotFaq';
import { chatbotSettingOperations } from '../../nodes/TencentCloudDesk/resources/chatbotSetting';
import { chatbotSmallTalkOperations } from '../../nodes/TencentCloudDesk/resources/chatbotSmallTalk';
import { conversationSettingOperations } from '../../nodes/TencentCloudDesk/resources/conversationSetting';
import { customApiCallOperations } from '../../nodes/TencentCloudDesk/resources/customApiCall';
import { customerServiceAccountOperations } from '../../nodes/TencentCloudDesk/resources/customerServiceAccount';
import { groupChatOperations } from '../../nodes/TencentCloudDesk/resources/groupChat';
import { quickReplyOperations } from '../../nodes/TencentCloudDesk/resources/quickReply';
import { roleOperations } from '../../nodes/TencentCloudDesk/resources/role';
import { sessionOperations } from '../../nodes/TencentCloudDesk/resources/session';
import { sessionRecordOperations } from '../../nodes/TencentCloudDesk/resources/sessionRecord';
import { skillGroupOperations } from '../../nodes/TencentCloudDesk/resources/skillGroup';
import { statisticOperations } from '../../nodes/TencentCloudDesk/resources/statistic';
import type { OperationHandler } from '../../nodes/TencentCloudDesk/resources/types';

type Outcome = { code: string } | { status: number } | { errorCode: number };

/** A context whose httpRequest plays `outcomes` in turn, then answers OK; it records each request's body. */
function scriptedContext(outcomes: Outcome[]) {
	const bodies: unknown[] = [];
	const context = {
		getNode: () => ({ id: 'n', name: 'Desk', type: 'tencentCloudDesk', typeVersion: 1, position: [0, 0], parameters: {} }),
		getCredentials: async () => ({ sdkAppId: 1400000001, identifier: 'administrator', secretKey: 'k', region: 'custom', baseUrl: 'http://127.0.0.1:9' }),
		helpers: {
			async httpRequest(request: IHttpRequestOptions) {
				bodies.push(request.body);
				const outcome = outcomes[bodies.length - 1];
				if (!outcome) return { statusCode: 200, body: { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' } };
				if ('code' in outcome) throw Object.assign(new Error(outcome.code), { code: outcome.code });
				if ('status' in outcome) return { statusCode: outcome.status, body: 'Bad Gateway' };
				return { statusCode: 200, body: { ActionStatus: 'FAIL', ErrorCode: outcome.errorCode, ErrorInfo: '' } };
			},
		},
	};
	const client = createDeskClient(context as unknown as IExecuteFunctions, { maxRetries: 3, requestsPerSecond: 0, backoffBaseMs: 1 });
	return { client, bodies };
}

async function attempts(command: string, outcome: Outcome, retry?: WriteRetry) {
	const { client, bodies } = scriptedContext([outcome]);
	const writer = retry ? client.writing(retry) : client;
	const result = await writer.desk(command, { SessionId: 's', MsgRandom: 42 }).then(
		() => 'ok',
		(error: Error & { description?: string }) => error,
	);
	return { result, bodies };
}

const AMBIGUOUS: Array<[string, Outcome]> = [
	['a timeout (ECONNABORTED)', { code: 'ECONNABORTED' }],
	['a dropped connection (ECONNRESET)', { code: 'ECONNRESET' }],
	['HTTP 502', { status: 502 }],
	['Desk internal error 141002', { errorCode: 141002 }],
	['Tencent timed out 60008', { errorCode: 60008 }],
];

const NOT_APPLIED: Array<[string, Outcome]> = [
	['a rate limit (141009)', { errorCode: 141009 }],
	['an expired UserSig (70001)', { errorCode: 70001 }],
	['no DNS answer (EAI_AGAIN)', { code: 'EAI_AGAIN' }],
];

describe('retries of a write that would apply twice', () => {
	it.each(AMBIGUOUS)('after %s: not sent again, and the error says it may have been applied', async (_, outcome) => {
		const { result, bodies } = await attempts('send_msg', outcome, 'once');
		expect(bodies).toHaveLength(1);
		expect(result).toMatchObject({ message: 'Tencent Cloud Desk did not confirm this write, and it may have been applied' });
		expect((result as { description: string }).description).toContain('v4/desk_http_svc/send_msg');
	});

	it.each(NOT_APPLIED)('after %s: sent again, with the same body (the same MsgRandom)', async (_, outcome) => {
		const { result, bodies } = await attempts('send_msg', outcome, 'once');
		expect(result).toBe('ok');
		expect(bodies).toHaveLength(2);
		expect(bodies[1]).toBe(bodies[0]);
	});

	it('is the rule for a write command called with no declared rule (Custom API Call)', async () => {
		const { bodies } = await attempts('some_new_write', { code: 'ECONNABORTED' });
		expect(bodies).toHaveLength(1);
	});
});

describe('retries of reads and repeatable writes', () => {
	it.each([...AMBIGUOUS, ...NOT_APPLIED])('a read is sent again after %s', async (_, outcome) => {
		const { result, bodies } = await attempts('get_session_state', outcome);
		expect(result).toBe('ok');
		expect(bodies).toHaveLength(2);
	});

	it.each(AMBIGUOUS)('a repeatable write is sent again after %s', async (_, outcome) => {
		const { result, bodies } = await attempts('set_member_status', outcome, 'repeatable');
		expect(result).toBe('ok');
		expect(bodies).toHaveLength(2);
	});

	it('a read inside a one-time write operation (Contact User looking up the new session) is still retried', async () => {
		const { client, bodies } = scriptedContext([{ code: 'ECONNABORTED' }]);
		await expect(client.writing('once').desk('get_session_state', { SessionId: 's' })).resolves.toMatchObject({ ErrorCode: 0 });
		expect(bodies).toHaveLength(2);
	});
});

describe('write operations of the action node', () => {
	const tables: Record<string, Record<string, OperationHandler>> = {
		agent: agentOperations,
		chatbotFaq: chatbotFaqOperations,
		chatbotSetting: chatbotSettingOperations,
		chatbotSmallTalk: chatbotSmallTalkOperations,
		conversationSetting: conversationSettingOperations,
		customApiCall: customApiCallOperations,
		customerServiceAccount: customerServiceAccountOperations,
		groupChat: groupChatOperations,
		quickReply: quickReplyOperations,
		role: roleOperations,
		session: sessionOperations,
		sessionRecord: sessionRecordOperations,
		skillGroup: skillGroupOperations,
		statistic: statisticOperations,
	};

	/** Every write, what keeps its items in order, and whether it is sent again after an unclear failure. */
	const WRITES: Record<string, { target: boolean; retry: WriteRetry }> = {
		'session.sendMessage': { target: true, retry: 'once' },
		'session.sendStreamMessage': { target: true, retry: 'once' },
		'session.transfer': { target: true, retry: 'once' },
		'session.transferToHuman': { target: true, retry: 'once' },
		'session.end': { target: true, retry: 'once' },
		'session.endQueuing': { target: true, retry: 'once' },
		'session.contactUser': { target: true, retry: 'once' },
		'agent.create': { target: true, retry: 'once' },
		'agent.update': { target: true, retry: 'repeatable' },
		'agent.setStatus': { target: true, retry: 'repeatable' },
		'agent.forceOffline': { target: true, retry: 'repeatable' },
		'agent.restoreOnline': { target: true, retry: 'repeatable' },
		'skillGroup.create': { target: false, retry: 'once' },
		'skillGroup.update': { target: true, retry: 'repeatable' },
		'skillGroup.delete': { target: true, retry: 'once' },
		'customerServiceAccount.create': { target: true, retry: 'once' },
		'customerServiceAccount.update': { target: true, retry: 'repeatable' },
		'customerServiceAccount.delete': { target: true, retry: 'once' },
		'quickReply.createGroup': { target: false, retry: 'once' },
		'quickReply.update': { target: true, retry: 'repeatable' },
		'conversationSetting.update': { target: true, retry: 'repeatable' },
		'groupChat.create': { target: true, retry: 'once' },
		'chatbotFaq.create': { target: true, retry: 'once' },
		'chatbotFaq.update': { target: true, retry: 'repeatable' },
		'chatbotFaq.batchSet': { target: true, retry: 'once' },
		'chatbotFaq.createCategory': { target: true, retry: 'once' },
		'chatbotFaq.deleteCategory': { target: true, retry: 'once' },
		'chatbotSmallTalk.create': { target: true, retry: 'once' },
		'chatbotSmallTalk.update': { target: true, retry: 'repeatable' },
		'chatbotSmallTalk.batchSet': { target: true, retry: 'once' },
		'customApiCall.call': { target: true, retry: 'once' },
	};

	it('cover every resource of the node', () => {
		const resources = (new TencentCloudDesk().description.properties[0].options as Array<{ value: string }>).map(({ value }) => value);
		expect(Object.keys(tables).sort()).toEqual([...resources].sort());
	});

	it('declare exactly the rules in the table (the README’s table of what protects each write)', () => {
		const declared: Record<string, { target: boolean; retry: WriteRetry }> = {};
		for (const [resource, table] of Object.entries(tables)) {
			for (const [operation, handler] of Object.entries(table)) {
				if (handler.write) declared[`${resource}.${operation}`] = { target: handler.write.target !== undefined, retry: handler.write.retry };
			}
		}
		expect(declared).toEqual(WRITES);
	});
});

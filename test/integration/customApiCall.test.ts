/**
 * The action node's Custom API Call, through execute() against the simulator over real HTTP: signed
 * calls to any service/command, errors mapped or returned as data, and input checked before calling Tencent.
 */
import { SEED_SESSION_IDS } from '../../dev/simulator';
import { useDeskOperations } from '../helpers/deskOperations';

jest.setTimeout(60_000);

const { run, runExpectingError } = useDeskOperations();

describe('Custom API Call', () => {
	it('calls any service/command signed, and returns Tencent’s answer', async () => {
		const { output, context } = await run({
			resource: 'customApiCall',
			operation: 'call',
			api: 'v4/desk_http_svc/get_session_state',
			body: JSON.stringify({ SessionId: SEED_SESSION_IDS.agent }),
			options: {},
		});
		expect(output[0].json).toMatchObject({ ActionStatus: 'OK', ErrorCode: 0, SessionId: SEED_SESSION_IDS.agent, CurrentState: 'Agent' });
		expect(context.requests[0].url).toMatch(/\/v4\/desk_http_svc\/get_session_state$/);
		expect(context.requests[0].qs).toEqual(expect.objectContaining({ usersig: expect.any(String), identifier: 'administrator' }));
	});

	it('maps errors like the other operations, or returns them as data when asked', async () => {
		const parameters = { resource: 'customApiCall', operation: 'call', api: 'desk_http_svc/end_queuing', body: '{"SessionId": "x"}' };
		const { error } = await runExpectingError({ ...parameters, options: {} });
		expect(error.message).toBe('Tencent Cloud Desk error 141004: Invalid parameter');
		expect(error.description).toContain('SessionID');
		const { output } = await run({ ...parameters, options: { returnErrorsAsData: true } });
		expect(output[0].json).toMatchObject({ ActionStatus: 'FAIL', ErrorCode: 141004, errorMeaning: 'Invalid parameter' });
	});

	it('still fails on credential errors even with errors as data', async () => {
		const { error } = await runExpectingError(
			{ resource: 'customApiCall', operation: 'call', api: 'desk_http_svc/get_im_agent_list', body: '{}', options: { returnErrorsAsData: true } },
			{ secretKey: 'f'.repeat(64) },
		);
		expect(error.message).toMatch(/^Tencent Cloud Desk error 700/);
	});

	it('rejects a malformed API path or body before calling Tencent', async () => {
		const badPath = await runExpectingError({ resource: 'customApiCall', operation: 'call', api: 'get_session_state', body: '{}', options: {} });
		expect(badPath.error.message).toBe('API “get_session_state” is not service/command');
		const badBody = await runExpectingError({ resource: 'customApiCall', operation: 'call', api: 'openim/x', body: '{nope', options: {} });
		expect(badBody.error.message).toBe('Body is not valid JSON');
		const arrayBody = await runExpectingError({ resource: 'customApiCall', operation: 'call', api: 'openim/x', body: '[1]', options: {} });
		expect(arrayBody.error.message).toBe('Body must be a JSON object');
		expect([...badPath.context.requests, ...badBody.context.requests, ...arrayBody.context.requests]).toHaveLength(0);
	});
});

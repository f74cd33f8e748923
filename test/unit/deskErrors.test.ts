import type { INode, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { TencentCloudDesk } from '../../nodes/TencentCloudDesk/TencentCloudDesk.node';
import { asDataCall, type AsDataOption } from '../../nodes/TencentCloudDesk/descriptions/asData';
import {
	acceptsCode,
	deskApiError,
	errorAsData,
	failureItem,
	networkErrorCode,
} from '../../nodes/shared/transport/deskErrors';
import { DESK_ERRORS, SESSION_NOT_FOUND, SESSION_NOT_QUEUING } from '../../nodes/shared/errorCodes';
import { createExecuteContext } from '../helpers/executeContext';

const node = { name: 'Desk', type: 'n8n-nodes-tencent-desk.tencentCloudDesk' } as INode;

describe('Desk error mapping', () => {
	it.each(Object.entries(DESK_ERRORS))('code %s names the code, its meaning and the fix', (code, info) => {
		const error = deskApiError(node, 'v4/desk_http_svc/x', { ErrorCode: Number(code), ErrorInfo: 'detail' }, 3);
		expect(error.message).toBe(`Tencent Cloud Desk error ${code}: ${info.meaning}`);
		expect(error.description).toContain(info.fix);
		expect(error.description).toContain('detail');
		expect(error.context.itemIndex).toBe(3);
	});

	it('still names an unknown code and the command', () => {
		const error = deskApiError(node, 'v4/desk_http_svc/new_api', { ErrorCode: 123456, ErrorInfo: '' });
		expect(error.message).toBe('Tencent Cloud Desk error 123456 from v4/desk_http_svc/new_api');
	});

	it('finds a network code however deep n8n wrapped it', () => {
		expect(networkErrorCode({ cause: { cause: { code: 'ECONNRESET' } } })).toBe('ECONNRESET');
		expect(networkErrorCode({ code: 'not-a-network-code' })).toBeUndefined();
		expect(networkErrorCode(undefined)).toBeUndefined();
	});
});

describe('the fix names the running operation’s own “… as Data” option', () => {
	const command = 'v4/desk_http_svc/x';
	const notFound = { ErrorCode: SESSION_NOT_FOUND, ErrorInfo: '' };

	it('names no option when the operation has none', () => {
		expect(deskApiError(node, command, notFound).description).toBe('Check the Session ID.');
	});

	it('names the option that covers the code, and only that one', () => {
		const end = { displayName: 'Return Already Ended as Data', codes: [SESSION_NOT_FOUND] };
		expect(deskApiError(node, command, notFound, 0, end).description).toBe(
			'Check the Session ID, or turn on “Return Already Ended as Data” under Options.',
		);
		const endQueuing = { displayName: 'Return Not Queuing as Data', codes: [SESSION_NOT_QUEUING, SESSION_NOT_FOUND] };
		expect(deskApiError(node, command, notFound, 0, endQueuing).description).toContain('“Return Not Queuing as Data”');
		const transfer = { displayName: 'Return No Free Agent as Data', codes: [141001, 141025] };
		expect(deskApiError(node, command, notFound, 0, transfer).description).toBe('Check the Session ID.');
	});

	it('“answers” covers errors about the request, never credential, expiry or temporary ones', () => {
		const custom = { displayName: 'Return Errors as Data', codes: 'answers' as const };
		expect(deskApiError(node, command, { ErrorCode: 141004 }, 0, custom).description).toContain('“Return Errors as Data”');
		expect(deskApiError(node, command, { ErrorCode: 123456 }, 0, custom).description).toBe(
			'See Tencent’s error-code list for this code, or turn on “Return Errors as Data” under Options.',
		);
		for (const code of [70003, 70001, 141009, 141002]) {
			expect(acceptsCode('answers', code)).toBe(false);
			expect(deskApiError(node, command, { ErrorCode: code }, 0, custom).description).not.toContain('turn on');
		}
	});

	it('asDataCall accepts the codes only when the option is on, and always passes the option for the fix', () => {
		const option: AsDataOption = { displayName: 'Return Not-Found as Data', name: 'returnNotFoundAsData', codes: [SESSION_NOT_FOUND], description: '' };
		const context = (options: object) => createExecuteContext({ parameters: { options }, credentials: {} });
		expect(asDataCall(context({}), option, 2)).toEqual({ itemIndex: 2, acceptErrorCodes: [], asData: { displayName: option.displayName, codes: option.codes } });
		expect(asDataCall(context({ returnNotFoundAsData: true }), option, 0).acceptErrorCodes).toEqual([SESSION_NOT_FOUND]);
	});
});

describe('one error shape in items', () => {
	it('Continue On Fail: n8n’s error and description, then the same Desk fields as an “… as Data” item', () => {
		const answer = { ErrorCode: SESSION_NOT_FOUND, ErrorInfo: 'SessionId abc' };
		const error = deskApiError(node, 'v4/desk_http_svc/end_session', answer);
		expect(failureItem(error)).toEqual({
			error: 'Tencent Cloud Desk error 141005: The session does not exist or has ended',
			description: 'Check the Session ID. Tencent said: “SessionId abc”.',
			...errorAsData(answer),
		});
		expect(errorAsData(answer)).toEqual({ errorCode: 141005, errorMeaning: 'The session does not exist or has ended', errorInfo: 'SessionId abc' });
	});

	it('an error that is not Desk’s has n8n’s fields only', () => {
		expect(failureItem(new NodeOperationError(node, 'Session ID is empty'))).toEqual({ error: 'Session ID is empty' });
	});
});

describe('every “… as Data” option follows one pattern', () => {
	const asDataOptions = (properties: readonly INodeProperties[]): INodeProperties[] =>
		properties.flatMap((property) => [
			...(/asdata/i.test(property.name) ? [property] : []),
			...asDataOptions((property.options ?? []).filter((option): option is INodeProperties => 'type' in option)),
		]);

	it('display name “Return X as Data”, name returnXAsData, off by default', () => {
		const found = asDataOptions(new TencentCloudDesk().description.properties).filter(
			(option) => !option.displayOptions?.show?.resource?.includes('callbackAnswer'),
		);
		expect(found.length).toBeGreaterThanOrEqual(6);
		for (const option of found) {
			expect(option.displayName).toMatch(/^Return [A-Z][\w -]* as Data$/);
			const words = option.displayName.replace(/^Return | as Data$/g, '').split(/[\s-]+/);
			expect(option.name).toBe(`return${words.map((word) => word[0].toUpperCase() + word.slice(1)).join('')}AsData`);
			expect(option).toMatchObject({ type: 'boolean', default: false });
		}
	});
});

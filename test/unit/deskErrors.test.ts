import type { INode } from 'n8n-workflow';

import { deskApiError, networkErrorCode } from '../../nodes/TencentCloudDesk/transport/deskErrors';
import { DESK_ERRORS } from '../../nodes/shared/errorCodes';

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

/** Assertions on the simulator's REST answers, shared by its integration tests. */
import { DESK_ERRORS } from '../../nodes/shared/errorCodes';
import type { RestEnvelope } from '../../dev/simulator';

export function expectOk(answer: RestEnvelope): void {
	expect(answer).toMatchObject({ ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' });
}

/** A failure with this code, its meaning from the one error table first, and optionally a detail. */
export function expectFail(answer: RestEnvelope, code: number, detail?: string | RegExp): void {
	expect(answer).toMatchObject({ ActionStatus: 'FAIL', ErrorCode: code });
	expect(answer.ErrorInfo.startsWith(DESK_ERRORS[code].meaning)).toBe(true);
	if (detail) expect(answer.ErrorInfo).toMatch(detail);
}

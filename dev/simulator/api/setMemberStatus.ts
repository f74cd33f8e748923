/** `v4/desk_http_svc/set_member_status`: set an agent free, not ready or resting (with a reason). */
import type { CommandHandler } from '../commandRegistry';
import { DeskApiError } from '../restResponse';
import type { MemberStatus } from '../types';
import { optionalText, requiredEnum, requiredString } from './params';

const SETTABLE: readonly MemberStatus[] = ['STATUS_FREE', 'STATUS_NOT_READY', 'STATUS_REST'];

export const setMemberStatus: CommandHandler = {
	service: 'desk_http_svc',
	command: 'set_member_status',
	requiresDesk: true,
	handle({ body, members }) {
		const memberMail = requiredString(body, 'MemberMail');
		const status = requiredEnum(body, 'Status', SETTABLE);
		// UNCONFIRMED: Desk keeps RestReason only with STATUS_REST (ignored otherwise, not rejected).
		const restReason = optionalText(body, 'RestReason') ?? '';
		if (!members.setStatus(memberMail, status, restReason)) throw new DeskApiError(141010, `MemberMail ${memberMail}`);
		return {};
	},
};

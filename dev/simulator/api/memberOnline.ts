/**
 * `v4/desk_http_svc/force_member_offline` and `restore_member_online`, both `{MemberMail}`.
 * Forcing offline signs the agent out (STATUS_OFFLINE, KickOff 1) until restored; restoring lifts
 * that, and the agent is back once they sign in or their status is set. Tencent documents
 * restore's errors as 141000/141002/141004/141009, so an unknown member is 141004 naming
 * MemberMail. force_member_offline's own page was not read: its body and errors follow restore's.
 */
import type { CommandHandler } from '../commandRegistry';
import { invalidParameter, requiredString } from './params';

function onlineCommand(command: string, kickedOff: boolean): CommandHandler {
	return {
		service: 'desk_http_svc',
		command,
		requiresDesk: true,
		handle({ body, members }) {
			const memberMail = requiredString(body, 'MemberMail');
			if (!members.setKickedOff(memberMail, kickedOff)) throw invalidParameter('MemberMail', `${memberMail} is not a member`);
			return {};
		},
	};
}

export const forceMemberOffline = onlineCommand('force_member_offline', true);
export const restoreMemberOnline = onlineCommand('restore_member_online', false);

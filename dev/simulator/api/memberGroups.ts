/**
 * `v4/desk_http_svc/create_member_group`, `update_member_group` and `delete_member_group`.
 * Tencent documents 141000/141002/141004/141009 for all three, so an unknown MemberGroupID is
 * 141004 naming it. Update changes only the fields given; MemberMailList replaces the whole
 * member list ([] empties the group). Delete removes the group and every membership of it.
 */
import type { CommandHandler } from '../commandRegistry';
import { parseGroupFields } from './groupFields';
import { invalidParameter, requiredInt } from './params';

/** UNCONFIRMED: the ReceptionLimit of a group created without one. */
const DEFAULT_RECEPTION_LIMIT = 0;

export const createMemberGroup: CommandHandler = {
	service: 'desk_http_svc',
	command: 'create_member_group',
	requiresDesk: true,
	handle({ body, members }) {
		const fields = parseGroupFields(body, members, 'MemberList');
		if (fields.name === undefined) throw invalidParameter('MemberGroupName', 'is required');
		const group = members.addSkillGroup(fields.name, fields.receptionLimit ?? DEFAULT_RECEPTION_LIMIT, fields.memberEmails ?? []);
		return { MemberGroupID: group.skillGroupId };
	},
};

export const updateMemberGroup: CommandHandler = {
	service: 'desk_http_svc',
	command: 'update_member_group',
	requiresDesk: true,
	handle({ body, members }) {
		const id = requiredInt(body, 'MemberGroupID', { min: 1 });
		const fields = parseGroupFields(body, members, 'MemberMailList');
		if (!members.updateSkillGroup(id, fields)) throw invalidParameter('MemberGroupID', `${id} is not a group`);
		return {};
	},
};

export const deleteMemberGroup: CommandHandler = {
	service: 'desk_http_svc',
	command: 'delete_member_group',
	requiresDesk: true,
	handle({ body, members }) {
		const id = requiredInt(body, 'MemberGroupID', { min: 1 });
		if (!members.deleteSkillGroup(id)) throw invalidParameter('MemberGroupID', `${id} is not a group`);
		return {};
	},
};

/**
 * The fields create_member_group and update_member_group share: a name of 1–32 characters,
 * a ReceptionLimit of at most 999, and member emails that must all be agents of the app. The
 * member list is `MemberList` in create and `MemberMailList` in update (Tencent's names).
 */
import type { AppMembers } from '../memberDirectory';
import { invalidParameter, optionalInt, optionalShortString, optionalStringArray } from './params';

const MAX_GROUP_NAME_LENGTH = 32;
const MAX_RECEPTION_LIMIT = 999;

export interface GroupFields {
	name?: string;
	receptionLimit?: number;
	memberEmails?: string[];
}

export function parseGroupFields(body: Record<string, unknown>, members: AppMembers, memberListName: string): GroupFields {
	const memberEmails = optionalStringArray(body, memberListName);
	const unknown = memberEmails?.find((email) => !members.find(email));
	if (unknown !== undefined) throw invalidParameter(memberListName, `has ${unknown}, which is not a member`);
	return {
		name: optionalShortString(body, 'MemberGroupName', MAX_GROUP_NAME_LENGTH),
		receptionLimit: optionalInt(body, 'ReceptionLimit', { min: 0, max: MAX_RECEPTION_LIMIT }),
		memberEmails: memberEmails && [...new Set(memberEmails)],
	};
}

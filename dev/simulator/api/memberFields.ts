/**
 * The optional member fields create_members (per MemberList entry) and update_member share:
 * NickName ≤32, RoleIDList of known roles, MemberGroupIDList of existing groups, Avatar,
 * MemberReceptionLimit and MemberReceptionLimitEnabled (1/0). 141004 names the field, prefixed
 * with where it was (e.g. `MemberList[2].RoleIDList`).
 */
import type { AppMembers, MemberFields } from '../memberDirectory';
import { SEED_ROLES } from '../seedData';
import {
	invalidParameter,
	optionalEnum,
	optionalInt,
	optionalIntArray,
	optionalShortString,
	optionalText,
} from './params';

const MAX_NICK_LENGTH = 32;

/** A light check: Desk's logins are emails, the exact rule is not documented. */
const EMAIL = /^[^\s@]+@[^\s@]+$/;

export function checkEmail(value: string, name: string): string {
	if (!EMAIL.test(value)) throw invalidParameter(name, `must be an email, got ${value}`);
	return value;
}

export function parseMemberFields(body: Record<string, unknown>, members: AppMembers, prefix = ''): MemberFields {
	const name = (field: string) => `${prefix}${field}`;
	const at = (field: string) => withName(body, field, name(field));
	const roleIds = optionalIntArray(...at('RoleIDList'));
	const unknownRole = roleIds?.find((id) => !SEED_ROLES.some((role) => role.roleId === id));
	if (unknownRole !== undefined) throw invalidParameter(name('RoleIDList'), `has an unknown role ID ${unknownRole}`);
	const skillGroupIds = optionalIntArray(...at('MemberGroupIDList'));
	const unknownGroup = skillGroupIds?.find((id) => !members.skillGroup(id));
	if (unknownGroup !== undefined) throw invalidParameter(name('MemberGroupIDList'), `has an unknown group ID ${unknownGroup}`);
	return {
		nick: optionalShortString(...at('NickName'), MAX_NICK_LENGTH),
		roleIds,
		// The simulator has no default group (its ID is not documented): [] leaves the member in none.
		skillGroupIds: skillGroupIds && [...new Set(skillGroupIds)],
		avatar: optionalText(...at('Avatar')),
		memberReceptionLimit: optionalInt(...at('MemberReceptionLimit'), { min: 0 }),
		memberReceptionLimitEnabled: optionalEnum(...at('MemberReceptionLimitEnabled'), [0, 1] as const),
	};
}

/** The params helpers read `body[name]`; this gives them a one-field body under the prefixed name. */
function withName(body: Record<string, unknown>, field: string, name: string): [Record<string, unknown>, string] {
	return [{ [name]: body[field] }, name];
}

/**
 * `v4/desk_http_svc/create_members`: up to 10 agent accounts per call, each identified by its
 * MemberMail (the login). New agents are offline until they sign in. All or nothing: one bad or
 * existing account fails the call with 141004 naming it (Tencent's per-account result is not
 * documented, so the simulator answers only the envelope).
 */
import type { CommandHandler } from '../commandRegistry';
import type { MemberFields } from '../memberDirectory';
import { checkEmail, parseMemberFields } from './memberFields';
import { invalidParameter, optionalBoolean, requiredString } from './params';

const MAX_MEMBERS_PER_CALL = 10;

export const createMembers: CommandHandler = {
	service: 'desk_http_svc',
	command: 'create_members',
	requiresDesk: true,
	handle({ body, members }) {
		const list = body.MemberList;
		if (!Array.isArray(list) || list.length === 0) throw invalidParameter('MemberList', 'is required (an array of 1 to 10 members)');
		if (list.length > MAX_MEMBERS_PER_CALL) throw invalidParameter('MemberList', `must have at most ${MAX_MEMBERS_PER_CALL} members`);
		// UNCONFIRMED: whether Tencent sends the password email here; the simulator only checks the type.
		optionalBoolean(body, 'SendPassword');

		const parsed: Array<{ email: string; fields: MemberFields }> = list.map((entry: unknown, index) => {
			const prefix = `MemberList[${index}].`;
			if (!entry || typeof entry !== 'object' || Array.isArray(entry)) throw invalidParameter(`MemberList[${index}]`, 'must be an object');
			const member = entry as Record<string, unknown>;
			const email = checkEmail(requiredString({ [`${prefix}MemberMail`]: member.MemberMail }, `${prefix}MemberMail`), `${prefix}MemberMail`);
			return { email, fields: parseMemberFields(member, members, prefix) };
		});
		parsed.forEach(({ email }, index) => {
			if (members.find(email) || parsed.findIndex((other) => other.email === email) !== index) {
				throw invalidParameter(`MemberList[${index}].MemberMail`, `${email} already exists`);
			}
		});
		for (const { email, fields } of parsed) members.addMember(email, fields);
		return {};
	},
};

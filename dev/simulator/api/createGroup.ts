/**
 * `v4/desk_http_svc/create_group`: an IM group holding exactly one customer-service account and at
 * least one other member (at most 100 members at creation). Only Public and Private groups.
 * NOT FOUND: the response fields (none here), the error codes (141004 for every refusal here),
 * and ApplyJoinOption's values (any string is kept).
 */
import type { CommandHandler } from '../commandRegistry';
import type { GroupChatMember } from '../groupChatStore';
import { invalidParameter, optionalInt, optionalString, optionalText, requiredEnum, requiredString } from './params';
import { rejectUnknownKeys } from './serviceParams';

const MAX_INITIAL_MEMBERS = 100;
const OPTIONAL_TEXTS = ['Introduction', 'Notification', 'FaceUrl', 'ApplyJoinOption'];
const KNOWN = ['Owner_Account', 'Type', 'GroupId', 'Name', 'MaxMemberCount', 'MemberList', ...OPTIONAL_TEXTS];

export const createGroup: CommandHandler = {
	service: 'desk_http_svc',
	command: 'create_group',
	requiresDesk: true,
	handle({ body, services }) {
		rejectUnknownKeys(body, KNOWN, 'body');
		const type = requiredEnum(body, 'Type', ['Public', 'Private'] as const);
		const groupId = requiredString(body, 'GroupId');
		const name = requiredString(body, 'Name');
		optionalString(body, 'Owner_Account');
		for (const key of OPTIONAL_TEXTS) optionalText(body, key);
		optionalInt(body, 'MaxMemberCount', { min: 1 });
		const members = memberList(body.MemberList);

		const csAccounts = members.filter((member) => services.imAgents.find(member.Member_Account));
		if (csAccounts.length !== 1) throw invalidParameter('MemberList', `must hold exactly one customer service account (has ${csAccounts.length})`);
		if (csAccounts.length === members.length) throw invalidParameter('MemberList', 'must hold at least one member besides the customer service account');
		if (services.groupChats.has(groupId)) throw invalidParameter('GroupId', `${groupId} already exists`);

		const extra = Object.fromEntries(Object.entries(body).filter(([key]) => !['Type', 'GroupId', 'Name', 'MemberList'].includes(key)));
		services.groupChats.add({ groupId, type, name, imAgentUserId: csAccounts[0].Member_Account, members, extra });
		return {};
	},
};

function memberList(value: unknown): GroupChatMember[] {
	if (!Array.isArray(value) || value.length === 0) throw invalidParameter('MemberList', 'is required');
	if (value.length > MAX_INITIAL_MEMBERS) throw invalidParameter('MemberList', `may hold at most ${MAX_INITIAL_MEMBERS} members`);
	const seen = new Set<string>();
	return value.map((entry: unknown) => {
		if (!entry || typeof entry !== 'object') throw invalidParameter('MemberList', 'entries must be objects');
		const member = entry as Record<string, unknown>;
		rejectUnknownKeys(member, ['Member_Account', 'Role'], 'MemberList[]');
		const account = requiredString(member, 'Member_Account');
		if (member.Role !== undefined && member.Role !== 'Admin') throw invalidParameter('MemberList[].Role', 'must be Admin or left out');
		if (seen.has(account)) throw invalidParameter('MemberList', `${account} is listed twice`);
		seen.add(account);
		return member.Role === undefined ? { Member_Account: account } : { Member_Account: account, Role: 'Admin' };
	});
}

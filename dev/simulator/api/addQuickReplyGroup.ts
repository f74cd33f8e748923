/**
 * `v4/desk_http_svc/add_quick_reply_group`: add a quick-reply category with who may use it. Names
 * are unique; at most MAX_QUICK_REPLY_GROUPS per app. The documented codes are 141000, 141002 and
 * 141004, so every refusal is 141004.
 * UNCONFIRMED: that 'groups' and 'members' need a non-empty UseScopeList of existing skill
 * groups / members, and that 'all' ignores one.
 */
import type { CommandHandler } from '../commandRegistry';
import type { QuickReplyScope } from '../serviceSeedData';
import { MAX_QUICK_REPLY_GROUPS } from '../quickReplyStore';
import { invalidParameter, requiredEnum, requiredString } from './params';
import { optionalStringArray } from './serviceParams';

const SCOPES: readonly QuickReplyScope[] = ['all', 'groups', 'members'];

export const addQuickReplyGroup: CommandHandler = {
	service: 'desk_http_svc',
	command: 'add_quick_reply_group',
	requiresDesk: true,
	handle({ body, members, services }) {
		const name = requiredString(body, 'GroupName');
		const scope = requiredEnum(body, 'UseScopeType', SCOPES);
		const list = optionalStringArray(body, 'UseScopeList') ?? [];
		if (scope !== 'all') {
			if (list.length === 0) throw invalidParameter('UseScopeList', `is required with UseScopeType ${scope}`);
			for (const entry of list) {
				const known = scope === 'groups' ? /^\d+$/.test(entry) && members.skillGroup(Number(entry)) : members.find(entry);
				if (!known) throw invalidParameter('UseScopeList', `${entry} is not a ${scope === 'groups' ? 'skill group' : 'member'}`);
			}
		}
		const groups = services.quickReplies.groupList();
		if (groups.some((group) => group.name === name)) throw invalidParameter('GroupName', `${name} already exists`);
		if (groups.length >= MAX_QUICK_REPLY_GROUPS) throw invalidParameter('GroupName', `at most ${MAX_QUICK_REPLY_GROUPS} categories per app`);
		return { GroupId: services.quickReplies.addGroup(name, scope, scope === 'all' ? [] : list) };
	},
};

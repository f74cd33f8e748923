/**
 * An app's quick replies: categories (add_quick_reply_group) with who may use them, and the
 * replies in them (update_quick_reply), as get_available_quick_reply_list shows them to a member.
 */
import type { DeskMember } from './memberDirectory';
import { PERSONAL_QUICK_REPLY_GROUP_NAME, SEED_QUICK_REPLIES, SEED_QUICK_REPLY_GROUPS, type QuickReplyScope, type SeedQuickReply, type SeedQuickReplyGroup } from './serviceSeedData';

/** At most 100 categories per app. */
export const MAX_QUICK_REPLY_GROUPS = 100;

export type QuickReplyGroup = SeedQuickReplyGroup;
export type QuickReply = SeedQuickReply;

export class QuickReplyStore {
	private readonly groups: QuickReplyGroup[] = SEED_QUICK_REPLY_GROUPS.map((group) => ({ ...group, scopeList: [...group.scopeList] }));
	private readonly replies: QuickReply[] = SEED_QUICK_REPLIES.map((reply) => ({ ...reply }));
	private nextGroupId = 1 + Math.max(...SEED_QUICK_REPLY_GROUPS.map((group) => Number(group.groupId)));

	groupList(): QuickReplyGroup[] {
		return this.groups.map((group) => ({ ...group, scopeList: [...group.scopeList] }));
	}

	findGroup(groupId: string): QuickReplyGroup | undefined {
		const group = this.groups.find((candidate) => candidate.groupId === groupId);
		return group && { ...group, scopeList: [...group.scopeList] };
	}

	findReply(quickReplyId: string): QuickReply | undefined {
		const reply = this.replies.find((candidate) => candidate.quickReplyId === quickReplyId);
		return reply && { ...reply };
	}

	addGroup(name: string, scope: QuickReplyScope, scopeList: string[]): string {
		const groupId = String(this.nextGroupId++);
		this.groups.push({ groupId, name, scope, scopeList: [...scopeList] });
		return groupId;
	}

	updateReply(reply: QuickReply): void {
		const existing = this.replies.find((candidate) => candidate.quickReplyId === reply.quickReplyId);
		if (existing) Object.assign(existing, reply);
	}

	/** The categories a member may use (by scope), then their personal one, each with its replies. */
	availableTo(member: DeskMember): Array<{ group: Pick<QuickReplyGroup, 'groupId' | 'name'>; replies: QuickReply[] }> {
		const visible = this.groups.filter(
			(group) =>
				group.scope === 'all' ||
				(group.scope === 'members' && group.scopeList.includes(member.email)) ||
				(group.scope === 'groups' && member.skillGroupIds.some((id) => group.scopeList.includes(String(id)))),
		);
		const result: Array<{ group: Pick<QuickReplyGroup, 'groupId' | 'name'>; replies: QuickReply[] }> = visible.map((group) => ({ group, replies: this.repliesIn(group.groupId) }));
		const personal = this.repliesIn(member.email);
		if (personal.length > 0) result.push({ group: { groupId: member.email, name: PERSONAL_QUICK_REPLY_GROUP_NAME }, replies: personal });
		return result;
	}

	private repliesIn(groupId: string): QuickReply[] {
		return this.replies.filter((reply) => reply.groupId === groupId).map((reply) => ({ ...reply }));
	}
}

/** IM groups created with a customer-service account in them (create_group), by group ID. */
export interface GroupChatMember {
	Member_Account: string;
	Role?: string;
}

export interface GroupChat {
	groupId: string;
	type: 'Public' | 'Private';
	name: string;
	/** The one customer-service account in the group. */
	imAgentUserId: string;
	members: GroupChatMember[];
	/** The optional fields as sent (Owner_Account, Introduction, …). */
	extra: Record<string, unknown>;
}

export class GroupChatStore {
	private readonly groups = new Map<string, GroupChat>();

	has(groupId: string): boolean {
		return this.groups.has(groupId);
	}

	get(groupId: string): GroupChat | undefined {
		const group = this.groups.get(groupId);
		return group && structuredClone(group);
	}

	add(group: GroupChat): void {
		this.groups.set(group.groupId, structuredClone(group));
	}
}

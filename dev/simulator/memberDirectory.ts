/**
 * Agents (members) and skill groups, per app and per simulator instance: set_member_status
 * changes what get_member_list reports and whom transfer_session and the scripts pick. Every
 * app starts from the seed. Reads return copies.
 */
import { SEED_AGENTS, SEED_SKILL_GROUPS, type SeedAgent, type SeedSkillGroup } from './seedData';
import type { MemberStatus } from './types';

export interface DeskMember {
	email: string;
	nick: string;
	skillGroupIds: number[];
	status: MemberStatus;
	/** '' unless the status is STATUS_REST. */
	restReason: string;
}

export type SkillGroup = SeedSkillGroup;

export class AppMembers {
	private members: DeskMember[] = [];
	private groups: SkillGroup[] = [];

	constructor(
		private readonly seedAgents: readonly SeedAgent[],
		private readonly seedGroups: readonly SeedSkillGroup[],
	) {
		this.reset();
	}

	reset(): void {
		this.members = this.seedAgents.map((agent) => ({
			email: agent.email,
			nick: agent.nick,
			skillGroupIds: [...agent.skillGroupIds],
			status: agent.status,
			restReason: agent.status === 'STATUS_REST' ? (agent.restReason ?? '') : '',
		}));
		this.groups = this.seedGroups.map((group) => ({ ...group }));
	}

	/** In seed order (the order scripts pick free agents in). */
	list(): DeskMember[] {
		return this.members.map(copyMember);
	}

	find(email: string): DeskMember | undefined {
		const member = this.members.find((candidate) => candidate.email === email);
		return member && copyMember(member);
	}

	skillGroups(): SkillGroup[] {
		return this.groups.map((group) => ({ ...group }));
	}

	skillGroup(id: number): SkillGroup | undefined {
		const group = this.groups.find((candidate) => candidate.skillGroupId === id);
		return group && { ...group };
	}

	memberCount(groupId: number): number {
		return this.members.filter((member) => member.skillGroupIds.includes(groupId)).length;
	}

	/** Free agents, optionally only of one group, never `except`, in seed order. */
	freeAgents(options: { groupId?: number; except?: string } = {}): DeskMember[] {
		return this.members
			.filter(
				(member) =>
					member.status === 'STATUS_FREE' &&
					member.email !== options.except &&
					(options.groupId === undefined || member.skillGroupIds.includes(options.groupId)),
			)
			.map(copyMember);
	}

	/** Returns false for an unknown member. The rest reason is kept only while resting. */
	setStatus(email: string, status: MemberStatus, restReason = ''): boolean {
		const member = this.members.find((candidate) => candidate.email === email);
		if (!member) return false;
		member.status = status;
		member.restReason = status === 'STATUS_REST' ? restReason : '';
		return true;
	}
}

export class MemberDirectory {
	private readonly byApp = new Map<number, AppMembers>();

	constructor(
		private readonly seedAgents: readonly SeedAgent[] = SEED_AGENTS,
		private readonly seedGroups: readonly SeedSkillGroup[] = SEED_SKILL_GROUPS,
	) {}

	/** Created from the seed on first use. */
	forApp(sdkAppId: number): AppMembers {
		let members = this.byApp.get(sdkAppId);
		if (!members) this.byApp.set(sdkAppId, (members = new AppMembers(this.seedAgents, this.seedGroups)));
		return members;
	}

	/** Every app back to the seed. */
	reset(): void {
		this.byApp.clear();
	}
}

function copyMember(member: DeskMember): DeskMember {
	return { ...member, skillGroupIds: [...member.skillGroupIds] };
}

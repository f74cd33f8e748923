/**
 * Agents (members) and skill groups, per app and per simulator instance: set_member_status
 * changes what get_member_list reports and whom transfer_session and the scripts pick;
 * create_members, update_member and the group commands change who is in which group. Every
 * app starts from the seed. Reads return copies.
 */
import {
	ONLINE_AGENT_ROLE_ID,
	SEED_AGENTS,
	SEED_MEMBER_CREATE_TIME,
	SEED_SKILL_GROUPS,
	type SeedAgent,
	type SeedSkillGroup,
} from './seedData';
import type { MemberStatus } from './types';

/** One entry of describe_member_status_trace's StatusList. */
export interface StatusChange {
	/** Unix seconds. */
	timestamp: number;
	status: MemberStatus;
	/** 'Web' while signed in on the web workbench; none while offline. */
	clients: string[];
}

export interface DeskMember {
	email: string;
	nick: string;
	skillGroupIds: number[];
	status: MemberStatus;
	/** '' unless the status is STATUS_REST. */
	restReason: string;
	roleIds: number[];
	avatar: string;
	/** Member-level reception limit, used when memberReceptionLimitEnabled is 1. */
	memberReceptionLimit: number;
	memberReceptionLimitEnabled: 0 | 1;
	/** Unix seconds. */
	createTime: number;
	/** Forced offline and not yet restored (get_member_list_in_group's KickOff). */
	kickedOff: boolean;
	/** Oldest first. */
	statusTrace: StatusChange[];
}

/** What create_members and update_member may set; absent fields keep their value. */
export type MemberFields = Partial<
	Pick<DeskMember, 'nick' | 'skillGroupIds' | 'roleIds' | 'avatar' | 'memberReceptionLimit' | 'memberReceptionLimitEnabled'>
>;

/** How long before the seed moment the seeded agents signed in (their first status-trace entry). */
const SEED_SIGN_IN_SECONDS = 3600;

export type SkillGroup = SeedSkillGroup;

export class AppMembers {
	private members: DeskMember[] = [];
	private groups: SkillGroup[] = [];
	private nextGroupId = 1;

	constructor(
		private readonly seedAgents: readonly SeedAgent[],
		private readonly seedGroups: readonly SeedSkillGroup[],
	) {
		this.reset();
	}

	reset(): void {
		const signedIn = nowSeconds() - SEED_SIGN_IN_SECONDS;
		this.members = this.seedAgents.map((agent, index) => ({
			email: agent.email,
			nick: agent.nick,
			skillGroupIds: [...agent.skillGroupIds],
			status: agent.status,
			restReason: agent.status === 'STATUS_REST' ? (agent.restReason ?? '') : '',
			roleIds: [...(agent.roleIds ?? [ONLINE_AGENT_ROLE_ID])],
			avatar: '',
			memberReceptionLimit: 0,
			memberReceptionLimitEnabled: 0,
			createTime: SEED_MEMBER_CREATE_TIME + index * 86_400,
			kickedOff: false,
			statusTrace: [traceEntry(signedIn, agent.status)],
		}));
		this.groups = this.seedGroups.map((group) => ({ ...group }));
		this.nextGroupId = Math.max(0, ...this.groups.map((group) => group.skillGroupId)) + 1;
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
		if (member.status !== status) member.statusTrace.push(traceEntry(nowSeconds(), status));
		member.status = status;
		member.restReason = status === 'STATUS_REST' ? restReason : '';
		return true;
	}

	/** A new member, offline until they sign in; the caller has checked the email is free. */
	addMember(email: string, fields: MemberFields): DeskMember {
		const now = nowSeconds();
		const member: DeskMember = {
			email,
			nick: fields.nick ?? email,
			skillGroupIds: [...(fields.skillGroupIds ?? [])],
			status: 'STATUS_OFFLINE',
			restReason: '',
			roleIds: [...(fields.roleIds ?? [])],
			avatar: fields.avatar ?? '',
			memberReceptionLimit: fields.memberReceptionLimit ?? 0,
			memberReceptionLimitEnabled: fields.memberReceptionLimitEnabled ?? 0,
			createTime: now,
			kickedOff: false,
			statusTrace: [traceEntry(now, 'STATUS_OFFLINE')],
		};
		this.members.push(member);
		return copyMember(member);
	}

	/** Returns false for an unknown member. */
	updateMember(email: string, fields: MemberFields): boolean {
		const member = this.members.find((candidate) => candidate.email === email);
		if (!member) return false;
		for (const [key, value] of Object.entries(fields)) {
			if (value !== undefined) Object.assign(member, { [key]: Array.isArray(value) ? [...value] : value });
		}
		return true;
	}

	/** Force offline (kicked off until restored) or restore; returns false for an unknown member. */
	setKickedOff(email: string, kickedOff: boolean): boolean {
		const member = this.members.find((candidate) => candidate.email === email);
		if (!member) return false;
		member.kickedOff = kickedOff;
		if (kickedOff && member.status !== 'STATUS_OFFLINE') {
			member.status = 'STATUS_OFFLINE';
			member.restReason = '';
			member.statusTrace.push(traceEntry(nowSeconds(), 'STATUS_OFFLINE'));
		}
		return true;
	}

	/** A new group with the next free ID; members are emails the caller has checked. */
	addSkillGroup(name: string, receptionLimit: number, memberEmails: readonly string[]): SkillGroup {
		const group: SkillGroup = { skillGroupId: this.nextGroupId++, name, receptionLimit };
		this.groups.push(group);
		this.setGroupMembers(group.skillGroupId, memberEmails);
		return { ...group };
	}

	/** Only the fields given change; memberEmails replaces the whole member list. False for an unknown group. */
	updateSkillGroup(id: number, fields: { name?: string; receptionLimit?: number; memberEmails?: readonly string[] }): boolean {
		const group = this.groups.find((candidate) => candidate.skillGroupId === id);
		if (!group) return false;
		if (fields.name !== undefined) group.name = fields.name;
		if (fields.receptionLimit !== undefined) group.receptionLimit = fields.receptionLimit;
		if (fields.memberEmails !== undefined) this.setGroupMembers(id, fields.memberEmails);
		return true;
	}

	/** Removes the group and every membership of it; false for an unknown group. */
	deleteSkillGroup(id: number): boolean {
		const before = this.groups.length;
		this.groups = this.groups.filter((group) => group.skillGroupId !== id);
		if (this.groups.length === before) return false;
		for (const member of this.members) member.skillGroupIds = member.skillGroupIds.filter((groupId) => groupId !== id);
		return true;
	}

	/** The limit that applies: the member's own when enabled, else the largest of their groups' (0 with none). */
	effectiveReceptionLimit(member: DeskMember): number {
		if (member.memberReceptionLimitEnabled === 1) return member.memberReceptionLimit;
		const limits = member.skillGroupIds.map((id) => this.skillGroup(id)?.receptionLimit ?? 0);
		return Math.max(0, ...limits);
	}

	private setGroupMembers(groupId: number, emails: readonly string[]): void {
		for (const member of this.members) {
			const wanted = emails.includes(member.email);
			const has = member.skillGroupIds.includes(groupId);
			if (wanted && !has) member.skillGroupIds.push(groupId);
			if (!wanted && has) member.skillGroupIds = member.skillGroupIds.filter((id) => id !== groupId);
		}
	}
}

function nowSeconds(): number {
	return Math.floor(Date.now() / 1000);
}

function traceEntry(timestamp: number, status: MemberStatus): StatusChange {
	return { timestamp, status, clients: status === 'STATUS_OFFLINE' ? [] : ['Web'] };
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
	return {
		...member,
		skillGroupIds: [...member.skillGroupIds],
		roleIds: [...member.roleIds],
		statusTrace: member.statusTrace.map((entry) => ({ ...entry, clients: [...entry.clients] })),
	};
}

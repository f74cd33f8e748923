/**
 * Which agent transfer_session hands a session to, with Desk's error codes in this order:
 * unknown GroupId 141020, unknown MemberId 141010, MemberId already has it 141024, MemberId not
 * free (or not in GroupId) 141001, no free agent in GroupId 141025, no free agent at all 141001.
 */
import type { AppMembers } from '../memberDirectory';
import { DeskApiError } from '../restResponse';

export interface TransferRequest {
	groupId?: number;
	memberId?: string;
	/** Agent that has (or was offered) the session now; '' for none. */
	currentAgentId: string;
}

export interface TransferTarget {
	agentId: string;
	/** The requested group, else undefined (the agent's first group is recorded). */
	skillGroupId?: number;
}

export function chooseTransferTarget(members: AppMembers, request: TransferRequest): TransferTarget {
	const { groupId, memberId, currentAgentId } = request;
	if (groupId !== undefined && !members.skillGroup(groupId)) throw new DeskApiError(141020, `GroupId ${groupId}`);
	if (memberId !== undefined) {
		const member = members.find(memberId);
		if (!member) throw new DeskApiError(141010, `MemberId ${memberId}`);
		if (memberId === currentAgentId) throw new DeskApiError(141024, `MemberId ${memberId}`);
		if (member.status !== 'STATUS_FREE') throw new DeskApiError(141001, `MemberId ${memberId} is ${member.status}`);
		if (groupId !== undefined && !member.skillGroupIds.includes(groupId)) {
			throw new DeskApiError(141001, `MemberId ${memberId} is not in GroupId ${groupId}`);
		}
		return { agentId: memberId, skillGroupId: groupId };
	}
	// UNCONFIRMED: Desk's default strategy; here the first free agent (seed order) other than the current one.
	const [agent] = members.freeAgents({ groupId, except: currentAgentId || undefined });
	if (!agent && groupId !== undefined) throw new DeskApiError(141025, `no free agent in GroupId ${groupId}`);
	if (!agent) throw new DeskApiError(141001, 'no free agent to transfer to');
	return { agentId: agent.email, skillGroupId: groupId };
}

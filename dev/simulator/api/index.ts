/** Every REST command the simulator answers. Add a handler file and list it here. */
import type { CommandHandler } from '../commandRegistry';
import { accountCheck } from './accountCheck';
import { createMembers } from './createMembers';
import { describeAgentStatistics } from './describeAgentStatistics';
import { describeMemberRealtimeStatistics } from './describeMemberRealtimeStatistics';
import { describeMemberStatusTrace } from './describeMemberStatusTrace';
import { describeReceptionRealtimeStatistics } from './describeReceptionRealtimeStatistics';
import { describeSessionStatistics } from './describeSessionStatistics';
import { getMemberListInGroup } from './getMemberListInGroup';
import { getRoleList } from './getRoleList';
import { createMemberGroup, deleteMemberGroup, updateMemberGroup } from './memberGroups';
import { forceMemberOffline, restoreMemberOnline } from './memberOnline';
import { updateMember } from './updateMember';
import { addChitchat } from './addChitchat';
import { addFaq } from './addFaq';
import { addFaqCategory } from './addFaqCategory';
import { batchSetChitchat } from './batchSetChitchat';
import { batchSetFaq } from './batchSetFaq';
import { delFaqCategory } from './delFaqCategory';
import { descChitchatCategory } from './descChitchatCategory';
import { descRobotConfig } from './descRobotConfig';
import { describeChatMessages } from './describeChatMessages';
import { describeImCdrList } from './describeImCdrList';
import { endQueuing } from './endQueuing';
import { endSession } from './endSession';
import { getImAgentList } from './getImAgentList';
import { getMemberGroupList } from './getMemberGroupList';
import { getMemberList } from './getMemberList';
import { getSessionState } from './getSessionState';
import { listChitchat } from './listChitchat';
import { listFaq } from './listFaq';
import { sendMsg } from './sendMsg';
import { setMemberStatus } from './setMemberStatus';
import { transferSession } from './transferSession';
// Customer-service accounts, quick replies, conversation settings, group chat, sessions (issue 17).
import { addImAgent } from './addImAgent';
import { addQuickReplyGroup } from './addQuickReplyGroup';
import { contactUser } from './contactUser';
import { createGroup } from './createGroup';
import { deleteImAgent } from './deleteImAgent';
import { getAvailableQuickReplyList } from './getAvailableQuickReplyList';
import { getChannelSpecificConversationSettings } from './getChannelSpecificConversationSettings';
import { getImAgentListMultilingual } from './getImAgentListMultilingual';
import { sendStreamMsg } from './sendStreamMsg';
import { transferToHuman } from './transferToHuman';
import { updateChannelSpecificConversationSettings } from './updateChannelSpecificConversationSettings';
import { updateImAgent } from './updateImAgent';
import { updateQuickReply } from './updateQuickReply';
import { updateChitchat } from './updateChitchat';
import { updateFaq } from './updateFaq';

export const COMMANDS: readonly CommandHandler[] = [
	getSessionState,
	accountCheck,
	getMemberList,
	getMemberGroupList,
	getImAgentList,
	describeChatMessages,
	describeImCdrList,
	endSession,
	endQueuing,
	transferSession,
	sendMsg,
	setMemberStatus,
	// Agent, skill group and role administration, and statistics (issue 17).
	createMembers,
	updateMember,
	restoreMemberOnline,
	forceMemberOffline,
	describeMemberStatusTrace,
	createMemberGroup,
	deleteMemberGroup,
	updateMemberGroup,
	getMemberListInGroup,
	getRoleList,
	describeAgentStatistics,
	describeMemberRealtimeStatistics,
	describeReceptionRealtimeStatistics,
	describeSessionStatistics,
	addImAgent,
	addQuickReplyGroup,
	contactUser,
	createGroup,
	deleteImAgent,
	getAvailableQuickReplyList,
	getChannelSpecificConversationSettings,
	getImAgentListMultilingual,
	sendStreamMsg,
	transferToHuman,
	updateChannelSpecificConversationSettings,
	updateImAgent,
	updateQuickReply,
	listFaq,
	addFaq,
	updateFaq,
	batchSetFaq,
	addFaqCategory,
	delFaqCategory,
	listChitchat,
	addChitchat,
	updateChitchat,
	batchSetChitchat,
	descChitchatCategory,
	descRobotConfig,
];

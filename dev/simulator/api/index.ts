/** Every REST command the simulator answers. Add a handler file and list it here. */
import type { CommandHandler } from '../commandRegistry';
import { accountCheck } from './accountCheck';
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

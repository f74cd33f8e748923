/** Every REST command the simulator answers. Add a handler file and list it here. */
import type { CommandHandler } from '../commandRegistry';
import { accountCheck } from './accountCheck';
import { describeChatMessages } from './describeChatMessages';
import { describeImCdrList } from './describeImCdrList';
import { endQueuing } from './endQueuing';
import { endSession } from './endSession';
import { getImAgentList } from './getImAgentList';
import { getMemberGroupList } from './getMemberGroupList';
import { getMemberList } from './getMemberList';
import { getSessionState } from './getSessionState';
import { sendMsg } from './sendMsg';
import { setMemberStatus } from './setMemberStatus';
import { transferSession } from './transferSession';

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
];

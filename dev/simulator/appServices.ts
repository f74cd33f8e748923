/**
 * Per app: the customer-service configuration (CS accounts, quick replies, conversation
 * settings), group chats and open streaming messages. Every app starts from the seed; reset
 * brings every app back to it.
 */
import { ConversationSettingsStore } from './conversationSettingsStore';
import { GroupChatStore } from './groupChatStore';
import { ImAgentStore } from './imAgentStore';
import { QuickReplyStore } from './quickReplyStore';
import { StreamMessages } from './streamMessages';
import type { SimulatorApp } from './types';

export class AppServices {
	readonly imAgents: ImAgentStore;
	readonly quickReplies = new QuickReplyStore();
	readonly conversationSettings = new ConversationSettingsStore();
	readonly groupChats = new GroupChatStore();
	readonly streams = new StreamMessages();

	constructor(app: SimulatorApp) {
		this.imAgents = new ImAgentStore(app.customerServiceId);
	}
}

export class ServiceDirectory {
	private readonly byApp = new Map<number, AppServices>();

	/** Created from the seed on first use. */
	forApp(app: SimulatorApp): AppServices {
		let services = this.byApp.get(app.sdkAppId);
		if (!services) this.byApp.set(app.sdkAppId, (services = new AppServices(app)));
		return services;
	}

	reset(): void {
		this.byApp.clear();
	}
}

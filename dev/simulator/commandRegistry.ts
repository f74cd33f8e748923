/**
 * The router: REST commands by `service/command`. A command is one handler file under `api/`
 * plus one line in `api/index.ts`.
 */
import type { AppChatbot } from './chatbotKnowledgeBase';
import type { AppMembers } from './memberDirectory';
import type { AppServices } from './appServices';
import type { AppliedStep, SessionStore } from './sessionStore';
import type { SessionStep, SimulatorApp, StateSpelling } from './types';

/**
 * Apply steps to a session (all or none: the path is checked first) and send the callbacks of
 * the Desk events among them to the callback URL, in order, after the answer. The same path as
 * advanceSession, so get_session_state and the callbacks agree.
 */
export type ApplySteps = (sessionId: string, steps: ReadonlyArray<SessionStep | string>) => AppliedStep[];

/** An agent about to contact a user (contact_user), as Desk.CallbackBeforeIMContactUser describes it. */
export interface ContactRequest {
	clientUserId: string;
	memberId: string;
	groupId?: number;
	channelId?: string;
	channelType?: string;
}

export interface CommandContext {
	app: SimulatorApp;
	/** The parsed JSON body (an object). */
	body: Record<string, unknown>;
	sessions: SessionStore;
	stateSpelling: StateSpelling;
	/** The app's agents and skill groups. */
	members: AppMembers;
	applySteps: ApplySteps;
	/** The app's CS accounts, quick replies, conversation settings, group chats and open streams. */
	services: AppServices;
	/** The app's chatbot knowledge base and settings (openim_console_http_svc). */
	chatbot: AppChatbot;
	/** Desk.CallbackBeforeIMContactUser: asks the business server (when configured) whether a contact may go ahead. */
	askBeforeContact(request: ContactRequest): Promise<{ allowed: boolean }>;
}

export interface CommandHandler {
	service: string;
	command: string;
	/** Only Desk apps may call it (else 141000). */
	requiresDesk: boolean;
	/** Fields to add to the OK envelope; throw DeskApiError to fail. */
	handle(context: CommandContext): Record<string, unknown> | Promise<Record<string, unknown>>;
}

export class CommandRegistry {
	private readonly handlers = new Map<string, CommandHandler>();

	constructor(handlers: readonly CommandHandler[]) {
		for (const handler of handlers) this.register(handler);
	}

	register(handler: CommandHandler): void {
		const key = commandKey(handler.service, handler.command);
		if (this.handlers.has(key)) throw new Error(`Command ${key} registered twice`);
		this.handlers.set(key, handler);
	}

	find(service: string, command: string): CommandHandler | undefined {
		return this.handlers.get(commandKey(service, command));
	}

	keys(): string[] {
		return [...this.handlers.keys()];
	}
}

export function commandKey(service: string, command: string): string {
	return `${service}/${command}`;
}

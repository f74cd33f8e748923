/**
 * The router: REST commands by `service/command`. A command is one handler file under `api/`
 * plus one line in `api/index.ts`.
 */
import type { SessionStore } from './sessionStore';
import type { SimulatorApp, StateSpelling } from './types';

export interface CommandContext {
	app: SimulatorApp;
	/** The parsed JSON body (an object). */
	body: Record<string, unknown>;
	sessions: SessionStore;
	stateSpelling: StateSpelling;
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

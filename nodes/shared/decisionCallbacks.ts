/**
 * The callbacks in which Desk asks the customer's server to decide, and waits for the answer
 * (reference: tencent-desk-extension.md §A.1, §A.2, §A.4). One place for the decision trigger,
 * the Decision Answer node, the simulator and the tests.
 *
 * Tencent publishes no timeout for these three; its message before-callbacks time out after 2 s,
 * "not adjustable", so every answer must be on its way well inside that.
 */

export type DecisionKind = 'assignHuman' | 'apiCall' | 'beforeContact';

/** The Decision Trigger's Decision when none is saved (n8n saves no parameter left at its default). */
export const DEFAULT_DECISION: DecisionKind = 'assignHuman';

export interface DecisionCallbackInfo {
	kind: DecisionKind;
	/** Readable name for options and outputs. */
	name: string;
	/** Every `CallbackCommand` spelling Desk uses for it; the first is the current one. */
	commands: readonly string[];
	description: string;
	/** Where in Tencent's consoles the URL is pasted. */
	whereToPaste: string;
}

export const DECISION_CALLBACKS: readonly DecisionCallbackInfo[] = [
	{
		kind: 'assignHuman',
		name: 'Route Customer to Agents',
		// OnAssignAgent is the older page's name for the same callback, same shape.
		commands: ['ChatBot.OnAssignHuman', 'ChatBot.OnAssignAgent'],
		description: 'A customer asked for a human and Desk asks which skill group or agents take them',
		whereToPaste:
			'Desk Management Panel → Settings → Session Settings → Routing Strategy: choose “Business Server Agent Routing Callback” (业务服务器分配) and paste the URL there',
	},
	{
		kind: 'apiCall',
		name: 'Chatbot API Call',
		// Lower-case b, unlike ChatBot.OnAssignHuman: Tencent's spelling.
		commands: ['Chatbot.InterfaceInvocation'],
		description: 'A chatbot task flow reached an “API call” node; the answer’s variables are written into the session',
		whereToPaste: 'Desk Management Panel → Chatbot → task flow → the “API call” node: paste the URL as the node’s API address',
	},
	{
		kind: 'beforeContact',
		name: 'Before Agent Contacts User',
		commands: ['Desk.CallbackBeforeIMContactUser'],
		description: 'An agent (or the contact_user API) is about to contact a customer; the answer allows or refuses it',
		whereToPaste:
			'Premium edition only, switched on by a Tencent support ticket (客服主动联系之前回调): give this URL in the ticket',
	},
];

const byCommand = new Map(DECISION_CALLBACKS.flatMap((info) => info.commands.map((command) => [command, info] as const)));
const byKind = new Map(DECISION_CALLBACKS.map((info) => [info.kind, info]));

export function findDecisionByCommand(command: string): DecisionCallbackInfo | undefined {
	return byCommand.get(command);
}

export function decisionInfo(kind: DecisionKind): DecisionCallbackInfo {
	const info = byKind.get(kind);
	if (!info) throw new Error(`Unknown decision callback "${kind}"`);
	return info;
}

/**
 * Figures the statistics commands derive from the simulator's sessions, so they are
 * deterministic (the same sessions give the same figures) and agree with the session records.
 * An agent "holds" a session from TransferToHumanSuccess (or the AgentForward to them) until
 * it is forwarded on or ends. Times are in seconds. Tencent's exact definitions are on its
 * data-board pages, not in the reference; these are the simulator's readings of the names.
 */
import type { DeskSession } from './types';

/** One agent's stretch of a session. */
export interface Holding {
	session: DeskSession;
	agentId: string;
	/** Unix milliseconds. */
	start: number;
	end: number;
	/** Forwarded to another agent (rather than ended or still live). */
	forwarded: boolean;
}

/** Each agent's holdings of a session, in order; a live session's last one runs until `now`. */
export function holdings(session: DeskSession, now: number): Holding[] {
	const result: Holding[] = [];
	let current: Holding | undefined;
	for (const entry of session.history) {
		if (current && (entry.step === 'AgentForward' || entry.phase === 'Ended' || entry.phase === 'Ending' || entry.phase === 'Chatbot')) {
			current.end = entry.time;
			current.forwarded = entry.step === 'AgentForward';
			result.push(current);
			current = undefined;
		}
		if (!current && entry.phase === 'Agent' && entry.agentId) {
			current = { session, agentId: entry.agentId, start: entry.time, end: now, forwarded: false };
		}
	}
	if (current) result.push({ ...current, end: session.endTime ?? now });
	return result;
}

export interface ResponseFigures {
	/** Seconds from taking the session to the agent's first message; undefined when they never wrote. */
	firstResponse?: number;
	/** Seconds from each customer message to the agent's next message. */
	responses: number[];
	agentMessages: number;
	userMessages: number;
}

export function responseFigures(holding: Holding): ResponseFigures {
	const within = holding.session.messages.filter((message) => message.time >= holding.start && message.time <= holding.end);
	const figures: ResponseFigures = { responses: [], agentMessages: 0, userMessages: 0 };
	let waitingSince: number | undefined = holding.start;
	for (const message of within) {
		if (message.role === 'User') {
			figures.userMessages++;
			waitingSince ??= message.time;
		} else if (message.role === 'Agent' && message.from === holding.agentId) {
			figures.agentMessages++;
			const seconds = toSeconds(message.time - (waitingSince ?? message.time));
			if (figures.firstResponse === undefined) figures.firstResponse = seconds;
			else if (waitingSince !== undefined) figures.responses.push(seconds);
			waitingSince = undefined;
		}
	}
	if (figures.firstResponse !== undefined) figures.responses.unshift(figures.firstResponse);
	return figures;
}

/** Seconds the session queued (TransferringToHumanWait until an agent took it or it left the queue). */
export function queueSeconds(session: DeskSession): number | undefined {
	const queued = session.history.find((entry) => entry.phase === 'Queuing');
	if (!queued) return undefined;
	const left = session.history.find((entry) => entry.time >= queued.time && entry.phase !== 'Queuing' && entry !== queued);
	return left ? toSeconds(left.time - queued.time) : undefined;
}

export function average(values: readonly number[]): number {
	return values.length === 0 ? 0 : Math.round(values.reduce((sum, value) => sum + value, 0) / values.length);
}

export function toSeconds(milliseconds: number): number {
	return Math.max(0, Math.round(milliseconds / 1000));
}

/** "Satisfied": 4 or 5 stars (the simulator's reading; Tencent's threshold is not in the reference). */
export const isSatisfied = (rating: number | undefined): boolean => rating !== undefined && rating >= 4;

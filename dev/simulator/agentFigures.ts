/**
 * Per-agent figures for describe_agent_statistics and describe_member_realtime_statistics,
 * from the sessions an agent held that started in [from, to] and from their status trace.
 */
import type { DeskMember } from './memberDirectory';
import { average, holdings, isSatisfied, responseFigures, toSeconds, type Holding } from './sessionFigures';
import type { DeskSession } from './types';

const UNDER_30_SECONDS = 30;

export interface AgentSessionFigures {
	TotalSessionCnt: number;
	TransferSessionCnt: number;
	EffectiveSessionCnt: number;
	AgentEndCnt: number;
	ServeUserCnt: number;
	TotalAcceptTime: number;
	TotalMsgCnt: number;
	AgentMsgCnt: number;
	UserMsgCnt: number;
	NotRespSessionCnt: number;
	AvgFirstRespTime: number;
	FirstRespUnder30sCnt: number;
	AvgRespTime: number;
	AvgRespUnder30sCnt: number;
	AvgAcceptTime: number;
	SatisfactionSelectedCnt: number;
	SatisfiedCnt: number;
}

/** The holdings of `agentId` in sessions that started within [fromMs, toMs]. */
export function holdingsOf(sessions: readonly DeskSession[], agentId: string, fromMs: number, toMs: number, now: number): Holding[] {
	return sessions
		.filter((session) => session.startTime >= fromMs && session.startTime <= toMs)
		.flatMap((session) => holdings(session, now))
		.filter((holding) => holding.agentId === agentId);
}

export function agentSessionFigures(held: readonly Holding[]): AgentSessionFigures {
	const responses = held.map(responseFigures);
	const firsts = responses.flatMap((figures) => (figures.firstResponse === undefined ? [] : [figures.firstResponse]));
	const perSessionAverages = responses.filter((figures) => figures.responses.length > 0).map((figures) => average(figures.responses));
	const acceptTime = held.reduce((sum, holding) => sum + toSeconds(holding.end - holding.start), 0);
	// Who ended it and the rating count for the agent who had the session last.
	const last = held.filter((holding) => !holding.forwarded);
	const agentMsgCnt = responses.reduce((sum, figures) => sum + figures.agentMessages, 0);
	const userMsgCnt = responses.reduce((sum, figures) => sum + figures.userMessages, 0);
	return {
		TotalSessionCnt: held.length,
		TransferSessionCnt: held.filter((holding) => holding.forwarded).length,
		EffectiveSessionCnt: firsts.length,
		AgentEndCnt: last.filter((holding) => holding.session.endReason === 'SessionAgentEnd').length,
		ServeUserCnt: new Set(held.map((holding) => holding.session.clientUserId)).size,
		TotalAcceptTime: acceptTime,
		TotalMsgCnt: agentMsgCnt + userMsgCnt,
		AgentMsgCnt: agentMsgCnt,
		UserMsgCnt: userMsgCnt,
		NotRespSessionCnt: held.length - firsts.length,
		AvgFirstRespTime: average(firsts),
		FirstRespUnder30sCnt: firsts.filter((value) => value < UNDER_30_SECONDS).length,
		AvgRespTime: average(responses.flatMap((figures) => figures.responses)),
		AvgRespUnder30sCnt: perSessionAverages.filter((value) => value < UNDER_30_SECONDS).length,
		AvgAcceptTime: held.length === 0 ? 0 : Math.round(acceptTime / held.length),
		SatisfactionSelectedCnt: last.filter((holding) => holding.session.satisfaction !== undefined).length,
		SatisfiedCnt: last.filter((holding) => isSatisfied(holding.session.satisfaction)).length,
	};
}

export interface StatusFigures {
	FirstLoginTimestamp: number;
	LastLogoutTimestamp: number;
	FreeTime: number;
	BusyTime: number;
	RestTime: number;
}

/** Seconds in each status within [from, min(to, now)] (Unix seconds), from the member's status trace. */
export function statusFigures(member: DeskMember, from: number, to: number, nowSeconds: number): StatusFigures {
	const end = Math.min(to, nowSeconds);
	const totals = { STATUS_FREE: 0, STATUS_NOT_READY: 0, STATUS_REST: 0, STATUS_OFFLINE: 0 };
	member.statusTrace.forEach((entry, index) => {
		const next = member.statusTrace[index + 1]?.timestamp ?? nowSeconds;
		const overlap = Math.min(next, end) - Math.max(entry.timestamp, from);
		if (overlap > 0) totals[entry.status] += overlap;
	});
	const inRange = member.statusTrace.filter((entry) => entry.timestamp >= from && entry.timestamp <= end);
	// UNCONFIRMED: 0 when there was no sign-in (or sign-out) in the range.
	return {
		FirstLoginTimestamp: inRange.find((entry) => entry.status !== 'STATUS_OFFLINE')?.timestamp ?? 0,
		LastLogoutTimestamp: [...inRange].reverse().find((entry) => entry.status === 'STATUS_OFFLINE')?.timestamp ?? 0,
		FreeTime: totals.STATUS_FREE,
		BusyTime: totals.STATUS_NOT_READY,
		RestTime: totals.STATUS_REST,
	};
}

/**
 * `v4/desk_http_svc/describe_session_statistics`: sessions that started between From and To
 * (Unix seconds), by day ("2025-04-06") or, with GroupByHour, by hour of day ("09:00"), in UTC
 * (Tencent's time zone for these labels is not in the reference). Only periods with sessions
 * are listed, in time order.
 */
import type { CommandHandler } from '../commandRegistry';
import { average, holdings, queueSeconds, responseFigures, toSeconds } from '../sessionFigures';
import type { DeskSession } from '../types';
import { invalidParameter, optionalBoolean, requiredInt } from './params';

export const describeSessionStatistics: CommandHandler = {
	service: 'desk_http_svc',
	command: 'describe_session_statistics',
	requiresDesk: true,
	handle({ app, body, sessions }) {
		const from = requiredInt(body, 'From', { min: 0 });
		const to = requiredInt(body, 'To', { min: 0 });
		if (to < from) throw invalidParameter('To', 'must not be before From');
		const byHour = optionalBoolean(body, 'GroupByHour') ?? false;
		const now = Date.now();
		const periods = new Map<string, DeskSession[]>();
		for (const session of sessions.list(app.sdkAppId)) {
			const started = Math.floor(session.startTime / 1000);
			if (started < from || started > to) continue;
			const iso = new Date(session.startTime).toISOString();
			const label = byHour ? `${iso.slice(11, 13)}:00` : iso.slice(0, 10);
			periods.set(label, [...(periods.get(label) ?? []), session]);
		}
		const data = [...periods.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([label, inPeriod]) => periodFigures(label, inPeriod, now));
		return { TotalCount: data.length, Data: data };
	},
};

function periodFigures(time: string, inPeriod: readonly DeskSession[], now: number): Record<string, unknown> {
	const held = inPeriod.flatMap((session) => holdings(session, now));
	const responses = held.map(responseFigures);
	const rated = inPeriod.filter((session) => session.satisfaction !== undefined);
	const stars = (count: number) => rated.filter((session) => session.satisfaction === count).length;
	const queued = inPeriod.flatMap((session) => {
		const seconds = queueSeconds(session);
		return seconds === undefined ? [] : [seconds];
	});
	return {
		Time: time,
		TotalSessionCnt: inPeriod.length,
		TransferAgentSessionCnt: inPeriod.filter((session) => session.history.some((entry) => entry.step === 'TransferringToHuman')).length,
		AgentAcceptCnt: inPeriod.filter((session) => session.history.some((entry) => entry.phase === 'Agent')).length,
		EffectiveSessionCnt: inPeriod.filter((session) => session.messages.some((message) => message.role === 'Agent')).length,
		SatisfactionSelectedCnt: rated.length,
		OneStarSelectedCnt: stars(1),
		TwoStarSelectedCnt: stars(2),
		ThreeStarSelectedCnt: stars(3),
		FourStarSelectedCnt: stars(4),
		FiveStarSelectedCnt: stars(5),
		AvgFirstRespTime: average(responses.flatMap((figures) => (figures.firstResponse === undefined ? [] : [figures.firstResponse]))),
		AvgRespTime: average(responses.flatMap((figures) => figures.responses)),
		AvgAcceptTime: average(held.map((holding) => toSeconds(holding.end - holding.start))),
		AvgQueueTime: average(queued),
	};
}

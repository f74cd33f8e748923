/**
 * `v4/desk_http_svc/end_queuing`: take a queuing session out of the queue. Tencent spells the
 * parameter `SessionID` here. The session ends: the catalogue's only queue-ending reason is
 * SessionPendingAutoFinishEnd, then SessionEnd.
 * UNCONFIRMED: that the session ends (rather than returning to the bot) and which events Desk sends.
 */
import type { CommandHandler } from '../commandRegistry';
import { DeskApiError } from '../restResponse';
import { findLiveSession } from './findSession';
import { invalidParameter, requiredString } from './params';

export const endQueuing: CommandHandler = {
	service: 'desk_http_svc',
	command: 'end_queuing',
	requiresDesk: true,
	handle({ app, body, sessions, applySteps }) {
		if (body.SessionID === undefined && body.SessionId !== undefined) {
			throw invalidParameter('SessionID', 'is required (end_queuing spells it with a capital ID, not SessionId)');
		}
		const session = findLiveSession(sessions, app, requiredString(body, 'SessionID'), 'SessionID');
		if (session.phase !== 'Queuing') throw new DeskApiError(141027, `SessionID ${session.sessionId} is not queuing`);
		applySteps(session.sessionId, ['SessionPendingAutoFinishEnd', 'SessionEnd']);
		return {};
	},
};

/**
 * `v4/desk_http_svc/end_session`: an admin ends a session. In the agent phase Desk's catalogue
 * has SessionAgentEnd; elsewhere it has no matching end reason, so only SessionEnd is sent.
 * UNCONFIRMED: the end event(s) Desk sends for an API end (SessionAgentEnd + SessionEnd in the
 * Agent phase, SessionEnd alone otherwise).
 */
import type { CommandHandler } from '../commandRegistry';
import { API_END_STEP } from '../sessionStateMachine';
import { findActiveSession } from './findSession';
import { requiredString } from './params';

export const endSession: CommandHandler = {
	service: 'desk_http_svc',
	command: 'end_session',
	requiresDesk: true,
	handle({ app, body, sessions, applySteps }) {
		const session = findActiveSession(sessions, app, requiredString(body, 'SessionId'));
		applySteps(session.sessionId, [session.phase === 'Agent' ? 'SessionAgentEnd' : API_END_STEP, 'SessionEnd']);
		return {};
	},
};

/** Session lookups shared by the Desk commands; sessions of other apps do not exist for the caller (141005). */
import { DeskApiError } from '../restResponse';
import type { SessionStore } from '../sessionStore';
import { isLivePhase } from '../sessionStateMachine';
import type { DeskSession, SimulatorApp } from '../types';

/** Live or ended (history); 141005 when unknown. */
export function findAnySession(sessions: SessionStore, app: SimulatorApp, sessionId: string, name = 'SessionId'): DeskSession {
	const session = sessions.get(sessionId);
	if (!session || session.sdkAppId !== app.sdkAppId) throw new DeskApiError(141005, `${name} ${sessionId}`);
	return session;
}

/**
 * A session that has begun and not ended; 141005 otherwise.
 * UNCONFIRMED: Desk may answer a NotInSession id (no SessionBegin yet) with another code; 141005
 * ("does not exist") matches get_session_state's "Not in session".
 */
export function findActiveSession(sessions: SessionStore, app: SimulatorApp, sessionId: string, name = 'SessionId'): DeskSession {
	const session = findAnySession(sessions, app, sessionId, name);
	if (!isLivePhase(session.phase)) throw new DeskApiError(141005, `${name} ${sessionId} has ended`);
	if (session.phase === 'NotInSession') throw new DeskApiError(141005, `${name} ${sessionId} has not begun`);
	return session;
}

/** Not ended (NotInSession included); 141005 otherwise. */
export function findLiveSession(sessions: SessionStore, app: SimulatorApp, sessionId: string, name = 'SessionId'): DeskSession {
	const session = findAnySession(sessions, app, sessionId, name);
	if (!isLivePhase(session.phase)) throw new DeskApiError(141005, `${name} ${sessionId} has ended`);
	return session;
}

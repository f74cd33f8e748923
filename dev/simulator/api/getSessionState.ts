/** `v4/desk_http_svc/get_session_state`: a session's state, by SessionId or by user + customer-service account. */
import type { CommandHandler } from '../commandRegistry';
import { currentStateName, reportsAgent } from '../currentState';
import { DeskApiError } from '../restResponse';
import { isLivePhase } from '../sessionStateMachine';
import type { DeskSession } from '../types';
import { optionalString as stringParam } from './params';

export const getSessionState: CommandHandler = {
	service: 'desk_http_svc',
	command: 'get_session_state',
	requiresDesk: true,
	handle({ app, body, sessions, stateSpelling }) {
		const sessionId = stringParam(body, 'SessionId');
		let session: DeskSession | undefined;
		if (sessionId !== undefined) {
			const found = sessions.get(sessionId);
			session = found?.sdkAppId === app.sdkAppId && isLivePhase(found.phase) ? found : undefined;
			if (!session) throw new DeskApiError(141005, `SessionId ${sessionId}`);
		} else {
			const clientUserId = stringParam(body, 'ClientUserId');
			const customerServiceId = stringParam(body, 'CustomerServiceId');
			if (clientUserId === undefined && customerServiceId === undefined) {
				throw new DeskApiError(141004, 'SessionId, or ClientUserId with CustomerServiceId, is required');
			}
			if (clientUserId === undefined) throw new DeskApiError(141004, 'ClientUserId is required with CustomerServiceId');
			if (customerServiceId === undefined) throw new DeskApiError(141004, 'CustomerServiceId is required with ClientUserId');
			session = sessions.findLive(app.sdkAppId, clientUserId, customerServiceId);
			if (!session) {
				throw new DeskApiError(141005, `no live session of ClientUserId ${clientUserId} with ${customerServiceId}`);
			}
		}
		return {
			SessionId: session.sessionId,
			CurrentState: currentStateName(session.phase, stateSpelling),
			AgentId: reportsAgent(session.phase) ? session.agentId : '',
		};
	},
};

/**
 * Session states of `get_session_state`. Tencent's English page writes "Not in session" and
 * "Queuing", the Chinese page `NotInSession` and `Queueing`: the node outputs one canonical
 * spelling (the keys below) and passes unknown values through unchanged.
 */
export const SESSION_STATES = {
	NotInSession: { english: 'Not in session', chinese: 'NotInSession' },
	Chatbot: { english: 'Chatbot', chinese: 'Chatbot' },
	WaitingForAgentAnswering: { english: 'WaitingForAgentAnswering', chinese: 'WaitingForAgentAnswering' },
	Queuing: { english: 'Queuing', chinese: 'Queueing' },
	Agent: { english: 'Agent', chinese: 'Agent' },
} as const;

export type SessionState = keyof typeof SESSION_STATES;

const canonicalBySpelling = new Map<string, SessionState>();
for (const [canonical, spellings] of Object.entries(SESSION_STATES) as Array<[SessionState, { english: string; chinese: string }]>) {
	for (const spelling of [canonical, spellings.english, spellings.chinese]) {
		canonicalBySpelling.set(spelling.toLowerCase().replace(/\s+/g, ''), canonical);
	}
}

export function normalizeSessionState(raw: string): string {
	return canonicalBySpelling.get(raw.toLowerCase().replace(/\s+/g, '')) ?? raw;
}

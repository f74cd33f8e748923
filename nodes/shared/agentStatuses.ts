/** Desk's agent statuses, as the API spells them and as users read them. */
export const AGENT_STATUSES = [
	{ name: 'Free', value: 'STATUS_FREE', description: 'Available: Desk assigns new sessions to the agent' },
	{ name: 'Not Ready', value: 'STATUS_NOT_READY', description: 'Online but not taking new sessions' },
	{ name: 'Rest', value: 'STATUS_REST', description: 'On a break; give a reason' },
] as const;

/** Statuses Desk may report but that cannot be set through the API. */
export const REPORTED_ONLY_STATUSES = [{ name: 'Offline', value: 'STATUS_OFFLINE' }] as const;

/** An agent's status as users read it (the Set Status option's name), or Desk's value when it is one we do not know. */
export function agentStatusName(status: unknown): string {
	const known = [...AGENT_STATUSES, ...REPORTED_ONLY_STATUSES].find(({ value }) => value === status);
	return known?.name ?? String(status ?? '');
}

/** Desk's agent statuses, as the API spells them and as users read them. */
export const AGENT_STATUSES = [
	{ name: 'Free', value: 'STATUS_FREE', description: 'Available: Desk assigns new sessions to the agent' },
	{ name: 'Not Ready', value: 'STATUS_NOT_READY', description: 'Online but not taking new sessions' },
	{ name: 'Rest', value: 'STATUS_REST', description: 'On a break; give a reason' },
] as const;

/** Statuses Desk may report but that cannot be set through the API. */
export const REPORTED_ONLY_STATUSES = [{ name: 'Offline', value: 'STATUS_OFFLINE' }] as const;

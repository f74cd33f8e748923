/**
 * Fixed values of the simulator's default app, so tests, the demo and a human pasting into n8n's
 * credential form all use the same ones. None of them is a real Tencent secret.
 */

export const DEFAULT_SDK_APP_ID = 1400000001;
export const DEFAULT_ADMIN_IDENTIFIER = 'administrator';
/** 64 hex digits like a real Chat console key: sha256('tencent-desk-simulator'). */
export const DEFAULT_SECRET_KEY = '555b8b80771f42d7063ac358a3ecfa1562ce51b98a4ecd74bdec9bdf3d9e3b73';
export const DEFAULT_CALLBACK_TOKEN = 'simulator-callback-token';
/** The spec's sample customer-service account. */
export const DEFAULT_CUSTOMER_SERVICE_ID = '@customer_service_account';

export const DEFAULT_HOST = '127.0.0.1';
/** Port `npm run simulator` listens on; the library defaults to a free port. */
export const DEFAULT_CLI_PORT = 8990;

/** Tencent's documented default for most Chat REST APIs (per SDKAppID). */
export const DEFAULT_RATE_LIMIT_PER_SECOND = 200;
/** Callback ack timeout; Desk's own value is unpublished. */
export const DEFAULT_CALLBACK_TIMEOUT_MS = 3000;
export const DEFAULT_CALLBACK_RETRIES = 3;
export const MAX_CALLBACK_RETRIES = 10;
export const DEFAULT_CALLBACK_RETRY_DELAY_MS = 100;

/** Seeded sessions with stable ids so the demo and docs can query them by name. */
export const SEED_SESSION_IDS = {
	/** The callback spec's sample SessionId. */
	chatbot: '2baf4d84-beb4-4607-a1ea-6ebcaef3e0e6',
	/** The get_session_state spec's sample SessionId. */
	agent: 'b0f4ca12-4850-4218-a284-efe679a87066',
	queuing: '6f1d2c3b-4a5e-4f60-8a71-92b3c4d5e6f7',
	waitingForAgent: '0c9e8d7f-6a5b-4c3d-9e2f-1a0b9c8d7e6f',
	notInSession: '3a4b5c6d-7e8f-4a9b-8c0d-1e2f3a4b5c6d',
	ended: '9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a',
	/** Second sessions per state, so action tests can change one and still find another. */
	chatbotSecond: '4d5e6f70-8192-4a3b-9c4d-5e6f708192a3',
	queuingSecond: '7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d',
	agentSecond: '1b2c3d4e-5f60-4718-9a2b-3c4d5e6f7081',
} as const;

/** Seeded client users; `user1` is the spec's sample for the pair form. */
export const SEED_CLIENT_USER_IDS = {
	chatbot: 'user1',
	agent: 'user2',
	waitingForAgent: 'user3',
	notInSession: 'user4',
	ended: 'user5',
	queuing: 'web_visitor_42',
	chatbotSecond: 'user6',
	queuingSecond: 'web_visitor_43',
	agentSecond: 'user7',
} as const;

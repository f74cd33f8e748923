/** The environment n8n runs with: loopback only, sqlite, nothing phoning home (see shared/reference/real-n8n.md). */
import { dirname } from 'node:path';

import { pathWith } from './install';
import { isN8n1 } from './releases';

/** Fixed test key: instances are throwaway, and a fixed key lets a kept folder be booted again. */
export const TEST_ENCRYPTION_KEY = 'n8n-nodes-tencent-desk-harness-test-key';

export interface N8nEnvOptions {
	userFolder: string;
	port: number;
	brokerPort: number;
	nodeBin: string;
	/** The n8n version that runs (what a release accepts differs: see releases.ts). */
	n8nVersion: string;
	/** Added last, so a caller can override anything (e.g. `N8N_EXPRESSION_ENGINE`). */
	extra?: Record<string, string | undefined>;
}

/**
 * A minimal environment, not the caller's: only PATH (Node 24 first), HOME, TMPDIR and locale pass through,
 * so stray `N8N_*` / `DB_*` / `npm_config_*` variables of the developer's shell cannot change the instance.
 */
export function n8nEnv(options: N8nEnvOptions): NodeJS.ProcessEnv {
	const base = `http://127.0.0.1:${options.port}/`;
	const env: NodeJS.ProcessEnv = {
		PATH: pathWith(dirname(options.nodeBin)),
		HOME: process.env.HOME,
		TMPDIR: process.env.TMPDIR,
		LANG: process.env.LANG ?? 'C.UTF-8',
		N8N_USER_FOLDER: options.userFolder,
		DB_TYPE: 'sqlite',
		N8N_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_PORT: String(options.port),
		N8N_HOST: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		N8N_WEBHOOK_URL: base,
		N8N_EDITOR_BASE_URL: base,
		N8N_RUNNERS_BROKER_PORT: String(options.brokerPort),
		N8N_SECURE_COOKIE: 'false',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_DIAGNOSTICS_CONFIG_FRONTEND: '',
		N8N_DIAGNOSTICS_CONFIG_BACKEND: '',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		EXTERNAL_FRONTEND_HOOKS_URLS: '',
		// 2.x only: 1.x does not know the module and refuses to boot when asked to disable it.
		...(!isN8n1(options.n8nVersion) && { N8N_DISABLED_MODULES: 'mcp-registry' }),
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		GENERIC_TIMEZONE: 'UTC',
		TZ: 'UTC',
	};
	for (const [key, value] of Object.entries(options.extra ?? {})) {
		if (value === undefined) delete env[key];
		else env[key] = value;
	}
	for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
	return env;
}

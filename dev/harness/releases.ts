/**
 * The n8n releases the harness runs, and what each needs to install and boot here. One place, read by the
 * install, the environment, the API client, the tests and the README's compatibility table.
 *
 * Which one a run uses: `N8N_HARNESS_N8N` (`current`, `lts`, or an exact version of either), else `current`.
 */
export interface N8nRelease {
	/** Exact npm version. */
	version: string;
	/** How the README and test names call the line. */
	line: string;
	/**
	 * npm `overrides` for the install (root package.json only, where npm honours them). Why, per release:
	 * 1.123.x: n8n-nodes-base pins `xlsx` to a tarball on cdn.sheetjs.com, a host outside the npm registry (the only
	 * network here); the registry's 0.18.5 is the same library's last build published there. With today's
	 * `@langchain/langgraph-checkpoint` 1.2.x, `n8n start` fails (ERR_PACKAGE_PATH_NOT_EXPORTED, then "Command start
	 * not found"); 1.0.1 boots.
	 */
	overrides: Record<string, string>;
	/** Node versions n8n accepts (its package.json `engines`), as the README states them. */
	nodeEngines: string;
	/**
	 * The Node major the harness runs it on: the system Node when its major matches, else `node@<major>` from
	 * npm, cached. 1.123.x runs on 22, its Docker image's Node: n8n's default expression engine needs
	 * isolated-vm, which ships binaries for Node 22 and 24 only (on Node 20 it must be compiled at install).
	 */
	nodeMajor: number;
}

/**
 * The newest 2.x that installs from the npm registry. 2.41.3 (newer) cannot: it depends on @n8n/* patch releases
 * the registry does not hold (@n8n/agents@0.26.2, @n8n/api-types@1.41.1, @n8n/backend-common@1.41.2 and more,
 * checked 2026-12-02 with `npm view`).
 */
export const N8N_CURRENT: N8nRelease = { version: '2.41.1', line: '2.x', overrides: {}, nodeEngines: '>=24', nodeMajor: 24 };

export const N8N_LTS: N8nRelease = {
	version: '1.123.81',
	line: '1.x LTS',
	overrides: { xlsx: 'npm:xlsx@0.18.5', '@langchain/langgraph-checkpoint': '1.0.1' },
	nodeEngines: '>=20.19 <=24.x',
	nodeMajor: 22,
};

export const N8N_RELEASES: readonly N8nRelease[] = [N8N_CURRENT, N8N_LTS];

export function majorOf(version: string): number {
	return Number(version.replace(/^v/, '').split('.')[0]);
}

/** The release a harness run uses when the caller names none (see the file comment). */
export function selectedRelease(value = process.env.N8N_HARNESS_N8N): N8nRelease {
	if (!value || value === 'current') return N8N_CURRENT;
	if (value === 'lts') return N8N_LTS;
	const found = N8N_RELEASES.find((release) => release.version === value);
	if (!found) {
		throw new Error(
			`N8N_HARNESS_N8N=${value}: expected current, lts or one of ${N8N_RELEASES.map((release) => release.version).join(', ')}`,
		);
	}
	return found;
}

/**
 * What differs between the lines when driving n8n, by major version: 2.x calls activating "publishing" and
 * disables modules by name; 1.x refuses to boot with an unknown module in N8N_DISABLED_MODULES.
 */
export function isN8n1(version: string): boolean {
	return majorOf(version) < 2;
}

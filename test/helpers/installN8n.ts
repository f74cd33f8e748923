/**
 * Jest globalSetup of the real-n8n projects: installs (or finds in the cache) the n8n release the project runs before
 * any test starts, so a cold install (10-15 min, with progress lines) is not counted against a test's beforeAll
 * timeout. The release comes from N8N_HARNESS_N8N, as in the harness (`e2e-lts` passes `lts`).
 */
import { ensureRuntime } from '../../dev/harness/install';
import { selectedRelease } from '../../dev/harness/releases';

export function installRelease(name: string | undefined): () => Promise<void> {
	return async () => {
		await ensureRuntime({ release: selectedRelease(name), log: true });
	};
}

export default installRelease(process.env.N8N_HARNESS_N8N);

import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { DeskSimulator } from './deskSimulator';

/** The credential a user would enter for this simulator (Region: Custom). */
export function simulatorCredentials(
	simulator: Pick<DeskSimulator, 'url' | 'app'>,
	overrides: Partial<ICredentialDataDecryptedObject> = {},
): ICredentialDataDecryptedObject {
	return {
		sdkAppId: simulator.app.sdkAppId,
		identifier: simulator.app.adminIdentifier,
		secretKey: simulator.app.secretKey,
		region: 'custom',
		baseUrl: simulator.url,
		callbackToken: simulator.app.callbackToken ?? '',
		...overrides,
	};
}

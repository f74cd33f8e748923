/** The apps the simulator answers for: the default app first, then any extra ones. */
import {
	DEFAULT_ADMIN_IDENTIFIER,
	DEFAULT_CALLBACK_TOKEN,
	DEFAULT_CUSTOMER_SERVICE_ID,
	DEFAULT_SDK_APP_ID,
	DEFAULT_SECRET_KEY,
} from './defaults';
import type { SimulatorApp, SimulatorAppInput } from './types';

export const DEFAULT_APP: Readonly<SimulatorApp> = Object.freeze({
	sdkAppId: DEFAULT_SDK_APP_ID,
	adminIdentifier: DEFAULT_ADMIN_IDENTIFIER,
	secretKey: DEFAULT_SECRET_KEY,
	callbackToken: DEFAULT_CALLBACK_TOKEN,
	desk: true,
	otherAdmins: [],
	customerServiceId: DEFAULT_CUSTOMER_SERVICE_ID,
});

export class AppRegistry {
	readonly defaultApp: SimulatorApp;
	private readonly byId = new Map<number, SimulatorApp>();

	constructor(defaultOverrides: Partial<SimulatorApp> = {}, extraApps: SimulatorAppInput[] = []) {
		this.defaultApp = completeApp(defaultOverrides, DEFAULT_APP);
		this.add(this.defaultApp);
		for (const input of extraApps) this.add(completeApp(input, this.defaultApp));
	}

	get(sdkAppId: number): SimulatorApp | undefined {
		return this.byId.get(sdkAppId);
	}

	/** The app, or the default app when `sdkAppId` is undefined; throws for an unknown id (a test bug). */
	resolve(sdkAppId?: number): SimulatorApp {
		if (sdkAppId === undefined) return this.defaultApp;
		const app = this.byId.get(sdkAppId);
		if (!app) throw new Error(`Simulator has no app ${sdkAppId}`);
		return app;
	}

	list(): SimulatorApp[] {
		return [...this.byId.values()];
	}

	private add(app: SimulatorApp): void {
		if (!Number.isSafeInteger(app.sdkAppId) || app.sdkAppId <= 0) {
			throw new Error(`Invalid sdkAppId ${app.sdkAppId}`);
		}
		if (this.byId.has(app.sdkAppId)) throw new Error(`Duplicate sdkAppId ${app.sdkAppId}`);
		this.byId.set(app.sdkAppId, app);
	}
}

export function isAppAdmin(app: SimulatorApp, identifier: string): boolean {
	return identifier === app.adminIdentifier || app.otherAdmins.includes(identifier);
}

function completeApp(input: Partial<SimulatorApp>, base: Readonly<SimulatorApp>): SimulatorApp {
	return {
		sdkAppId: input.sdkAppId ?? base.sdkAppId,
		adminIdentifier: input.adminIdentifier ?? base.adminIdentifier,
		secretKey: input.secretKey ?? base.secretKey,
		callbackToken: input.callbackToken ?? base.callbackToken,
		desk: input.desk ?? true,
		otherAdmins: [...(input.otherAdmins ?? [])],
		customerServiceId: input.customerServiceId ?? base.customerServiceId,
	};
}

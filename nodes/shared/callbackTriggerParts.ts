/**
 * What both Desk triggers share in the editor and the lifecycle: the clock-tolerance option, and the
 * webhook methods of a URL pasted by hand in Desk's panel (nothing to register with Tencent), as the
 * Slack Trigger does.
 */
import type { IHookFunctions, INodeProperties } from 'n8n-workflow';

export const clockToleranceOption: INodeProperties = {
	displayName: 'Clock Tolerance (Seconds)',
	name: 'toleranceSeconds',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 60,
	description:
		'With a Callback Token: reject callbacks whose RequestTime differs from this server’s clock by more than this (replay protection)',
};

async function nothingToRegister(this: IHookFunctions): Promise<boolean> {
	return true;
}

export const pastedUrlWebhookMethods = {
	default: { checkExists: nothingToRegister, create: nothingToRegister, delete: nothingToRegister },
};

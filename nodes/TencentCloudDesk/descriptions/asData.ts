/**
 * The "Return … as Data" options: one pattern for every operation that has one (display name
 * “Return X as Data”, parameter `returnXAsData`, in the operation's Options), and one way to use it:
 * its codes are returned as data when it is on, and named in the error's fix when it is off, so a
 * fix never offers an option the operation does not have.
 */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { DeskCallOptions } from '../../shared/transport/deskClient';
import type { AsDataChoice } from '../../shared/transport/deskErrors';

export interface AsDataOption extends AsDataChoice {
	/** `returnXAsData`. */
	name: `return${string}AsData`;
	/** “Return X as Data”. */
	displayName: `Return ${string} as Data`;
	description: string;
}

/** The option as it appears in the operation's Options collection. */
export function asDataProperty({ name, displayName, description }: AsDataOption): INodeProperties {
	return { displayName, name, type: 'boolean', default: false, description };
}

/** The call options for the operation's Desk call: the option's codes accepted when it is on, offered in the fix when off. */
export function asDataCall(context: IExecuteFunctions, option: AsDataOption, itemIndex: number): DeskCallOptions {
	const options = context.getNodeParameter('options', itemIndex, {}) as Record<string, unknown>;
	const on = options[option.name] === true;
	return {
		itemIndex,
		acceptErrorCodes: on ? (option.codes === 'answers' ? 'answers' : [...option.codes]) : [],
		asData: { displayName: option.displayName, codes: option.codes },
	};
}

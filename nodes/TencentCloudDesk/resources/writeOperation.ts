/**
 * Write operations declare, beside their handler, which Desk object each item writes to (items with
 * the same one run in item order) and whether a write may be sent again after an unclear failure.
 */
import type { IExecuteFunctions } from 'n8n-workflow';

import { locatorValue } from '../helpers/parameters';
import type { OperationHandler, RunOperation, WriteRules } from './types';

/** Declares a write operation: its rules travel with its handler, and its requests follow `rules.retry`. */
export function writeOperation(rules: WriteRules, run: RunOperation): OperationHandler {
	const handler: RunOperation = async function (this: IExecuteFunctions, client, itemIndex) {
		return await run.call(this, client.writing(rules.retry), itemIndex);
	};
	return Object.assign(handler, { write: rules });
}

/** The target named by a text parameter (a Session ID, an email). */
export function byParameter(name: string): NonNullable<WriteRules['target']> {
	return function (this: IExecuteFunctions, itemIndex: number) {
		return String(this.getNodeParameter(name, itemIndex, '') ?? '').trim() || undefined;
	};
}

/** The target picked in a resource locator (an agent, a skill group, an account). */
export function byLocator(name: string): NonNullable<WriteRules['target']> {
	return function (this: IExecuteFunctions, itemIndex: number) {
		return locatorValue(this, name, itemIndex) || undefined;
	};
}

/**
 * The ordering key of each item for the handler's writes, or undefined when items run freely. An
 * item whose target cannot be read gets none: its own run reports the problem.
 */
export function writeTargets(
	context: IExecuteFunctions,
	handler: OperationHandler,
): ((itemIndex: number) => string | undefined) | undefined {
	const target = handler.write?.target;
	if (!target) return undefined;
	return (itemIndex) => {
		try {
			return target.call(context, itemIndex);
		} catch {
			return undefined;
		}
	};
}

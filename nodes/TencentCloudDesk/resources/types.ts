import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { DeskClient, WriteRetry } from '../../shared/transport/deskClient';

export type RunOperation = (
	this: IExecuteFunctions,
	client: DeskClient,
	itemIndex: number,
) => Promise<IDataObject | IDataObject[]>;

/** How a write operation keeps its items in order and never applies one twice. */
export interface WriteRules {
	/**
	 * The Desk object an item writes to (a session ID, an agent's email, …): items with the same
	 * one run one after another in item order, whatever the Concurrency. None: items run freely.
	 */
	target?: (this: IExecuteFunctions, itemIndex: number) => string | undefined;
	/** Whether the write may be sent again after a failure that leaves open whether it was applied. */
	retry: WriteRetry;
}

/** One operation run for one input item; returns one or more output items' JSON. Writes carry their rules. */
export type OperationHandler = RunOperation & { readonly write?: WriteRules };

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { DeskClient } from '../transport/deskClient';

/** One operation run for one input item; returns one or more output items' JSON. */
export type OperationHandler = (
	this: IExecuteFunctions,
	client: DeskClient,
	itemIndex: number,
) => Promise<IDataObject | IDataObject[]>;

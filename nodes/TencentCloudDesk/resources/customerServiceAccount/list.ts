/** Customer Service Account → List (`get_im_agent_list`): the Chat accounts customers talk to. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../descriptions/requestOptions';
import type { DeskClient } from '../../transport/deskClient';

export const listAccountsDescription: INodeProperties[] = [optionsCollection('customerServiceAccount', 'list')];

export async function listAccounts(
	this: IExecuteFunctions,
	client: DeskClient,
	itemIndex: number,
): Promise<IDataObject[]> {
	const answer = await client.desk('get_im_agent_list', {}, { itemIndex });
	return (answer.Data as IDataObject[] | undefined) ?? [];
}

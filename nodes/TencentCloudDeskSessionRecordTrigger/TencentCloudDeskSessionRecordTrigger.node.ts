import type { IDataObject, INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { mapWithConcurrency } from '../shared/mapWithConcurrency';
import { fetchSessionMessages, fetchSessionRecords } from '../shared/sessionRecords';
import { createDeskClient, type DeskClient } from '../shared/transport/deskClient';
import { advance, initialState, rangeToRead, readState } from './catchUpCursor';
import { byEndTime, recordItem } from './recordItem';
import { readTriggerSettings, triggerProperties, type TriggerSettings } from './triggerSettings';

/** Where the cursor lives in the node's static data. */
const STATE_KEY = 'catchUp';
/** "Fetch Test Event": the newest records of the last day, else of the last week. */
const TEST_LOOK_BACKS = [86_400, 7 * 86_400];
const TEST_RECORDS = 10;
/** A session Desk no longer knows has no messages to add; the record itself is still worth emitting. */
const SESSION_GONE = 141005;

export class TencentCloudDeskSessionRecordTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Tencent Cloud Desk Session Record Trigger',
		name: 'tencentCloudDeskSessionRecordTrigger',
		icon: { light: 'file:../TencentCloudDesk/tencentCloudDesk.svg', dark: 'file:../TencentCloudDesk/tencentCloudDesk.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["includeMessages"] ? "Ended sessions with messages" : "Ended sessions"}}',
		description: 'Starts the workflow once for every Tencent Cloud Desk session that ended, including those that ended while n8n was down',
		defaults: { name: 'Tencent Cloud Desk Session Record Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'tencentCloudDeskApi', required: true }],
		properties: triggerProperties,
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const now = Math.floor(Date.now() / 1000);
		const settings = readTriggerSettings(this, now);
		const client = createDeskClient(this, settings);
		if (this.getMode() === 'manual') return [toExecutionData(await testRecords(client, settings, now))];

		const staticData = this.getWorkflowStaticData('node');
		const state = readState(staticData[STATE_KEY], settings.origin) ?? initialState(settings.origin, settings.from);
		const range = rangeToRead(state, now, settings.lookBackSeconds);
		const records = range ? await fetchSessionRecords(client, range) : [];
		const { fresh, next } = advance(state, records, now, settings.lookBackSeconds);
		// Build every item before the state moves on: a failure here leaves the cursor where it was, so the
		// next poll reads the same records again instead of losing them.
		const items = await withMessages(client, settings, [...fresh].sort(byEndTime));
		staticData[STATE_KEY] = next as unknown as IDataObject;
		return items.length > 0 ? [toExecutionData(items)] : null;
	}
}

async function testRecords(client: DeskClient, settings: TriggerSettings, now: number): Promise<IDataObject[]> {
	for (const lookBack of TEST_LOOK_BACKS) {
		const records = await fetchSessionRecords(client, { start: now - lookBack, end: now, limit: 100 });
		if (records.length > 0) return await withMessages(client, settings, records.sort(byEndTime).slice(-TEST_RECORDS).reverse());
	}
	return [];
}

async function withMessages(client: DeskClient, settings: TriggerSettings, records: IDataObject[]): Promise<IDataObject[]> {
	if (!settings.includeMessages) return records.map(recordItem);
	return await mapWithConcurrency(records.length, settings.concurrency, async (index) => {
		const record = records[index];
		const messages = await fetchSessionMessages(client, String(record.SessionId), { acceptErrorCodes: [SESSION_GONE] });
		return { ...recordItem(record), messages };
	});
}

function toExecutionData(items: IDataObject[]): INodeExecutionData[] {
	return items.map((json) => ({ json }));
}

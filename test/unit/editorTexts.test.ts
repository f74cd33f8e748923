/**
 * What every node shows in the editor says what to enter and what happens: research notes about
 * Tencent's documentation ("NOT FOUND", "unconfirmed", "presumably") live in the README's
 * "What Tencent leaves undocumented", not in labels, hints or notices; Desk is a name wherever it
 * appears in prose; an agent's status reads the same in every picker.
 */
import type { INodeProperties, INodePropertyCollection, INodePropertyOptions, INodeTypeDescription } from 'n8n-workflow';

import { TencentCloudDeskApi } from '../../credentials/TencentCloudDeskApi.credentials';
import { agentStatusName } from '../../nodes/shared/agentStatuses';
import { TencentCloudDesk } from '../../nodes/TencentCloudDesk/TencentCloudDesk.node';
import { TencentCloudDeskDecisionAnswer } from '../../nodes/TencentCloudDeskDecisionAnswer/TencentCloudDeskDecisionAnswer.node';
import { TencentCloudDeskDecisionTrigger } from '../../nodes/TencentCloudDeskDecisionTrigger/TencentCloudDeskDecisionTrigger.node';
import { TencentCloudDeskSessionRecordTrigger } from '../../nodes/TencentCloudDeskSessionRecordTrigger/TencentCloudDeskSessionRecordTrigger.node';
import { TencentCloudDeskTrigger } from '../../nodes/TencentCloudDeskTrigger/TencentCloudDeskTrigger.node';

type Entry = INodeProperties | INodePropertyOptions | INodePropertyCollection;

/** Every text the editor shows for a property and what it contains, with where it is. */
function* texts(where: string, entries: readonly Entry[]): Generator<[string, string]> {
	for (const entry of entries) {
		const here = `${where} › ${'displayName' in entry ? entry.displayName : entry.name}`;
		for (const key of ['displayName', 'name', 'description', 'hint', 'placeholder', 'action'] as const) {
			const value = (entry as unknown as Record<string, unknown>)[key];
			// `name` is a label only on options; on properties it is the internal parameter name.
			if (typeof value === 'string' && !(key === 'name' && 'type' in entry)) yield [here, value];
		}
		const nested = [
			...(('options' in entry && Array.isArray(entry.options) ? entry.options : []) as Entry[]),
			...(('values' in entry && Array.isArray(entry.values) ? entry.values : []) as Entry[]),
			...(('modes' in entry && Array.isArray(entry.modes) ? entry.modes : []) as unknown as Entry[]),
		];
		yield* texts(here, nested);
	}
}

const descriptions: INodeTypeDescription[] = [
	new TencentCloudDesk().description,
	new TencentCloudDeskTrigger().description,
	new TencentCloudDeskDecisionTrigger().description,
	new TencentCloudDeskDecisionAnswer().description,
	new TencentCloudDeskSessionRecordTrigger().description,
];
const shown: Array<[string, string]> = [
	...descriptions.flatMap((description) => [
		[description.displayName, description.description] as [string, string],
		...texts(description.displayName, description.properties),
	]),
	...texts('credential', new TencentCloudDeskApi().properties),
];

const RESEARCH_NOTES = /NOT FOUND|not found in|unconfirmed|presumabl|not documented|does not document|documents no|docs do not|Tencent’s docs|Tencent's docs|the docs|sample’s|sample's|spelling/i;

it('reads every text the editor shows (the walk finds them)', () => {
	expect(shown.length).toBeGreaterThan(500);
});

it('shows no research notes about Tencent’s documentation', () => {
	expect(shown.filter(([, text]) => RESEARCH_NOTES.test(text))).toEqual([]);
});

it('writes Desk as a name in prose (identifiers like desk_http_svc aside)', () => {
	const lowerCaseDesk = shown.filter(([, text]) => /(^|[^\w./-])desk(?![\w.])/.test(text.replace(/https?:\/\/\S+/g, '')));
	expect(lowerCaseDesk).toEqual([]);
});

it('names an agent’s status the way Set Status does, in every picker', () => {
	expect(['STATUS_FREE', 'STATUS_NOT_READY', 'STATUS_REST', 'STATUS_OFFLINE'].map(agentStatusName)).toEqual(['Free', 'Not Ready', 'Rest', 'Offline']);
	expect(agentStatusName('STATUS_NEW_ONE')).toBe('STATUS_NEW_ONE');
});

it('describes the node creator’s one Tencent Cloud Desk entry (the session trigger’s description, by n8n’s rule) by what its triggers and actions do', () => {
	// n8n (useActionsGenerator's generateMergedNodesAndActions) merges a trigger named like an action node into that
	// node's entry, `app.description = trigger.description`.
	const trigger = new TencentCloudDeskTrigger().description;
	expect(trigger.name.replace('Trigger', '')).toBe(new TencentCloudDesk().description.name);
	expect(trigger.description).toMatch(/session events/);
	expect(trigger.description).toMatch(/messages, agents, skill groups/);
});

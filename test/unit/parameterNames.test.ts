/**
 * Names that become permanent at the first publish (saved workflows store them): one convention each,
 * n8n's where it has one.
 */
import { existsSync } from 'fs';
import { join } from 'path';
import type { INodePropertyOptions } from 'n8n-workflow';

import { REPO_ROOT } from '../../dev/paths';
import { TencentCloudDesk } from '../../nodes/TencentCloudDesk/TencentCloudDesk.node';

const properties = new TencentCloudDesk().description.properties;
const resources = (properties.find((property) => property.name === 'resource')?.options as INodePropertyOptions[]).map((option) =>
	String(option.value),
);
const operations = properties
	.filter((property) => property.name === 'operation')
	.flatMap((property) =>
		((property.displayOptions?.show?.resource as string[] | undefined) ?? []).flatMap((resource) =>
			(property.options as INodePropertyOptions[]).map((option) => ({ resource, ...option })),
		),
	);

it('every Get Many is n8n’s getAll, “Get Many”, “Get many …”', () => {
	const getMany = operations.filter((option) => option.name === 'Get Many' || option.value === 'getAll' || /list|getMany/.test(String(option.value)));
	expect(getMany.map((option) => option.resource).sort()).toEqual(
		['agent', 'chatbotFaq', 'chatbotSmallTalk', 'conversationSetting', 'customerServiceAccount', 'quickReply', 'role', 'sessionRecord', 'skillGroup'],
	);
	for (const option of getMany) {
		expect(option).toMatchObject({ value: 'getAll', name: 'Get Many', action: expect.stringMatching(/^Get many /) });
	}
});

it('each resource value is singular and names its folder', () => {
	for (const resource of resources) {
		expect(resource).not.toMatch(/[^s]s$/);
		expect(existsSync(join(REPO_ROOT, 'nodes/TencentCloudDesk/resources', resource, 'index.ts'))).toBe(true);
	}
});

it('every parameter name is camelCase (Tencent’s names appear only in request bodies)', () => {
	type Named = { name: string; options?: unknown[]; values?: unknown[] };
	// Collections hold properties, fixed collections named groups of them; option lists (name/value pairs) are skipped.
	const children = (entry: Named): Named[] =>
		[...(entry.options ?? []), ...(entry.values ?? [])].filter(
			(child): child is Named => typeof child === 'object' && child !== null && ('type' in child || 'values' in child),
		);
	const names = (list: readonly Named[], path: string): string[] =>
		list.flatMap((entry) => [`${path}${entry.name}`, ...names(children(entry), `${path}${entry.name}.`)]);
	// The callback answer moves into a node of its own, which brings its own names.
	const actionNodeProperties = properties.filter((property) => !property.displayOptions?.show?.resource?.includes('callbackAnswer'));
	const all = names(actionNodeProperties as Named[], '');
	expect(all).toEqual(
		expect.arrayContaining(['additionalFields.nickName', 'updateFields.welcomeMessageDisabled', 'options.returnNotFoundAsData', 'members.member.userId']),
	);
	expect(all.filter((name) => !/^[a-z][a-zA-Z0-9]*$/.test(name.split('.').at(-1) ?? ''))).toEqual([]);
});

/**
 * What an AI Agent reads about each operation when the node is one of its tools (`usableAsTool`). Left on n8n's
 * automatic description, n8n sends the model "<the operation's action> in Tencent Cloud Desk" and nothing else
 * (NodeHelpers.getToolDescriptionForNode, the same function n8n runs), so each action must say on its own what
 * the tool does and tell the operations apart.
 */
import { NodeHelpers, type INode, type INodePropertyOptions } from 'n8n-workflow';

import { TencentCloudDesk } from '../../nodes/TencentCloudDesk/TencentCloudDesk.node';

const node = new TencentCloudDesk();
const properties = node.description.properties;

const operations = properties
	.filter((property) => property.name === 'operation')
	.flatMap((property) =>
		((property.displayOptions?.show?.resource as string[] | undefined) ?? []).flatMap((resource) =>
			(property.options as INodePropertyOptions[]).map((option) => ({ resource, operation: String(option.value), action: option.action })),
		),
	);

function autoDescription(resource: string, operation: string): string {
	const tool = { name: 'Desk Tool', parameters: { resource, operation, descriptionType: 'auto' } } as unknown as INode;
	return NodeHelpers.getToolDescriptionForNode(tool, node);
}

it('covers every resource', () => {
	const resources = (properties.find((property) => property.name === 'resource')?.options as INodePropertyOptions[]).map((option) => option.value);
	expect(new Set(operations.map((entry) => entry.resource))).toEqual(new Set(resources));
});

it.each(operations)('$resource → $operation: "<action> in Tencent Cloud Desk"', ({ resource, operation, action }) => {
	expect(action).toMatch(/^[A-Z][a-z]+ \S/); // a verb, then what it acts on
	expect(action).not.toMatch(/[.]$/);
	expect(autoDescription(resource, operation)).toBe(`${action} in Tencent Cloud Desk`);
});

it('gives every operation its own description', () => {
	const descriptions = operations.map(({ resource, operation }) => autoDescription(resource, operation));
	expect(new Set(descriptions).size).toBe(operations.length);
});

it('says what the tools an agent most needs do, without Desk jargon', () => {
	expect(autoDescription('session', 'getMessages')).toBe('Get messages of a session in Tencent Cloud Desk');
	expect(autoDescription('session', 'contactUser')).toBe('Start an agent session with a customer in Tencent Cloud Desk');
	expect(autoDescription('sessionRecord', 'getAll')).toBe('Get many records of ended sessions in Tencent Cloud Desk');
	expect(autoDescription('agent', 'restoreOnline')).toBe('Allow an agent forced offline to go online again in Tencent Cloud Desk');
});

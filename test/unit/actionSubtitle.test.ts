/** The action node's subtitle, evaluated the way n8n does: readable names, for every resource and operation. */
import { Workflow, type INodeTypes } from 'n8n-workflow';

import { TencentCloudDesk } from '../../nodes/TencentCloudDesk/TencentCloudDesk.node';

const node = new TencentCloudDesk();

function subtitleFor(parameters: Record<string, string>): unknown {
	const nodeTypes = { getByName: () => node, getByNameAndVersion: () => node, getKnownTypes: () => ({}) } as unknown as INodeTypes;
	const workflow = new Workflow({
		nodes: [{ id: '1', name: 'Desk', type: 'tencentCloudDesk', typeVersion: 1, position: [0, 0], parameters }],
		connections: {},
		active: false,
		nodeTypes,
	});
	return workflow.expression.getSimpleParameterValue(workflow.getNode('Desk')!, node.description.subtitle as string, 'internal', {});
}

it('reads "Get Many: Skill Group", not the raw values', () => {
	expect(subtitleFor({ resource: 'skillGroup', operation: 'getAll' })).toBe('Get Many: Skill Group');
	expect(subtitleFor({ resource: 'session', operation: 'sendMessage' })).toBe('Send Message: Session');
});

it('has a readable name for every operation of every resource', () => {
	const resources = node.description.properties.find((property) => property.name === 'resource')?.options ?? [];
	for (const resource of resources) {
		if (!('value' in resource)) continue;
		const operationProperty = node.description.properties.find(
			(property) => property.name === 'operation' && (property.displayOptions?.show?.resource as string[] | undefined)?.includes(String(resource.value)),
		);
		for (const operation of operationProperty?.options ?? []) {
			if (!('value' in operation)) continue;
			expect(subtitleFor({ resource: String(resource.value), operation: String(operation.value) })).toBe(`${operation.name}: ${resource.name}`);
		}
	}
});

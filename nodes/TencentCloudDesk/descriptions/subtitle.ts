/**
 * The canvas subtitle, "Get Many: Skill Group" rather than the raw values "list: skillGroup": built
 * from the node's own Resource and Operation options, so it can never disagree with them. Operation
 * values repeat across resources (create, list …), so names are looked up by resource and operation.
 */
import type { INodeProperties } from 'n8n-workflow';

export function readableSubtitle(properties: readonly INodeProperties[]): string {
	const resources: Record<string, string> = {};
	const operations: Record<string, string> = {};
	for (const property of properties) {
		if (property.name === 'resource') {
			for (const option of property.options ?? []) if ('value' in option) resources[String(option.value)] = option.name;
		}
		if (property.name === 'operation') {
			for (const resource of (property.displayOptions?.show?.resource as string[] | undefined) ?? []) {
				for (const option of property.options ?? []) if ('value' in option) operations[`${resource}.${String(option.value)}`] = option.name;
			}
		}
	}
	return `={{ (${JSON.stringify(operations)})[$parameter["resource"] + "." + $parameter["operation"]] + ": " + (${JSON.stringify(resources)})[$parameter["resource"]] }}`;
}

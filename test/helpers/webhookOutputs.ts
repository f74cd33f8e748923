/**
 * The trigger's outputs as n8n computes them: a real `Workflow` (n8n-workflow) holding one node
 * of this type, whose constructor fills in parameter defaults from the description like n8n does
 * on load, then `NodeHelpers.getNodeOutputs`, the function the editor and the backend call.
 *
 * Which expression engine runs: n8n-workflow 2.41 starts with `Expression.expressionEngine =
 * 'legacy'` (the Tournament evaluator, plain `new Function` in this process). n8n's backend
 * defaults to `N8N_EXPRESSION_ENGINE=vm` (isolated-vm), but only after it calls
 * `Expression.initExpressionEngine()` at start-up; the editor's default engine is 'legacy'.
 * isolated-vm 7 has no prebuilt binary for Node 20 here, so these helpers use 'legacy' unless a
 * caller initialized another engine. (`outputs.test.ts` also runs the 'quickjs' engine, which
 * evaluates inside the same sandboxed runtime bundle as 'vm', in a child process: its
 * initializer uses a dynamic `import()` that jest cannot run without --experimental-vm-modules.)
 */
import {
	NodeHelpers,
	Workflow,
	type IDataObject,
	type INode,
	type INodeOutputConfiguration,
	type INodeType,
	type INodeTypeDescription,
	type INodeTypes,
	type NodeConnectionType,
} from 'n8n-workflow';

import { TRIGGER_TYPE, trigger } from './webhookContext';

export function nodeTypesFor(nodeType: INodeType): INodeTypes {
	return {
		getByName: (name: string) => {
			if (name !== TRIGGER_TYPE) throw new Error(`Unknown node type ${name}`);
			return nodeType;
		},
		getByNameAndVersion: (name: string) => {
			if (name !== TRIGGER_TYPE) throw new Error(`Unknown node type ${name}`);
			return nodeType;
		},
		getKnownTypes: () => ({}),
	};
}

export interface EvaluatedOutputs {
	outputs: Array<NodeConnectionType | INodeOutputConfiguration>;
	/** The node's parameters after n8n filled in the defaults. */
	parameters: IDataObject;
	/** Anything n8n logged while computing them (it swallows evaluation errors with a warning). */
	warnings: string[];
}

/** Builds a workflow with one trigger node holding `parameters` and asks n8n for its outputs. */
export function evaluateNodeOutputs(
	parameters: IDataObject,
	description: INodeTypeDescription = trigger.description,
): EvaluatedOutputs {
	const nodeType: INodeType = { description, webhook: trigger.webhook };
	const node: INode = {
		id: 'outputs-node',
		name: 'Desk Trigger',
		type: TRIGGER_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: parameters as INode['parameters'],
	};
	const workflow = new Workflow({
		id: 'outputs-workflow',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: nodeTypesFor(nodeType),
	});
	const warnings: string[] = [];
	const original = console.warn;
	console.warn = (...args: unknown[]) => {
		warnings.push(args.map(String).join(' '));
	};
	try {
		const stored = workflow.getNode(node.name);
		if (!stored) throw new Error('workflow lost the node');
		const outputs = NodeHelpers.getNodeOutputs(workflow, stored, description);
		return { outputs, parameters: stored.parameters as IDataObject, warnings };
	} finally {
		console.warn = original;
	}
}

/** Output display names in order (throws on a bare connection-type string: ours are objects). */
export function outputNames(outputs: EvaluatedOutputs['outputs']): Array<string | undefined> {
	return outputs.map((output) => {
		if (typeof output === 'string') throw new Error(`bare output type ${output}`);
		return output.displayName;
	});
}

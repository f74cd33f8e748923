import type { IExecuteFunctions, INodeExecutionData, INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { getAgents } from '../shared/pickers/loadOptions';
import { searchSkillGroups } from '../shared/pickers/listSearch';
import { ANSWER_KINDS, answerKind } from './answers';
import { sendAnswer } from './sendAnswer';
import { upstreamTriggerFor } from './upstreamTrigger';

const ANSWER_NAMES = Object.fromEntries(ANSWER_KINDS.map(({ value, name }) => [value, name]));

const properties: INodeProperties[] = [
	{
		displayName:
			'Answers the Tencent Cloud Desk Decision Trigger that started this workflow (its Answer set to “From the Workflow”). The first item answers; all items pass through unchanged.',
		name: 'answerNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Answer',
		name: 'answer',
		type: 'options',
		noDataExpression: true,
		options: ANSWER_KINDS.map(({ name, value, action, description }) => ({ name, value, action, description })),
		default: 'routeToAgents',
	},
	...ANSWER_KINDS.flatMap((kind) => kind.properties),
];

export class TencentCloudDeskDecisionAnswer implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Tencent Cloud Desk Decision Answer',
		name: 'tencentCloudDeskDecisionAnswer',
		icon: { light: 'file:../TencentCloudDesk/tencentCloudDesk.svg', dark: 'file:../TencentCloudDesk/tencentCloudDesk.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: `={{ ${JSON.stringify(ANSWER_NAMES)}[$parameter["answer"]] }}`,
		description:
			'Gives Tencent Cloud Desk the workflow’s decision: the agents who take a customer, a chatbot API call’s variables, or whether an agent may contact a customer',
		defaults: { name: 'Answer Desk' },
		// Not a tool: it answers the callback that started the run, which an AI Agent's call never is.
		// Spelled out (undefined) because n8n's scanner requires the property on every action node.
		usableAsTool: undefined,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		// Answering never calls Desk: the credential only fills the skill-group and agent lists.
		credentials: [{ name: 'tencentCloudDeskApi', required: false }],
		properties,
	};

	methods = {
		listSearch: { searchSkillGroups },
		loadOptions: { getAgents },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const value = this.getNodeParameter('answer', 0) as string;
		const answer = answerKind(value);
		if (!answer) throw new NodeOperationError(this.getNode(), `The answer “${value}” is not one this node knows`);
		const triggerName = upstreamTriggerFor(this, answer, ANSWER_KINDS);
		sendAnswer(this, triggerName, () => answer.build(this));
		return [items];
	}
}

import type { INodeProperties } from 'n8n-workflow';

import type { OperationHandler } from '../types';
import { answerContactRequest, answerContactRequestDescription } from './answerContactRequest';
import { leaveRoutingToDesk, leaveRoutingToDeskDescription } from './leaveRoutingToDesk';
import { routeToAgents, routeToAgentsDescription } from './routeToAgents';
import { setChatbotVariables, setChatbotVariablesDescription } from './setChatbotVariables';

export const callbackAnswerOperations: Record<string, OperationHandler> = {
	routeToAgents,
	leaveRoutingToDesk,
	setChatbotVariables,
	answerContactRequest,
};

export const callbackAnswerDescription: INodeProperties[] = [
	{
		displayName:
			'Answers the callback that started this workflow: put this step after a Tencent Cloud Desk Decision Trigger whose Answer is “From the Workflow”. The first item answers; items pass through unchanged.',
		name: 'callbackAnswerNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { resource: ['callbackAnswer'] } },
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['callbackAnswer'] } },
		options: [
			{
				name: 'Allow or Refuse Contact',
				value: 'answerContactRequest',
				action: 'Allow or refuse an agent contacting a customer',
				description: 'Answer Desk.CallbackBeforeIMContactUser: may the agent contact the customer?',
			},
			{
				name: 'Leave Routing to Desk',
				value: 'leaveRoutingToDesk',
				action: 'Leave the routing of a customer to desk',
				description: 'Answer ChatBot.OnAssignHuman with “failed”, so Desk routes the customer itself',
			},
			{
				name: 'Route to Agents',
				value: 'routeToAgents',
				action: 'Route a customer to a skill group or agents',
				description: 'Answer ChatBot.OnAssignHuman with the skill group and/or agents who take the customer',
			},
			{
				name: 'Set Chatbot Variables',
				value: 'setChatbotVariables',
				action: 'Answer a chatbot API call with variables',
				description: 'Answer Chatbot.InterfaceInvocation; the variables are written into the session for the task flow',
			},
		],
		default: 'routeToAgents',
	},
	...routeToAgentsDescription,
	...leaveRoutingToDeskDescription,
	...setChatbotVariablesDescription,
	...answerContactRequestDescription,
];

import type { INodeProperties } from 'n8n-workflow';

import type { OperationHandler } from '../types';
import { end, endDescription } from './end';
import { endQueuing, endQueuingDescription } from './endQueuing';
import { getMessages, getMessagesDescription } from './getMessages';
import { getState, getStateDescription } from './getState';
import { sendMessage, sendMessageDescription } from './sendMessage';
import { transfer, transferDescription } from './transfer';

export const sessionOperations: Record<string, OperationHandler> = {
	getState,
	getMessages,
	sendMessage,
	transfer,
	end,
	endQueuing,
};

export const sessionDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['session'] } },
		options: [
			{
				name: 'End',
				value: 'end',
				action: 'End a session',
				description: 'End a live customer-service session, whether the chatbot, the queue or an agent has it',
			},
			{
				name: 'End Queuing',
				value: 'endQueuing',
				action: 'End queuing for a session',
				description: 'Take a customer who is waiting for an agent out of the queue (only for queuing sessions)',
			},
			{
				name: 'Get Messages',
				value: 'getMessages',
				action: 'Get messages of a session',
				description: 'Get the conversation of a session (customer, chatbot and agent messages), one item per message',
			},
			{
				name: 'Get State',
				value: 'getState',
				action: 'Get the state of a session',
				description:
					'Get whether a customer-service session is with the chatbot, queuing, waiting for or with an agent, and which agent',
			},
			{
				name: 'Send Message',
				value: 'sendMessage',
				action: 'Send a message in a session',
				description: 'Send the customer a text or card message in their session, e.g. the expected wait',
			},
			{
				name: 'Transfer',
				value: 'transfer',
				action: 'Transfer a session',
				description: 'Hand a session to another skill group or agent, or to any free agent',
			},
		],
		default: 'getState',
	},
	...getStateDescription,
	...getMessagesDescription,
	...sendMessageDescription,
	...transferDescription,
	...endDescription,
	...endQueuingDescription,
];

import type { INodeProperties } from 'n8n-workflow';

import type { OperationHandler } from '../types';
import { contactUser, contactUserDescription } from './contactUser';
import { end, endDescription } from './end';
import { endQueuing, endQueuingDescription } from './endQueuing';
import { getMessages, getMessagesDescription } from './getMessages';
import { getState, getStateDescription } from './getState';
import { sendMessage, sendMessageDescription } from './sendMessage';
import { sendStreamMessage, sendStreamMessageDescription } from './sendStreamMessage';
import { transfer, transferDescription } from './transfer';
import { transferToHuman, transferToHumanDescription } from './transferToHuman';

export const sessionOperations: Record<string, OperationHandler> = {
	getState,
	getMessages,
	sendMessage,
	transfer,
	end,
	endQueuing,
	transferToHuman,
	contactUser,
	sendStreamMessage,
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
				name: 'Contact User',
				value: 'contactUser',
				action: 'Start an agent session with a customer',
				description:
					'Have an agent proactively start a human session with a customer as a customer service account (apps integrated as Application/Client); returns the new SessionId and the agent',
			},
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
				name: 'Send Stream Message',
				value: 'sendStreamMessage',
				action: 'Send a chunk of a streaming chatbot message',
				description:
					'Send one chunk of a chatbot message that appears piece by piece (e.g. an LLM answer as it is generated); pass the returned MsgKey with every later chunk and mark the last one',
			},
			{
				name: 'Transfer',
				value: 'transfer',
				action: 'Transfer a session to a skill group or agent',
				description: 'Hand a session to another skill group or agent, or to any free agent',
			},
			{
				name: 'Transfer to Human',
				value: 'transferToHuman',
				action: 'Transfer a session from the chatbot to a human',
				description:
					'Move a customer who is talking to the chatbot to a live agent (optionally of a skill group or preferred agents); if none is free they queue',
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
	...transferToHumanDescription,
	...contactUserDescription,
	...sendStreamMessageDescription,
];

import type { INodeProperties } from 'n8n-workflow';

import type { OperationHandler } from '../types';
import { getSetting, getSettingDescription } from './get';
import { getManySettings, getManySettingsDescription } from './getAll';
import { updateSetting, updateSettingDescription } from './update';

export const conversationSettingOperations: Record<string, OperationHandler> = {
	get: getSetting,
	getAll: getManySettings,
	update: updateSetting,
};

export const conversationSettingDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['conversationSetting'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get a conversation setting',
				description:
					'Get one per-channel conversation setting: its name and, per language, the welcome message, transfer, queue and end prompts, timeouts and work time',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many conversation settings',
				description: 'Get the per-channel conversation settings, one item per setting',
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a conversation setting',
				description:
					'Change the name or some prompts, switches, timeouts or work time of a conversation setting for one language; fields not given stay as they are',
			},
		],
		default: 'get',
	},
	...getSettingDescription,
	...getManySettingsDescription,
	...updateSettingDescription,
];

import type { INodeProperties } from 'n8n-workflow';

import type { OperationHandler } from '../types';
import { listSkillGroups, listSkillGroupsDescription } from './list';

export const skillGroupOperations: Record<string, OperationHandler> = {
	list: listSkillGroups,
};

export const skillGroupDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['skillGroup'] } },
		options: [
			{
				name: 'List',
				value: 'list',
				action: 'List skill groups',
				description: 'List the skill groups (ID, name, reception limit, member count), one item per group',
			},
		],
		default: 'list',
	},
	...listSkillGroupsDescription,
];

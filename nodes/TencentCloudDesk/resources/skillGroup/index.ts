import type { INodeProperties } from 'n8n-workflow';

import type { OperationHandler } from '../types';
import { createSkillGroup, createSkillGroupDescription } from './create';
import { deleteSkillGroup, deleteSkillGroupDescription } from './delete';
import { getMembers, getMembersDescription } from './getMembers';
import { listSkillGroups, listSkillGroupsDescription } from './getAll';
import { updateSkillGroup, updateSkillGroupDescription } from './update';

export const skillGroupOperations: Record<string, OperationHandler> = {
	create: createSkillGroup,
	delete: deleteSkillGroup,
	getMembers,
	getAll: listSkillGroups,
	update: updateSkillGroup,
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
				name: 'Create',
				value: 'create',
				action: 'Create a skill group',
				description: 'Create a skill group with a name, optional reception limit and agents; returns its MemberGroupID',
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a skill group',
				description:
					'Permanently delete a skill group (its name, reception limit and member list); the agents keep their accounts',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many skill groups',
				description: 'List the skill groups (ID, name, reception limit, member count), one item per group',
			},
			{
				name: 'Get Members',
				value: 'getMembers',
				action: 'Get members of a skill group',
				description:
					'List the agents of one skill group (email, nickname, roles, skill groups, reception limits), one item per agent',
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a skill group',
				description:
					'Rename a skill group, change its reception limit, or replace its agents; only the fields given change',
			},
		],
		default: 'getAll',
	},
	...createSkillGroupDescription,
	...listSkillGroupsDescription,
	...getMembersDescription,
	...updateSkillGroupDescription,
	...deleteSkillGroupDescription,
];

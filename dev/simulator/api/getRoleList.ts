/**
 * `v4/desk_http_svc/get_role_list`. Its request and answer fields are NOT FOUND in the reference:
 * the simulator accepts any body and answers the built-in roles create_members documents
 * (1, 5, 7) under field names of its own choosing (RoleList[{RoleID, RoleName}]).
 */
import type { CommandHandler } from '../commandRegistry';
import { SEED_ROLES } from '../seedData';

export const getRoleList: CommandHandler = {
	service: 'desk_http_svc',
	command: 'get_role_list',
	requiresDesk: true,
	handle() {
		return { RoleList: SEED_ROLES.map((role) => ({ RoleID: role.roleId, RoleName: role.name })) };
	},
};

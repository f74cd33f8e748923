/**
 * `v4/im_open_login_svc/account_check`: whether accounts were imported. The credential test
 * uses it as a cheap admin call. Known here: the app's admins, its customer-service account and
 * every client user a session has seen.
 */
import type { CommandHandler } from '../commandRegistry';
import { isAppAdmin } from '../apps';
import { DeskApiError } from '../restResponse';

const MAX_ITEMS = 100;
// Tencent's "invalid parameter" code for account_check (not in the Desk table).
const INVALID_PARAMETER = 70402;

export const accountCheck: CommandHandler = {
	service: 'im_open_login_svc',
	command: 'account_check',
	requiresDesk: false,
	handle({ app, body, sessions }) {
		const items = body.CheckItem;
		if (!Array.isArray(items) || items.length === 0 || items.length > MAX_ITEMS) {
			throw new DeskApiError(INVALID_PARAMETER, `CheckItem must be an array of 1 to ${MAX_ITEMS} items`);
		}
		const userIds = items.map((item: unknown, index) => {
			const userId = (item as { UserID?: unknown } | null)?.UserID;
			if (typeof userId !== 'string' || userId === '') {
				throw new DeskApiError(INVALID_PARAMETER, `CheckItem[${index}].UserID must be a non-empty string`);
			}
			return userId;
		});
		return {
			ResultItem: userIds.map((userId) => ({
				UserID: userId,
				ResultCode: 0,
				ResultInfo: '',
				AccountStatus:
					isAppAdmin(app, userId) || userId === app.customerServiceId || sessions.hasClientUser(app.sdkAppId, userId)
						? 'Imported'
						: 'NotImported',
			})),
		};
	},
};

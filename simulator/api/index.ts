/** Every REST command the simulator answers. Add a handler file and list it here. */
import type { CommandHandler } from '../commandRegistry';
import { accountCheck } from './accountCheck';
import { getSessionState } from './getSessionState';

export const COMMANDS: readonly CommandHandler[] = [getSessionState, accountCheck];

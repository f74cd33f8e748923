/**
 * The action node's Quick Reply operations (Create Category, Update, Get Many) and the category picker,
 * through execute() against the simulator over real HTTP.
 */
import type { ILoadOptionsFunctions } from 'n8n-workflow';

import { searchQuickReplyGroups } from '../../nodes/TencentCloudDesk/methods/customerServiceListSearch';
import { simulatorCredentials } from '../../dev/simulator/n8nCredential';
import { SEED_QUICK_REPLY_GROUPS } from '../../dev/simulator/serviceSeedData';
import { byEmail, byId, useDeskOperations } from '../helpers/deskOperations';
import { createExecuteContext, type Parameters } from '../helpers/executeContext';

jest.setTimeout(60_000);

const desk = useDeskOperations();
const { run, runExpectingError } = desk;

const quickReply = (operation: string, parameters: Parameters = {}): Parameters => ({ resource: 'quickReply', operation, options: {}, ...parameters });
const repliesOf = async (email: string, parameters: Parameters = {}) =>
	(await run(quickReply('getAll', { agent: byEmail(email), returnAll: true, ...parameters }))).output.map((item) => item.json);

describe('Quick Reply', () => {
	it('gets the replies an agent can use, one item per reply with its category name, and limits them', async () => {
		const replies = await repliesOf('alice@example.com');
		expect(replies.map((reply) => reply.QuickReplyId)).toEqual(['3954', '3955', '3956', '3958']);
		expect(replies[0]).toEqual({ QuickReplyId: '3954', GroupId: '2205', GroupName: 'Pre-sales scripts', Title: 'Which model', Content: expect.any(String) });
		expect(await repliesOf('alice@example.com', { returnAll: false, limit: 1 })).toHaveLength(1);
	});

	it('creates a category for skill groups; its ID is a string and its members see it', async () => {
		const { output } = await run(quickReply('createGroup', { groupName: 'Night scripts', useScopeType: 'groups', skillGroupIds: '3' }));
		expect(output[0].json).toMatchObject({ GroupName: 'Night scripts', UseScopeType: 'groups', UseScopeList: ['3'], created: true });
		expect(typeof output[0].json.GroupId).toBe('string');
		const { output: forAgents } = await run(quickReply('createGroup', { groupName: 'For Ivan', useScopeType: 'members', agentEmails: 'ivan@example.com' }));
		const context = createExecuteContext({ parameters: {}, credentials: simulatorCredentials(desk.simulator) });
		const groups = (await searchQuickReplyGroups.call(context as unknown as ILoadOptionsFunctions)).results.map((result) => result.value);
		expect(groups).toEqual(expect.arrayContaining([...SEED_QUICK_REPLY_GROUPS.map((group) => group.groupId), output[0].json.GroupId, forAgents[0].json.GroupId]));
		expect(new Set(groups).size).toBe(groups.length);
	});

	it('refuses a taken category name with 141004, and non-numeric skill groups before calling Tencent', async () => {
		const { error } = await runExpectingError(quickReply('createGroup', { groupName: SEED_QUICK_REPLY_GROUPS[0].name, useScopeType: 'all' }));
		expect(error.message).toBe('Tencent Cloud Desk error 141004: Invalid parameter');
		expect(error.description).toContain('already exists');
		const bad = await runExpectingError(quickReply('createGroup', { groupName: 'X', useScopeType: 'groups', skillGroupIds: 'pre-sales' }));
		expect(bad.error.message).toBe('Skill Groups: “pre-sales” is not an ID');
		expect(bad.context.requests).toHaveLength(0);
	});

	it('updates a reply and moves it to another category, sending the IDs as strings', async () => {
		const { output, context } = await run(quickReply('update', { quickReplyId: '3954', group: byId('2206'), title: 'Model', content: 'Which model?' }));
		expect(output[0].json).toEqual({ QuickReplyId: '3954', GroupId: '2206', Title: 'Model', Content: 'Which model?', updated: true });
		expect(context.requests[0].body).toEqual({ QuickReplyId: '3954', GroupId: '2206', Title: 'Model', Content: 'Which model?' });
		expect((await repliesOf('alice@example.com')).find((reply) => reply.QuickReplyId === '3954')).toMatchObject({ GroupName: 'Greetings', Title: 'Model' });
	});

	it('names 141004 for an unknown quick reply', async () => {
		const { error } = await runExpectingError(quickReply('update', { quickReplyId: '9999', group: byId('2205'), title: 'a', content: 'b' }));
		expect(error.message).toBe('Tencent Cloud Desk error 141004: Invalid parameter');
		expect(error.description).toContain('QuickReplyId 9999 does not exist');
	});
});

/**
 * The action node's Session → Transfer, through execute() against the simulator over real HTTP: to a
 * skill group, a named agent or Desk's default strategy; each documented error; "no free agent" as data.
 */
import { SEED_SESSION_IDS } from '../../dev/simulator';
import { EMPTY_SKILL_GROUP_ID, FALLBACK_SKILL_GROUP_ID, NO_FREE_AGENT_SKILL_GROUP_ID, SEED_AGENTS } from '../../dev/simulator/seedData';
import { byEmail, byId, session, useDeskOperations } from '../helpers/deskOperations';

jest.setTimeout(60_000);

const { run, runExpectingError, stateOf } = useDeskOperations();

describe('Session → Transfer', () => {
	const freeIn = (groupId: number) =>
		SEED_AGENTS.filter((agent) => agent.status === 'STATUS_FREE' && agent.skillGroupIds.includes(groupId)).map(
			(agent) => agent.email,
		);

	it('hands a queuing session to a free agent of the fallback skill group', async () => {
		const { output, context } = await run(
			session('transfer', {
				sessionId: SEED_SESSION_IDS.queuing,
				transferTo: 'skillGroup',
				skillGroup: byId(FALLBACK_SKILL_GROUP_ID),
			}),
		);
		expect(output[0].json).toMatchObject({ transferred: true, GroupId: FALLBACK_SKILL_GROUP_ID, MemberId: null });
		expect(context.requests[0].body).toEqual({ SessionId: SEED_SESSION_IDS.queuing, GroupId: FALLBACK_SKILL_GROUP_ID });
		const state = await stateOf(SEED_SESSION_IDS.queuing);
		expect(state.CurrentState).toBe('Agent');
		expect(freeIn(FALLBACK_SKILL_GROUP_ID)).toContain(state.AgentId);
	});

	it('hands a session to a named agent, and Desk’s default strategy picks any free agent', async () => {
		const toAgent = await run(
			session('transfer', { sessionId: SEED_SESSION_IDS.agent, transferTo: 'agent', agent: byEmail('grace@example.com') }),
		);
		expect(toAgent.output[0].json).toMatchObject({ transferred: true, MemberId: 'grace@example.com' });
		expect((await stateOf(SEED_SESSION_IDS.agent)).AgentId).toBe('grace@example.com');

		const anyAgent = await run(session('transfer', { sessionId: SEED_SESSION_IDS.chatbot, transferTo: 'default' }));
		expect(anyAgent.context.requests[0].body).toEqual({ SessionId: SEED_SESSION_IDS.chatbot });
		expect((await stateOf(SEED_SESSION_IDS.chatbot)).CurrentState).toBe('Agent');
	});

	it.each([
		['an unknown skill group', { transferTo: 'skillGroup', skillGroup: byId(999) }, 141020],
		['a group with no free agent', { transferTo: 'skillGroup', skillGroup: byId(NO_FREE_AGENT_SKILL_GROUP_ID) }, 141025],
		['an unknown agent', { transferTo: 'agent', agent: byEmail('nobody@example.com') }, 141010],
		['an agent who is not free', { transferTo: 'agent', agent: byEmail('carol@example.com') }, 141001],
	])('names the code, meaning and fix for %s', async (_label, target, code) => {
		const { error } = await runExpectingError(session('transfer', { sessionId: SEED_SESSION_IDS.queuing, ...target }));
		expect(error.message).toMatch(new RegExp(`^Tencent Cloud Desk error ${code}: `));
		expect(error.description).toBeTruthy();
	});

	it('refuses a transfer to the agent who already has the session (141024)', async () => {
		const agentId = String((await stateOf(SEED_SESSION_IDS.agent)).AgentId);
		const { error } = await runExpectingError(
			session('transfer', { sessionId: SEED_SESSION_IDS.agent, transferTo: 'agent', agent: byEmail(agentId) }),
		);
		expect(error.message).toContain('141024');
	});

	it('refuses a session that is not in a transferable state (141026)', async () => {
		const { error } = await runExpectingError(
			session('transfer', { sessionId: SEED_SESSION_IDS.notInSession, transferTo: 'default' }),
		);
		expect(error.message).toContain('141026');
	});

	it('returns “no free agent” as data when asked, so a workflow can try another group', async () => {
		const { output } = await run(
			session('transfer', {
				sessionId: SEED_SESSION_IDS.queuing,
				transferTo: 'skillGroup',
				skillGroup: byId(EMPTY_SKILL_GROUP_ID),
				options: { returnNoFreeAgentAsData: true },
			}),
		);
		expect(output[0].json).toMatchObject({ transferred: false, errorCode: 141025, GroupId: EMPTY_SKILL_GROUP_ID });
		expect(output[0].json.errorMeaning).toBe('No agent in the target skill group is free');
		expect((await stateOf(SEED_SESSION_IDS.queuing)).CurrentState).toBe('Queuing');
	});

	it('rejects a skill group that is not a number before calling Tencent', async () => {
		const { error, context } = await runExpectingError(
			session('transfer', { sessionId: SEED_SESSION_IDS.queuing, transferTo: 'skillGroup', skillGroup: byId('night') }),
		);
		expect(error.message).toContain('not a skill group ID');
		expect(context.requests).toHaveLength(0);
	});
});

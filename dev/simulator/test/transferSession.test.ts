/**
 * The simulator's transfer_session over real HTTP: to the first free agent, a skill group or a named agent,
 * from each phase, with the callbacks Desk sends (TransferToHumanSuccess, AgentForward) and the state and call
 * record it leaves; each documented error code, after which nothing changed and nothing was sent.
 */
import { EMPTY_SKILL_GROUP_ID, FALLBACK_SKILL_GROUP_ID, NO_FREE_AGENT_SKILL_GROUP_ID, SEED_SESSION_IDS } from '..';
import { expectFail, expectOk } from '../../../test/helpers/deskAnswers';
import { firstFree, useDeskActions } from './actionSetup';
import { UNKNOWN_SESSION } from './helpers';

const desk = useDeskActions();
const { call, callbacks, events, state, sessionIn } = desk;

describe('transfer_session', () => {
	async function expectAgent(sessionId: string, agentId: string | undefined): Promise<void> {
		expect(agentId).toBeDefined();
		expect(await state(sessionId)).toMatchObject({ CurrentState: 'Agent', AgentId: agentId });
	}

	it('hands a Chatbot session to the first free agent: TransferringToHuman, TransferToHumanSuccess', async () => {
		const sessionId = sessionIn('Chatbot');
		expectOk(await call('transfer_session', { SessionId: sessionId }));
		const sent = await callbacks(sessionId);
		expect(sent.map((body) => body.Event)).toEqual(['TransferringToHuman', 'TransferToHumanSuccess']);
		expect(sent[1].AgentId).toBe(firstFree());
		await expectAgent(sessionId, firstFree());
	});

	it('hands a Queuing session to a free agent of the fallback group', async () => {
		const expected = firstFree((agent) => agent.skillGroupIds.includes(FALLBACK_SKILL_GROUP_ID));
		expectOk(await call('transfer_session', { SessionId: SEED_SESSION_IDS.queuingSecond, GroupId: FALLBACK_SKILL_GROUP_ID }));
		const sent = await callbacks(SEED_SESSION_IDS.queuingSecond);
		expect(sent.map((body) => body.Event)).toEqual(['TransferToHumanSuccess']);
		expect(sent[0].AgentId).toBe(expected);
		await expectAgent(SEED_SESSION_IDS.queuingSecond, expected);
		// The call record names the group the session was transferred to.
		expectOk(await call('end_session', { SessionId: SEED_SESSION_IDS.queuingSecond }));
		const now = Math.floor(Date.now() / 1000);
		const cdr = await call('describe_im_cdr_list', { StartTimestamp: now - 60, EndTimestamp: now + 60, Limit: 100 });
		expect((cdr.IMCdrList as Array<Record<string, unknown>>).find((record) => record.SessionId === SEED_SESSION_IDS.queuingSecond)).toMatchObject({
			AgentGroupId: FALLBACK_SKILL_GROUP_ID,
			AgentId: expected,
		});
	});

	it('hands a WaitingForAgentAnswering session to a named agent with TransferToHumanSuccess', async () => {
		expectOk(await call('transfer_session', { SessionId: SEED_SESSION_IDS.waitingForAgent, MemberId: 'grace@example.com' }));
		const sent = await callbacks(SEED_SESSION_IDS.waitingForAgent);
		expect(sent.map((body) => [body.Event, body.AgentId])).toEqual([['TransferToHumanSuccess', 'grace@example.com']]);
		await expectAgent(SEED_SESSION_IDS.waitingForAgent, 'grace@example.com');
	});

	it('forwards an Agent session with AgentForward and ForwardFromAgentId', async () => {
		const sessionId = sessionIn('Agent');
		expectOk(await call('transfer_session', { SessionId: sessionId, MemberId: 'bob@example.com' }));
		const sent = await callbacks(sessionId);
		expect(sent).toHaveLength(1);
		expect(sent[0]).toMatchObject({ Event: 'AgentForward', AgentId: 'bob@example.com', ForwardFromAgentId: 'alice@example.com' });
		await expectAgent(sessionId, 'bob@example.com');
	});

	it('picks another free agent than the current one by default, and one of GroupId when given', async () => {
		const byDefault = sessionIn('Agent');
		expectOk(await call('transfer_session', { SessionId: byDefault }));
		const other = firstFree((agent) => agent.email !== 'alice@example.com');
		expect((await callbacks(byDefault))[0]).toMatchObject({ Event: 'AgentForward', AgentId: other, ForwardFromAgentId: 'alice@example.com' });
		await expectAgent(byDefault, other);

		const byGroup = sessionIn('Agent');
		expectOk(await call('transfer_session', { SessionId: byGroup, GroupId: 2 }));
		const inGroup = firstFree((agent) => agent.email !== 'alice@example.com' && agent.skillGroupIds.includes(2));
		expect((await callbacks(byGroup))[0]).toMatchObject({ Event: 'AgentForward', AgentId: inGroup });
	});

	it('accepts MemberId with a GroupId the agent belongs to', async () => {
		const sessionId = sessionIn('Queuing');
		expectOk(await call('transfer_session', { SessionId: sessionId, GroupId: 2, MemberId: 'alice@example.com' }));
		await expectAgent(sessionId, 'alice@example.com');
	});

	it.each([
		['an unknown GroupId', 'Queuing', { GroupId: 999 }, 141020, 'GroupId 999'],
		['an unknown MemberId', 'Queuing', { MemberId: 'nobody@example.com' }, 141010, 'nobody@example.com'],
		['a MemberId of a GroupId that does not exist', 'Queuing', { GroupId: 999, MemberId: 'bob@example.com' }, 141020, 'GroupId'],
		['the current agent as MemberId', 'Agent', { MemberId: 'alice@example.com' }, 141024, 'alice@example.com'],
		['the offered agent as MemberId', 'WaitingForAgentAnswering', { MemberId: 'bob@example.com' }, 141024, 'bob@example.com'],
		['a MemberId who is not free', 'Queuing', { MemberId: 'carol@example.com' }, 141001, 'STATUS_NOT_READY'],
		['a MemberId who is offline', 'Queuing', { MemberId: 'frank@example.com' }, 141001, 'STATUS_OFFLINE'],
		['a MemberId outside GroupId', 'Queuing', { GroupId: 2, MemberId: 'bob@example.com' }, 141001, 'not in GroupId 2'],
		['a GroupId without a free agent', 'Queuing', { GroupId: NO_FREE_AGENT_SKILL_GROUP_ID }, 141025, `GroupId ${NO_FREE_AGENT_SKILL_GROUP_ID}`],
		['a GroupId without members', 'Chatbot', { GroupId: EMPTY_SKILL_GROUP_ID }, 141025, `GroupId ${EMPTY_SKILL_GROUP_ID}`],
		['a session not in session yet', 'NotInSession', {}, 141026, 'NotInSession'],
		['an ended session', 'Ended', {}, 141005, undefined],
		['a non-integer GroupId', 'Queuing', { GroupId: '2' }, 141004, 'GroupId'],
		['a non-string MemberId', 'Queuing', { MemberId: 5 }, 141004, 'MemberId'],
	] as const)('answers %s with its code, changing nothing', async (_what, phase, params, code, detail) => {
		const sessionId = sessionIn(phase);
		const before = desk.sim.sessions.get(sessionId);
		expectFail(await call('transfer_session', { SessionId: sessionId, ...params }), code, detail);
		expect(desk.sim.sessions.get(sessionId)).toEqual(before);
		expect(await events(sessionId)).toEqual([]);
	});

	it('141005 for an unknown session and 141004 without SessionId', async () => {
		expectFail(await call('transfer_session', { SessionId: UNKNOWN_SESSION }), 141005);
		expectFail(await call('transfer_session', { GroupId: 1 }), 141004, 'SessionId');
	});
});

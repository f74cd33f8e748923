/**
 * The simulator's set_member_status over real HTTP, and what it changes (get_member_list, whom
 * transfer_session considers free); agent statuses per simulator instance; actions without a callback URL;
 * and the control API's reset.
 */
import { FALLBACK_SKILL_GROUP_ID, SEED_AGENTS, SEED_SESSION_IDS, startDeskSimulator, type DeskSimulator } from '..';
import { expectFail, expectOk } from '../../../test/helpers/deskAnswers';
import { useDeskActions } from './actionSetup';

const desk = useDeskActions();
const { call, state, sessionIn } = desk;

describe('set_member_status', () => {
	const member = async (email: string, target = desk.sim) => {
		const list = (await call('get_member_list', { PageSize: 100 }, target)).MemberList as Array<Record<string, unknown>>;
		return list.find((entry) => entry.MemberMail === email);
	};

	it('changes what get_member_list reports; RestReason is kept only while resting', async () => {
		expectOk(await call('set_member_status', { MemberMail: 'erin@example.com', Status: 'STATUS_REST', RestReason: 'Dentist' }));
		expect(await member('erin@example.com')).toMatchObject({ Status: 'STATUS_REST', RestReason: 'Dentist' });
		expectOk(await call('set_member_status', { MemberMail: 'erin@example.com', Status: 'STATUS_NOT_READY', RestReason: 'ignored' }));
		expect(await member('erin@example.com')).toMatchObject({ Status: 'STATUS_NOT_READY', RestReason: '' });
		expectOk(await call('set_member_status', { MemberMail: 'erin@example.com', Status: 'STATUS_FREE' }));
		expect(await member('erin@example.com')).toMatchObject({ Status: 'STATUS_FREE', RestReason: '' });
	});

	it('changes whom transfer_session considers free', async () => {
		const sessionId = sessionIn('Queuing');
		expectFail(await call('transfer_session', { SessionId: sessionId, MemberId: 'carol@example.com' }), 141001);
		expectOk(await call('set_member_status', { MemberMail: 'carol@example.com', Status: 'STATUS_FREE' }));
		expectOk(await call('transfer_session', { SessionId: sessionId, MemberId: 'carol@example.com' }));
		expect(await state(sessionId)).toMatchObject({ CurrentState: 'Agent', AgentId: 'carol@example.com' });
		expectOk(await call('set_member_status', { MemberMail: 'carol@example.com', Status: 'STATUS_NOT_READY' }));
	});

	it.each([
		[{ Status: 'STATUS_FREE' }, 'MemberMail'],
		[{ MemberMail: 3, Status: 'STATUS_FREE' }, 'MemberMail'],
		[{ MemberMail: 'bob@example.com' }, 'Status'],
		[{ MemberMail: 'bob@example.com', Status: 'STATUS_OFFLINE' }, 'Status'],
		[{ MemberMail: 'bob@example.com', Status: 'free' }, 'Status'],
		[{ MemberMail: 'bob@example.com', Status: 'STATUS_REST', RestReason: 5 }, 'RestReason'],
	])('141004 names the parameter for %j', async (body, name) => {
		expectFail(await call('set_member_status', body), 141004, name);
		expect((await member('bob@example.com'))?.Status).toBe('STATUS_FREE');
	});

	it('141010 for an unknown member', async () => {
		expectFail(await call('set_member_status', { MemberMail: 'nobody@example.com', Status: 'STATUS_FREE' }), 141010, 'nobody@example.com');
	});
});

describe('per instance, reset, and no callback URL', () => {
	let other: DeskSimulator;

	beforeEach(async () => {
		other = await startDeskSimulator({ faults: { rateLimitPerSecond: 0 } });
	});

	afterEach(async () => {
		await other.close();
	});

	it('keeps agent statuses per simulator instance', async () => {
		expectOk(await call('set_member_status', { MemberMail: 'bob@example.com', Status: 'STATUS_REST', RestReason: 'x' }, other));
		expect(other.agents.find((agent) => agent.email === 'bob@example.com')?.status).toBe('STATUS_REST');
		expect(desk.sim.agents.find((agent) => agent.email === 'bob@example.com')?.status).toBe('STATUS_FREE');
	});

	it('answers 141001 when no agent at all is free, and 141025 for a group', async () => {
		for (const agent of SEED_AGENTS.filter((candidate) => candidate.status === 'STATUS_FREE')) {
			expectOk(await call('set_member_status', { MemberMail: agent.email, Status: 'STATUS_NOT_READY' }, other));
		}
		const sessionId = sessionIn('Queuing', other);
		expectFail(await call('transfer_session', { SessionId: sessionId }, other), 141001);
		expectFail(await call('transfer_session', { SessionId: sessionId, GroupId: FALLBACK_SKILL_GROUP_ID }, other), 141025);
		expect((await state(sessionId, other)).CurrentState).toBe('Queuing');
	});

	it('changes sessions without a callback URL, and reset brings back the seed (sessions, agents)', async () => {
		expectOk(await call('end_session', { SessionId: SEED_SESSION_IDS.agent }, other));
		expectFail(await state(SEED_SESSION_IDS.agent, other), 141005);
		expectOk(await call('set_member_status', { MemberMail: 'alice@example.com', Status: 'STATUS_REST' }, other));
		const extra = other.sessions.create().sessionId;

		const response = await fetch(`${other.url}/_simulator/reset`, { method: 'POST' });
		expect(response.status).toBe(200);
		expect(await state(SEED_SESSION_IDS.agent, other)).toMatchObject({ CurrentState: 'Agent', AgentId: 'alice@example.com' });
		expect(other.agents.find((agent) => agent.email === 'alice@example.com')?.status).toBe('STATUS_FREE');
		expect(other.sessions.get(extra)).toBeUndefined();
	});
});

/**
 * The second admin server, black box over HTTP, continued: agent assignments (no user names,
 * failures inside a 200), injected per-skill write failures, the read lag after writes, and the
 * activity/summary/completed-contacts numbers agreeing with each other.
 */
import { describe, expect, it } from 'vitest';
import { boot, rows, type Json } from './admin-test-kit.js';

const ANA = 118_000;
const SOFIA = 118_259;
const day = { startDate: '2026-11-30T10:00:00.000Z', endDate: '2026-12-01T10:00:00.000Z' };
const range = new URLSearchParams(day).toString();

describe('agent assignments', () => {
  it('rows carry no userName; /agents gives it; extra nested fields on every row', async () => {
    const { call } = await boot();
    const a = rows(await call('GET', '/skills/3107/agents'), 'agentSkillAssignments');
    expect(a.map((r) => r['agentProficiencyValue'])).toEqual([1, 5, 3]); // by last name: Garcia, Haddad, Wei
    expect(a.every((r) => !('userName' in r) && typeof (r['teamInfo'] as Json)['teamId'] === 'number')).toBe(true);
    const agents = rows(await call('GET', '/agents?searchString=garcia'), 'agents');
    expect(agents.map((x) => [x['agentId'], x['userName']])).toEqual([[ANA, 'ana.garcia']]);
  });

  it('POST assigns, PUT changes (keeping what it omits), DELETE unassigns', async () => {
    const { s, call } = await boot();
    const post = await call('POST', '/skills/3107/agents', { body: { agents: [{ agentId: SOFIA, isActive: true, proficiency: 6 }] } });
    expect(post.json['resultSet']).toEqual({ errorCount: 0, agentResults: [{ agentId: SOFIA, skillId: 3107, success: true }] });
    await call('PUT', '/skills/3107/agents', { body: { agents: [{ agentId: SOFIA, proficiency: 2 }] } });
    expect(s.assignments(3107).find((a) => a.userName === 'sofia.rossi')).toMatchObject({ proficiency: 2, isActive: true });
    const del = await call('DELETE', `/skills/3107/agents/${SOFIA}`);
    expect((del.json['resultSet'] as Json)['errorCount']).toBe(0);
    expect(s.assignments(3107).map((a) => a.userName)).toEqual(['ana.garcia', 'li.wei', 'omar.haddad']);
  });

  it('bad items fail inside a 200: proficiency outside 1..20, already assigned, not assigned, unknown agent', async () => {
    const { s, call } = await boot();
    const before = s.assignments(3107);
    const post = await call('POST', '/skills/3107/agents', {
      body: { agents: [{ agentId: SOFIA, proficiency: 21 }, { agentId: ANA, proficiency: 4 }, { agentId: 1, proficiency: 4 }] },
    });
    expect(post.status).toBe(200);
    const rs = post.json['resultSet'] as Json;
    expect(rs['errorCount']).toBe(3);
    expect((rs['agentResults'] as Json[]).map((r) => r['error'])).toEqual([
      'proficiency must be an integer from 1 to 20', 'Agent is already assigned to this skill', 'Agent 1 not found',
    ]);
    const put = await call('PUT', '/skills/3107/agents', { body: { agents: [{ agentId: SOFIA, proficiency: 3 }] } });
    expect((put.json['resultSet'] as Json)['errorCount']).toBe(1);
    const del = await call('DELETE', `/skills/3107/agents/${SOFIA}`);
    expect([del.status, (del.json['resultSet'] as Json)['errorCount']]).toEqual([200, 1]);
    expect(s.assignments(3107)).toEqual(before);
  });

  it('refuses the GET spelling agentProficiencyValue in a write with 400', async () => {
    const { call } = await boot();
    const r = await call('POST', '/skills/3107/agents', { body: { agents: [{ agentId: SOFIA, agentProficiencyValue: 3 }] } });
    expect(r.status).toBe(400);
  });

  it('/skills/agents?skills=… gives several skills at once, paged with totalRecords and no _links', async () => {
    const { call } = await boot();
    const r = await call('GET', '/skills/agents?skills=3107,3101,4444&top=4');
    expect(r.json['totalRecords']).toBe(6);
    expect(r.json['_links']).toBeUndefined();
    expect(rows(r, 'agentSkillAssignments').map((x) => x['skillId'])).toEqual([3107, 3107, 3107, 3101]);
  });
});

describe('failures inside a 200 on a configured skill', () => {
  it('PUT /skills/{id} says success: false and changes nothing; the console key still writes', async () => {
    const { s, call, token } = await boot({ failSkillIds: [3107] });
    const before = s.getSkill(3107);
    const r = await call('PUT', '/skills/3107', { body: { skill: { notes: 'x' } } });
    expect([r.status, r.json['success'], typeof r.json['error']]).toEqual([200, false, 'string']);
    expect(s.getSkill(3107)).toEqual(before);
    const c = await call('PUT', '/skills/3107', { token: await token(s.consoleKey), body: { skill: { notes: 'console' } } });
    expect(c.json['success']).toBe(true);
    expect(s.writes.map((w) => w.by)).toEqual(['console']);
  });

  it('agent writes answer resultSet.errorCount 1 with agentResults[0].success false', async () => {
    const { s, call } = await boot({ failSkillIds: [3107] });
    const r = await call('POST', '/skills/3107/agents', { body: { agents: [{ agentId: SOFIA, isActive: true, proficiency: 6 }] } });
    expect(r.status).toBe(200);
    const rs = r.json['resultSet'] as Json;
    expect(rs['errorCount']).toBe(1);
    expect((rs['agentResults'] as Json[])[0]).toMatchObject({ success: false, error: expect.any(String) });
    expect(s.assignments(3107)).toHaveLength(3);
  });
});

describe('read lag (readLagMs)', () => {
  it('is off by default: a read right after a write sees it', async () => {
    const { call } = await boot();
    await call('PUT', '/skills/3200', { body: { skill: { maxSecondsACW: 77 } } });
    expect(rows(await call('GET', '/skills/3200'), 'skills')[0]?.['maxSecondsACW']).toBe(77);
  });

  it('shows what was visible before a write for 300 ms, in gets, lists and assignments', async () => {
    const { s, clock, call } = await boot({ readLagMs: 300 });
    await call('PUT', '/skills/3200', { body: { skill: { maxSecondsACW: 77 } } });
    await call('PUT', '/skills/3107/agents', { body: { agents: [{ agentId: ANA, proficiency: 9 }] } });
    const acw = async (): Promise<unknown> => rows(await call('GET', '/skills/3200'), 'skills')[0]?.['maxSecondsACW'];
    const listed = async (): Promise<unknown> => rows(await call('GET', '/skills?searchString=SMS'), 'skills')[0]?.['maxSecondsACW'];
    const ana = async (): Promise<unknown> => rows(await call('GET', '/skills/3107/agents'), 'agentSkillAssignments')[0]?.['agentProficiencyValue'];
    expect(s.getSkill(3200)?.['maxSecondsACW']).toBe(77);
    clock.t += 299;
    expect([await acw(), await listed(), await ana()]).toEqual([30, 30, 1]);
    clock.t += 1;
    expect([await acw(), await listed(), await ana()]).toEqual([77, 77, 9]);
  });

  it('a second write within the lag keeps the first pre-write value visible; settle() ends the lag', async () => {
    const { s, clock, call } = await boot({ readLagMs: 300 });
    await call('PUT', '/skills/3200', { body: { skill: { maxSecondsACW: 77 } } });
    clock.t += 100;
    s.setSkillField(3200, 'maxSecondsACW', 88);
    clock.t += 250;
    expect(rows(await call('GET', '/skills/3200'), 'skills')[0]?.['maxSecondsACW']).toBe(30);
    s.settle();
    expect(rows(await call('GET', '/skills/3200'), 'skills')[0]?.['maxSecondsACW']).toBe(88);
    expect(s.writes.map((w) => [w.by, w.fields])).toEqual([['client', ['maxSecondsACW']], ['helper', ['maxSecondsACW']]]);
  });
});

describe('numbers', () => {
  it('summary agrees with the completed contacts: offered = handled + abandoned, ASA and SLA from the rows', async () => {
    const { call } = await boot();
    for (const id of [3107, 3101, 3333, 3200, 3410, 3112]) {
      const sum = rows(await call('GET', `/skills/${id}/summary?${range}`), 'skillSummaries')[0] as Json;
      const done = rows(await call('GET', `/contacts/completed?skillId=${id}&top=50&${range}`), 'completedContacts');
      const handled = done.filter((r) => r['abandoned'] === false);
      expect(sum['contactsOffered']).toBe(done.length);
      expect(sum['contactsOffered']).toBe(Number(sum['contactsHandled']) + Number(sum['abandonCount']));
      expect(sum['contactsHandled']).toBe(handled.length);
      expect(Number(sum['contactsWithinSLA']) + Number(sum['contactsOutOfSLA'])).toBe(done.length);
      const mean = Math.round(handled.reduce((t, r) => t + Number(r['inQueueSeconds']), 0) / handled.length);
      expect(sum['averageSpeedToAnswer']).toBe(mean);
      expect(done.every((r) => r['totalDurationSeconds'] === Number(r['inQueueSeconds']) + Number(r['agentSeconds']))).toBe(true);
    }
  });

  it('completed contacts page with _links.next while more follow; dates are required', async () => {
    const { call } = await boot();
    const p1 = await call('GET', `/contacts/completed?top=20&${range}`);
    expect([p1.json['totalRecords'], rows(p1, 'completedContacts').length]).toEqual([37, 20]);
    const p2 = await call('GET', `/contacts/completed?${new URL(String((p1.json['_links'] as Json)['next'])).searchParams.toString()}`);
    expect([rows(p2, 'completedContacts').length, p2.json['_links']]).toEqual([17, {}]);
    expect((await call('GET', '/contacts/completed')).status).toBe(400);
    expect((await call('GET', '/skills/3107/summary')).status).toBe(400);
  });

  it('activity: logged in = available + working + idle = active assignments of active agents', async () => {
    const { call } = await boot();
    const all = rows(await call('GET', '/skills/activity'), 'skillActivity');
    const byId = new Map(all.map((r) => [r['skillId'], r]));
    expect([3107, 3101, 3333, 3200, 3410, 3112].map((id) => byId.get(id)?.['agentsLoggedIn'])).toEqual([3, 2, 1, 0, 0, 0]);
    for (const r of all) {
      expect(r['agentsLoggedIn']).toBe(Number(r['agentsAvailable']) + Number(r['agentsWorking']) + Number(r['agentsIdle']));
    }
    const one = rows(await call('GET', '/skills/3107/activity'), 'skillActivity');
    expect(one).toEqual([byId.get(3107)]);
  });
});

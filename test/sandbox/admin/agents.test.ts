import { describe, expect, it } from 'vitest';
import { api, skillId, start, token } from './helpers.js';

describe('admin sandbox: agents', () => {
  it('lists agents with user names, pages them and searches names and emails', async () => {
    const sb = await start({ maxTop: 4 });
    const tok = await token(sb);
    const page = await api(sb, tok, 'GET', '/agents');
    expect(page.body.totalRecords).toBe(13);
    expect(page.body.agents).toHaveLength(4);
    expect(page.body.agents[0]).toEqual({
      agentId: expect.any(Number),
      userName: 'ana.garcia',
      firstName: 'Ana',
      lastName: 'Garcia',
      emailAddress: 'ana.garcia@example.com',
      isActive: true,
      teamId: 1,
      teamName: 'Tier 1',
    });
    expect(page.body._links.next).toContain('skip=4');
    const found = await api(sb, tok, 'GET', '/agents?searchString=PETROV');
    expect(found.body.agents.map((a: { userName: string }) => a.userName)).toEqual(['ivan.petrov']);
    expect(found.body.agents[0].isActive).toBe(false);
  });
});

describe('admin sandbox: agent assignments', () => {
  it("lists a skill's assignments with proficiency, active flags and lastUpdateTime", async () => {
    const sb = await start();
    const tok = await token(sb);
    const id = skillId(sb, 'Support Phone');
    const r = await api(sb, tok, 'GET', `/skills/${id}/agents`);
    expect(r.body.totalRecords).toBe(4);
    const david = sb.state.agentByUserName('david.chen')!;
    expect(r.body.agentSkillAssignments[3]).toEqual({
      skillId: id,
      skillName: 'Support Phone',
      agentId: david.agentId,
      firstName: 'David',
      lastName: 'Chen',
      teamId: 2,
      agentProficiencyValue: 8,
      agentProficiencyName: '8 - Medium',
      isActive: false,
      isSkillActive: true,
      lastUpdateTime: '2026-01-05T09:00:00.000Z',
    });
    expect((await api(sb, tok, 'GET', '/skills/42/agents')).status).toBe(404);
  });

  it('assigns (POST), changes (PUT) and unassigns (DELETE), each item succeeding or failing alone', async () => {
    const sb = await start({ now: () => new Date('2026-11-20T12:00:00Z') });
    const tok = await token(sb);
    const id = skillId(sb, 'SMS Care');
    const [ana, ben, hana] = ['ana.garcia', 'ben.okafor', 'hana.sato'].map((u) => sb.state.agentByUserName(u)!.agentId);
    const post = await api(sb, tok, 'POST', `/skills/${id}/agents`, {
      body: { agents: [{ agentId: ana, isActive: true, proficiency: 3 }, { agentId: hana, proficiency: 1 }, { agentId: ben, proficiency: 21 }, { agentId: 1, proficiency: 2 }] },
    });
    expect(post.status).toBe(200);
    expect(post.body.resultSet.errorCount).toBe(3);
    expect(post.body.resultSet.agentResults).toEqual([
      { agentId: ana, success: true },
      { agentId: hana, success: false, error: expect.stringContaining('already assigned') },
      { agentId: ben, success: false, error: expect.stringContaining('1 to 20') },
      { agentId: 1, success: false, error: expect.stringContaining('does not exist') },
    ]);
    expect(sb.state.assignments(id).map((a) => [a.userName, a.proficiency, a.isActive])).toEqual([
      ['ana.garcia', 3, true],
      ['hana.sato', 4, true],
    ]);
    const put = await api(sb, tok, 'PUT', `/skills/${id}/agents`, { body: { agents: [{ agentId: hana, proficiency: 2, isActive: false }, { agentId: ben, proficiency: 2 }] } });
    expect(put.body.resultSet).toEqual({
      errorCount: 1,
      agentResults: [{ agentId: hana, success: true }, { agentId: ben, success: false, error: expect.stringContaining('not assigned') }],
    });
    expect(sb.state.assignments(id).find((a) => a.agentId === hana)).toMatchObject({ proficiency: 2, isActive: false, lastUpdateTime: '2026-11-20T12:00:00.000Z' });
    const del = await api(sb, tok, 'DELETE', `/skills/${id}/agents/${ana}`);
    expect(del.body.resultSet).toEqual({ errorCount: 0, agentResults: [{ agentId: ana, success: true }] });
    const again = await api(sb, tok, 'DELETE', `/skills/${id}/agents/${ana}`);
    expect(again.body.resultSet).toEqual({ errorCount: 1, agentResults: [{ agentId: ana, success: false, error: expect.stringContaining('not assigned') }] });
    expect(sb.state.assignments(id).map((a) => a.userName)).toEqual(['hana.sato']);
    expect(sb.state.agentWriteCount(id)).toBe(3);
    expect((await api(sb, tok, 'POST', `/skills/${id}/agents`, { body: { agents: [] } })).status).toBe(400);
    expect((await api(sb, tok, 'PUT', `/skills/${id}/agents`, { body: { agentId: ana } })).status).toBe(400);
  });

  it('failWrites fails every item of an agents write inside a 200 and applies none', async () => {
    const sb = await start();
    const tok = await token(sb);
    const id = skillId(sb, 'Voicemail Callback');
    const ana = sb.state.agentByUserName('ana.garcia')!.agentId;
    sb.state.failWrites(id, 2, 'try later');
    const r = await api(sb, tok, 'POST', `/skills/${id}/agents`, { body: { agents: [{ agentId: ana, proficiency: 1 }] } });
    expect(r.body.resultSet).toEqual({ errorCount: 1, agentResults: [{ agentId: ana, success: false, error: 'try later' }] });
    sb.state.setAssignment(id, 'ana.garcia', { proficiency: 4 });
    const d = await api(sb, tok, 'DELETE', `/skills/${id}/agents/${ana}`);
    expect(d.body.resultSet.errorCount).toBe(1);
    expect(sb.state.assignments(id).map((a) => [a.userName, a.proficiency])).toEqual([['ana.garcia', 4]]);
  });

  it('GET /skills/agents?skills=a,b answers several skills at once, paged in skill then agent order', async () => {
    const sb = await start({ maxTop: 3 });
    const tok = await token(sb);
    const a = skillId(sb, 'Web Chat');
    const b = skillId(sb, 'Support Email');
    const rows: { skillId: number; agentId: number }[] = [];
    let next: string | undefined = `${sb.apiBase}/skills/agents?skills=${a},${b},999`;
    let requests = 0;
    while (next) {
      const page = await api(sb, tok, 'GET', next);
      requests += 1;
      expect(page.body.totalRecords).toBe(5);
      rows.push(...page.body.agentSkillAssignments);
      next = page.body._links.next;
    }
    expect(requests).toBe(2);
    expect(rows.map((r) => r.skillId)).toEqual([b, b, a, a, a]);
    expect(rows.filter((r) => r.skillId === a).map((r) => r.agentId)).toEqual(sb.state.assignments(a).map((x) => x.agentId));
    expect((await api(sb, tok, 'GET', '/skills/agents?skills=1,x')).status).toBe(400);
    const all = await api(sb, tok, 'GET', '/skills/agents?top=1');
    expect(all.body.totalRecords).toBe(sb.state.listSkills().reduce((n, s) => n + sb.state.assignments(s.skillId).length, 0));
    expect((await api(sb, tok, 'PUT', '/skills/agents')).status).toBe(405);
  });

  it('spreads generated agents over generated skills, deterministically for a seed', async () => {
    const one = await start({ skills: 40, sample: false, seed: 3 });
    const two = await start({ skills: 40, sample: false, seed: 3 });
    expect(one.state.agents.agents()).toHaveLength(10);
    const shape = (sb: typeof one) => sb.state.listSkills().map((s) => [s.skillName, s.serviceLevelThreshold, sb.state.assignments(s.skillId).map((a) => [a.userName, a.proficiency])]);
    expect(shape(one)).toEqual(shape(two));
    for (const s of one.state.listSkills()) expect(one.state.assignments(s.skillId).length).toBeGreaterThanOrEqual(2);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { sandboxWorkspace, secondWorkspace, skillYaml, type SkillWorkspace } from './skill-tenant.js';

let w: SkillWorkspace | undefined;
afterEach(async () => {
  await w?.close();
  w = undefined;
});

const APPLY = ['apply', '--dir', 'skills', '--yes', '--report', 'r.json'];

describe('a console edit between plan and apply', () => {
  it('--plan: the skill fails as stale naming the moved field, nothing is written (admin sandbox)', async () => {
    const t = await sandboxWorkspace();
    w = t;
    const id = t.sb.state.skillByName('Support Phone')!.skillId;
    t.declare({ 's.yaml': skillYaml('Support Phone', { serviceLevelGoal: 85, maxPriority: 200 }) });
    expect((await t.run(['plan', '--dir', 'skills', '--out', 'plan.json'])).code).toBe(0);
    t.sb.state.editSkill(id, { maxPriority: 150 });
    const r = await t.run(['apply', '--plan', 'plan.json', '--dir', 'skills', '--report', 'r.json']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('stale plan): /maxPriority moved');
    expect(t.sb.state.writeCount(id)).toBe(1); // the console edit only
    expect(t.json('r.json').entries[0]).toMatchObject({ kind: 'Skill', outcome: 'failed', error: { code: 'stale', errors: [{ field: 'maxPriority' }] } });
  });

  it('--plan: stale on the second server too', async () => {
    const t = await secondWorkspace();
    w = t;
    t.declare({ 's.yaml': skillYaml('Sales Inbound Phone', { serviceLevelGoal: 95 }) });
    expect((await t.run(['plan', '--dir', 'skills', '--out', 'plan.json'])).code).toBe(0);
    t.s.setSkillField(3107, 'serviceLevelGoal', 70);
    const r = await t.run(['apply', '--plan', 'plan.json', '--dir', 'skills', '--report', 'r.json']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('/serviceLevelGoal moved');
    expect(t.s.writes.filter((x) => x.by === 'client')).toEqual([]);
  });

  it('--dir: re-plans on the fresh read, their edit of an undeclared field survives, the report says what was overwritten', async () => {
    const t = await sandboxWorkspace();
    w = t;
    const id = t.sb.state.skillByName('Support Phone')!.skillId;
    t.declare({ 's.yaml': skillYaml('Support Phone', { serviceLevelGoal: 85, serviceLevelThreshold: 30 }) });
    // The console edit lands right as apply re-reads the skill before writing it.
    const off = t.sb.onRequest((req) => {
      if (req.method === 'GET' && req.path.endsWith(`/skills/${id}`)) {
        off();
        t.sb.state.editSkill(id, { serviceLevelThreshold: 45, notes: 'edited in the console' });
      }
    });
    const r = await t.run(APPLY);
    expect(r.code).toBe(0);
    const skill = t.sb.state.getSkill(id)!;
    expect(skill).toMatchObject({ serviceLevelGoal: 85, serviceLevelThreshold: 30, notes: 'edited in the console' });
    const entry = t.json('r.json').entries[0];
    expect(entry).toMatchObject({ outcome: 'applied', conflicts: 1, overwrote: ['/serviceLevelThreshold'], confirmed: true });
    expect(entry.fields).toEqual([{ path: '/serviceLevelThreshold', old: 45, new: 30 }, { path: '/serviceLevelGoal', old: 80, new: 85 }]);
    expect(r.stdout).toContain('changed concurrently: Support Phone');
  });
});

describe('a failure inside a 200', () => {
  it('fails the skill with the server message (admin sandbox), exit 1, others still applied', async () => {
    const t = await sandboxWorkspace();
    w = t;
    const id = t.sb.state.skillByName('Support Phone')!.skillId;
    t.sb.state.failWrites(id, 1, 'Skill is locked by another administrator');
    t.declare({ 'a.yaml': skillYaml('Support Phone', { serviceLevelGoal: 85 }), 'b.yaml': skillYaml('Web Chat', { serviceLevelGoal: 90 }) });
    const r = await t.run(APPLY);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('failed: Support Phone');
    expect(r.stdout).toContain('Skill is locked by another administrator');
    const report = t.json('r.json');
    expect(report.summary).toMatchObject({ applied: 1, failed: 1 });
    expect(report.entries.find((e: any) => e.skillId === id)).toMatchObject({ outcome: 'failed', error: { status: 200, code: 'write.rejected' } });
    expect(t.sb.state.getSkill(id)!.serviceLevelGoal).toBe(80);
  });

  it('on the second server (failSkillIds)', async () => {
    const t = await secondWorkspace({ failSkillIds: [3107] });
    w = t;
    t.declare({ 'a.yaml': skillYaml('Sales Inbound Phone', { serviceLevelGoal: 95 }) });
    const r = await t.run(APPLY);
    expect(r.code).toBe(1);
    const entry = t.json('r.json').entries[0];
    expect(entry).toMatchObject({ outcome: 'failed', error: { code: 'write.rejected' } });
    expect(entry.error.message.length).toBeGreaterThan(0);
    expect(t.s.getSkill(3107)!['serviceLevelGoal']).not.toBe(95);
  });
});

describe('the second server (PUT keeps omitted fields, wrapped GETs, top clamped to 50)', () => {
  it('round trip: only declared fields change, unknown fields survive, the next plan shows none', async () => {
    const t = await secondWorkspace({ extraSkills: 60 });
    w = t;
    const before = t.s.getSkill(3107)!;
    t.declare({ 'a.yaml': skillYaml('Sales Inbound Phone', { serviceLevelGoal: 95, notes: 'managed' }, { 'li.wei': { proficiency: 1 }, 'sofia.rossi': { proficiency: 6 } }) });
    const r = await t.run(APPLY);
    expect(r.stderr).not.toContain('error');
    expect(r.code).toBe(0);
    const after = t.s.getSkill(3107)!;
    expect(after).toEqual({ ...before, serviceLevelGoal: 95, notes: 'managed' });
    const ours = t.s.writes.filter((x) => x.by === 'client');
    expect(ours.find((x) => x.what === 'skill')!.fields.sort()).toEqual(['notes', 'serviceLevelGoal']);
    const names = t.s.assignments(3107).map((a) => `${a.userName}:${a.proficiency}`).sort();
    expect(names).toEqual(['ana.garcia:1', 'li.wei:1', 'omar.haddad:5', 'sofia.rossi:6']);
    t.s.settle();
    const again = await t.run(['plan', '--dir', 'skills', '--detailed-exitcode']);
    expect(again.code).toBe(0);
  });

  it('agentsExclusive unassigns the undeclared agents; without it they stay', async () => {
    const t = await secondWorkspace();
    w = t;
    t.declare({ 'a.yaml': skillYaml('Support Chat', {}, { 'li.wei': { proficiency: 2 } }) });
    const plain = await t.run(['plan', '--dir', 'skills', '--detailed-exitcode']);
    expect(plain.code).toBe(0);
    t.declare({ 'a.yaml': skillYaml('Support Chat', {}, { 'li.wei': { proficiency: 2 } }, true) });
    const exclusive = await t.run(['plan', '--dir', 'skills']);
    expect(exclusive.stdout).toContain('- agent sofia.rossi (was proficiency 4, active)');
    expect(exclusive.stdout).toContain('- agent priya.nair (was proficiency 10, inactive)');
    expect((await t.run(APPLY)).code).toBe(0);
    expect(t.s.assignments(3101).map((a) => a.userName)).toEqual(['li.wei']);
  });

  it('read lag: the read-back re-reads until the write shows, then confirms', async () => {
    const t = await secondWorkspace({ readLagMs: 250 });
    w = t;
    t.declare({ 'a.yaml': skillYaml('Billing Email', { serviceLevelGoal: 99 }) });
    expect((await t.run(APPLY)).code).toBe(0);
    expect(t.json('r.json').entries[0]).toMatchObject({ outcome: 'applied', confirmed: true });
  });

  it('token expiry mid-run: a 401 fetches one new token and the run goes on', async () => {
    const seen = { requests: 0 };
    // From the third request on (after the token and the plan's list read), the server's clock is
    // 6 s ahead: the token of the run has expired (5 s tokens) while the client still holds it.
    const t = await secondWorkspace({ now: () => Date.now() + (seen.requests >= 3 ? 6000 : 0) });
    w = t;
    Object.defineProperty(seen, 'requests', { get: () => t.s.requests.length });
    t.declare({ 'a.yaml': skillYaml('Sales Inbound Phone', { serviceLevelGoal: 96 }), 'b.yaml': skillYaml('Billing Email', { serviceLevelGoal: 97 }) });
    const r = await t.run(APPLY);
    expect(r.code).toBe(0);
    expect(t.s.requests.some((q) => q.status === 401)).toBe(true);
    expect(t.s.requests.filter((q) => q.path.startsWith('/authentication/')).length).toBe(2);
    expect(t.s.getSkill(3107)!['serviceLevelGoal']).toBe(96);
  });
});

describe('token expiry and lost answers on the admin sandbox', () => {
  it('expireTokens right before the PUT: one new token, the write lands once', async () => {
    const t = await sandboxWorkspace();
    w = t;
    const id = t.sb.state.skillByName('Support Phone')!.skillId;
    const off = t.sb.onRequest((req) => {
      if (req.method === 'PUT') {
        off();
        t.sb.expireTokens();
      }
    });
    t.declare({ 'a.yaml': skillYaml('Support Phone', { serviceLevelGoal: 85 }) });
    const r = await t.run(APPLY);
    expect(r.code).toBe(0);
    expect(t.sb.requests.filter((q) => q.method === 'PUT').map((q) => q.outcome)).toEqual([401, 200]);
    expect(t.sb.state.writeCount(id)).toBe(1);
  });

  it('a lost answer is settled by a fresh read: applied, never re-sent, the unproven answer noted', async () => {
    const t = await sandboxWorkspace({ lostResponseRate: 1 });
    w = t;
    const id = t.sb.state.skillByName('Support Phone')!.skillId;
    t.declare({ 'a.yaml': skillYaml('Support Phone', { serviceLevelGoal: 85 }, { 'ana.garcia': { proficiency: 3 } }) });
    const r = await t.run(APPLY);
    expect(r.code).toBe(0);
    expect(t.sb.state.writeCount(id)).toBe(1);
    expect(t.sb.requests.filter((q) => q.method === 'PUT').length).toBe(2); // the skill, then the agents
    const entry = t.json('r.json').entries[0];
    expect(entry).toMatchObject({ outcome: 'applied', confirmed: true });
    expect(entry.unprovenAnswer).toContain('skill write');
    expect(r.stdout).toContain('settled by a fresh read: Support Phone');
  });
});

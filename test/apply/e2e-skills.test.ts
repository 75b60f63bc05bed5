import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { planChecksum } from '../../src/plan/saved.js';
import { sandboxWorkspace, skillYaml, type SkillWorkspace } from './skill-tenant.js';

let w: SkillWorkspace | undefined;
afterEach(async () => {
  await w?.close();
  w = undefined;
});

const APPLY = ['apply', '--dir', 'skills', '--yes', '--report', 'r.json'];

describe('cxq plan and apply of skills on the admin sandbox (putOmitted reset)', () => {
  it('round trip: plan shows the changes, apply writes only them, the next plan shows none', async () => {
    const t = await sandboxWorkspace({ putOmitted: 'reset' });
    w = t;
    const support = t.sb.state.skillByName('Support Phone')!;
    const billing = t.sb.state.skillByName('Billing Phone')!;
    t.declare({
      'support.yaml': skillYaml('Support Phone', { serviceLevelGoal: 85, notes: 'Tier 1 voice' }, { 'ana.garcia': { proficiency: 2 }, 'julia.rossi': { proficiency: 4 } }),
      'billing.yaml': skillYaml('Billing Phone', { serviceLevelGoal: 90 }, { 'ana.garcia': { proficiency: 2 } }, true),
    });
    const plan = await t.run(['plan', '--dir', 'skills', '--detailed-exitcode']);
    expect(plan.stderr).toBe('');
    expect(plan.code).toBe(2);
    expect(plan.stdout).toContain(`~ Support Phone (skill ${support.skillId})`);
    expect(plan.stdout).toContain('    serviceLevelGoal: 80 → 85');
    expect(plan.stdout).toContain('    ~ agent ana.garcia: proficiency 1 → 2');
    expect(plan.stdout).toContain('    + agent julia.rossi: proficiency 4, active');
    expect(plan.stdout).toContain('    - agent emma.schmidt (was proficiency 4, active)');
    expect(plan.stdout).not.toContain('ben.okafor'); // undeclared, not exclusive: left alone, not shown
    expect(plan.stdout).toContain('Plan: 2 skills to update, 0 unchanged, 11 unmanaged.');
    const planRequests = t.sb.requests.filter((r) => !r.path.includes('/authentication/')).length;
    expect(planRequests).toBe(3); // skills list, agents list, multi-skill assignments

    const before = t.sb.state.getSkill(support.skillId)!;
    const apply = await t.run(APPLY);
    expect(apply.stderr).toContain('the platform health check is skipped');
    expect(apply.code).toBe(0);
    expect(apply.stdout).toContain('Apply finished: 2 applied, 0 failed, 0 skipped, 0 unchanged.');
    const after = t.sb.state.getSkill(support.skillId)!;
    expect(after).toEqual({ ...before, serviceLevelGoal: 85, ...(after['lastUpdateTime'] === undefined ? {} : { lastUpdateTime: after['lastUpdateTime'] }) });
    expect(t.sb.state.writeCount(support.skillId)).toBe(1);
    expect(t.sb.state.writeCount(billing.skillId)).toBe(0); // only its agents changed
    const names = (id: number) => t.sb.state.assignments(id).map((a) => `${a.userName}:${a.proficiency}`).sort();
    expect(names(support.skillId)).toEqual(['ana.garcia:2', 'ben.okafor:3', 'chloe.martin:5', 'david.chen:8', 'julia.rossi:4']);
    expect(names(billing.skillId)).toEqual(['ana.garcia:2']);

    const r = t.json('r.json');
    expect(r.summary).toEqual({ applied: 2, failed: 0, skipped: 0, noop: 0 });
    const entry = r.entries.find((e: any) => e.skillId === support.skillId);
    expect(entry).toMatchObject({ kind: 'Skill', id: String(support.skillId), name: 'Support Phone', outcome: 'applied', confirmed: true, attempts: 3 });
    expect(entry.fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(entry).not.toHaveProperty('fromVersion');
    const journal = readFileSync(join(t.cwd, 'r.journal.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    const writes = journal.filter((e) => e.type === 'attempt' && e.id === String(support.skillId)).map((e) => e.write);
    expect(writes).toEqual(['skill', 'assign', 'change']);
    expect(readFileSync(join(t.cwd, 'r.md'), 'utf8')).toContain('| applied | Support Phone |');

    const recovered = await t.run(['apply', '--recover', 'r.journal.jsonl', '--report', 'rec.json']);
    expect(recovered.code).toBe(0);
    expect(t.json('rec.json').entries.map((e: any) => [e.kind, e.outcome, e.confirmed])).toEqual([['Skill', 'applied', true], ['Skill', 'applied', true]]);

    const again = await t.run(['plan', '--dir', 'skills', '--detailed-exitcode']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('No changes. The tenant matches the skill definitions.');
  });

  it('json and markdown renders, and --out saves a checksummed skills plan with the fingerprints', async () => {
    const t = await sandboxWorkspace();
    w = t;
    t.declare({ 'support.yaml': skillYaml('Support Phone', { serviceLevelGoal: 85 }, { 'ana.garcia': { proficiency: 2 } }) });
    const json = JSON.parse((await t.run(['plan', '--dir', 'skills', '--format', 'json'])).stdout);
    expect(json).toMatchObject({ formatVersion: 1, dialect: 'admin', summary: { managed: 1, update: 1, noop: 0, unmanaged: 12 } });
    expect(json.changes[0]).toMatchObject({ kind: 'Skill', skillName: 'Support Phone', action: 'update', fields: [{ path: '/serviceLevelGoal', old: 80, new: 85 }] });
    expect(json.changes[0].agents).toEqual([{ action: 'update', userName: 'ana.garcia', agentId: expect.any(Number), old: { proficiency: 1, active: true }, new: { proficiency: 2, active: true } }]);
    const md = (await t.run(['plan', '--dir', 'skills', '--format', 'markdown'])).stdout;
    expect(md).toContain('### cxq plan: 1 skill to update, 0 unchanged, 12 unmanaged');
    expect(md).toContain('| Support Phone | `agent ana.garcia` | `proficiency 1, active` | `proficiency 2, active` |');
    const out = await t.run(['plan', '--dir', 'skills', '--out', 'plan.json']);
    expect(out.stdout).toContain('Saved the plan to plan.json');
    const saved = t.json('plan.json');
    expect(saved).toMatchObject({ kind: 'cxq-plan', dialect: 'admin', baseUrl: t.sb.apiBase });
    expect(saved.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(saved.changes[0].observed.fields).toMatchObject({ skillName: 'Support Phone', serviceLevelGoal: 80 });
    expect(saved.changes[0]).not.toHaveProperty('source');
  });

  it('refuses without a terminal and without --yes, writing nothing', async () => {
    const t = await sandboxWorkspace();
    w = t;
    t.declare({ 'support.yaml': skillYaml('Support Phone', { serviceLevelGoal: 85 }) });
    const r = await t.run(['apply', '--dir', 'skills']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('refusing to apply 1 change(s) without confirmation: stdin is not a terminal');
    expect(t.sb.requests.filter((q) => q.method !== 'GET' && !q.path.includes('/authentication/'))).toEqual([]);
  });

  it('apply --plan writes the reviewed plan; a crafted plan is refused before any write', async () => {
    const t = await sandboxWorkspace();
    w = t;
    const id = t.sb.state.skillByName('Support Phone')!.skillId;
    t.declare({ 's.yaml': skillYaml('Support Phone', { serviceLevelGoal: 85 }), 'w.yaml': skillYaml('Web Chat', { serviceLevelGoal: 90 }) });
    expect((await t.run(['plan', '--dir', 'skills', '--out', 'plan.json'])).code).toBe(0);
    const saved = t.json('plan.json');
    const craft = (edit: (p: any) => void): string => {
      const p = structuredClone(saved);
      edit(p);
      delete p.checksum;
      p.checksum = planChecksum(p);
      writeFileSync(join(t.cwd, 'crafted.json'), JSON.stringify(p));
      return 'crafted.json';
    };
    const support = (p: any) => p.changes.find((c: any) => c.skillName === 'Support Phone');
    const cases: [(p: any) => void, string][] = [
      [(p) => void (support(p).desired.fields.mediaTypeId = 1), 'mediaTypeId: is not a field the skill schema declares'],
      [(p) => void (support(p).desired.fields.serviceLevelGoal = 500), 'is refused by the skill schema'],
      [(p) => void (support(p).desired.fields.serviceLevelGoal = 60), 'serviceLevelGoal: the plan writes 60, the definitions say 85'],
      [(p) => void (p.changes = p.changes.filter((c: any) => c.skillName !== 'Web Chat')), 'differs from the live skill in the definitions, but the plan omits it'],
      [(p) => void (p.dialect = undefined), 'is a queue plan (v2 dialect), not a skills plan'],
    ];
    for (const [edit, message] of cases) {
      const r = await t.run(['apply', '--plan', craft(edit), '--dir', 'skills', '--report', 'x.json']);
      expect(r.code, message).toBe(1);
      expect(r.stderr).toContain(message);
    }
    expect(t.sb.state.writeCount(id)).toBe(0);
    const ok = await t.run(['apply', '--plan', 'plan.json', '--dir', 'skills', '--report', 'r.json']);
    expect(ok.code).toBe(0);
    expect(t.json('r.json')).toMatchObject({ planChecksum: saved.checksum, summary: { applied: 2 } });
    expect(t.sb.state.getSkill(id)!.serviceLevelGoal).toBe(85);
  });

  it('the change threshold counts skills: 4 of 10 managed is refused without --force', async () => {
    const t = await sandboxWorkspace({ sample: false, skills: 10 });
    w = t;
    const files: Record<string, string> = {};
    for (let i = 1; i <= 10; i++) {
      const name = `Generated Skill ${String(i).padStart(5, '0')}`;
      const live = t.sb.state.skillByName(name)!;
      files[`g${i}.yaml`] = skillYaml(name, { serviceLevelGoal: i <= 4 ? 99 : live.serviceLevelGoal });
    }
    t.declare(files);
    const r = await t.run(APPLY);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('refusing to update 4 of 10 managed skills (40% > 30%)');
    expect(t.sb.requests.filter((q) => q.method !== 'GET' && !q.path.includes('/authentication/'))).toEqual([]);
    expect((await t.run([...APPLY, '--force'])).code).toBe(0);
  });
});
